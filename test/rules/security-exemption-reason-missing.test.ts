import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, found, response, testRule, VERSIONS } from '../helpers.js';
import { EXEMPTIONS } from '../fixtures/documents.js';
import { byOperationRule, op, READ, REASON_MISSING, unprotectedDoc, WRITE } from '../fixtures/security.js';

testRule(REASON_MISSING, VERSIONS.flatMap(version => [
  {
    name: `${version}: an exemption without a reason, and an exemptions value that is not a map, where each is written`,
    document: base(version, {
      [EXEMPTIONS]: { [WRITE]: '  ' },
      paths: { '/a': { post: op(version, { [EXEMPTIONS]: [WRITE] }) } },
    }),
    errors: [
      {
        path: [EXEMPTIONS, WRITE],
        severity: DiagnosticSeverity.Warning,
        message: `Exemption from "${WRITE}" has no reason: write why the finding is accepted, or remove the exemption (it has no effect until it has a reason).`,
      },
      {
        path: ['paths', '/a', 'post', EXEMPTIONS],
        severity: DiagnosticSeverity.Warning,
        message: `"${EXEMPTIONS}" must map rule ids to the reason for each exemption, e.g. "auth-read-operation-unprotected: Public status page".`,
      },
    ],
  },
  {
    name: `${version}: not exemptions with a reason, at any scope`,
    document: base(version, {
      [EXEMPTIONS]: { [WRITE]: 'Internal mock server.' },
      paths: { '/a': { [EXEMPTIONS]: { [READ]: 'Sandbox.' }, post: op(version, { [EXEMPTIONS]: { [WRITE]: 'Webhook receiver authenticated by HMAC signature.' } }) } },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${REASON_MISSING} (%s)`, version => {
  it('an exemption without a reason silences nothing and is itself reported, at each scope', async () => {
    const d = unprotectedDoc(version, {
      root: { [EXEMPTIONS]: { [WRITE]: '' } },
      item: { [EXEMPTIONS]: { [WRITE]: '   ' } },
      op: { [EXEMPTIONS]: { [WRITE]: null, [READ]: true } },
    });
    expect(await byOperationRule(d)).toEqual({
      [REASON_MISSING]: [
        `paths./a.post.${EXEMPTIONS}.${READ}`,
        `paths./a.post.${EXEMPTIONS}.${WRITE}`,
        `paths./a.${EXEMPTIONS}.${WRITE}`,
        `${EXEMPTIONS}.${WRITE}`,
      ],
      [WRITE]: ['paths./a.delete', 'paths./a.post', 'paths./b.post'],
    });
  });

  it('reports an exemptions value that is not a map, and exempts nothing', async () => {
    const d = unprotectedDoc(version, { op: { [EXEMPTIONS]: [WRITE] }, root: { [EXEMPTIONS]: 'all' } });
    expect(await byOperationRule(d)).toEqual({
      [REASON_MISSING]: [`paths./a.post.${EXEMPTIONS}`, EXEMPTIONS],
      [WRITE]: ['paths./a.delete', 'paths./a.post', 'paths./b.post'],
    });
  });
});

describe.each(VERSIONS)(`${REASON_MISSING}: exemptions written on schemas (%s)`, version => {
  it('reports a schema-level exemption without a reason, and honours one with a reason', async () => {
    const defs = {
      Note: { type: 'string', 'x-api-security-exemptions': { 'resource-string-unbounded': '' } },
      Title: { type: 'string', 'x-api-security-exemptions': { 'resource-string-unbounded': 'Free text capped by the gateway at 4 KiB.' } },
    };
    const body = { type: 'object', properties: { note: { $ref: version === '2.0' ? '#/definitions/Note' : '#/components/schemas/Note' }, title: { $ref: version === '2.0' ? '#/definitions/Title' : '#/components/schemas/Title' } } };
    const operation = version === '2.0'
      ? { parameters: [{ name: 'body', in: 'body', schema: body }], responses: { '200': response(version) } }
      : { requestBody: { content: { 'application/json': { schema: body } } }, responses: { '200': response(version) } };
    const d = base(version, { ...(version === '2.0' ? { definitions: defs } : { components: { schemas: defs } }), paths: { '/notes': { post: operation } } });
    const where = version === '2.0' ? 'definitions' : 'components.schemas';
    expect(await found(REASON_MISSING, d)).toEqual([`${where}.Note.x-api-security-exemptions.resource-string-unbounded`]);
    expect(await found('resource-string-unbounded', d)).toEqual([`${where}.Note`]);
  });
});
