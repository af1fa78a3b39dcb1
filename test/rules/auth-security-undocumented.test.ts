import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { createRuleset } from '../../index.js';
import { base, lint, param, testRule, VERSIONS, type Doc } from '../helpers.js';
import { bearerDoc, byOperationRule, op, PUBLIC, READ, UNDOCUMENTED, WRITE } from '../fixtures/security.js';

testRule(UNDOCUMENTED, VERSIONS.flatMap(version => [
  {
    name: `${version}: operations and no security anywhere, once, at the root`,
    document: base(version, { paths: { '/a': { get: op(version), post: op(version) } } }),
    errors: [
      {
        path: [],
        severity: DiagnosticSeverity.Error,
        message: `None of the 2 operations documents authentication: define the schemes callers use in \`${version === '2.0' ? 'securityDefinitions' : 'components.securitySchemes'}\` and require them with \`security\` (root or per operation).`,
      },
    ],
  },
  {
    name: `${version}: not a document that defines a scheme, nor one whose operation declares \`security\``,
    document: base(version, { paths: { '/a': { get: op(version, { security: [] }), post: op(version) } } }),
    errors: [],
  },
  {
    name: `${version}: not a document with schemes but no requirement (the per-operation rules take over)`,
    document: bearerDoc(version, { '/a': { get: op(version) } }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${UNDOCUMENTED} (%s)`, version => {
  it('reports a document with operations and no security anywhere once, at the root, and no per-operation finding', async () => {
    const d = base(version, { paths: { '/a': { get: op(version), post: op(version) }, '/b': { delete: op(version), head: op(version) } } });
    expect(await byOperationRule(d)).toEqual({ [UNDOCUMENTED]: [''] });
    const messages = (await lint(d)).filter(r => r.code === UNDOCUMENTED).map(r => r.message);
    expect(messages).toEqual([
      `None of the 4 operations documents authentication: define the schemes callers use in \`${version === '2.0' ? 'securityDefinitions' : 'components.securitySchemes'}\` and require them with \`security\` (root or per operation).`,
    ]);
  });

  it('does not report a document without operations', async () => {
    expect(await byOperationRule(base(version, { paths: {} }))).toEqual({});
    expect(await byOperationRule(base(version, { paths: { '/a': { parameters: [] } } }))).toEqual({});
  });

  it('does not report once schemes are defined: per-operation rules take over', async () => {
    const d = bearerDoc(version, { '/a': { get: op(version), post: op(version) } });
    expect(await byOperationRule(d)).toEqual({ [READ]: ['paths./a.get'], [WRITE]: ['paths./a.post'] });
  });

  it('does not report when an operation declares `security` even with no scheme defined', async () => {
    const d = base(version, { paths: { '/a': { get: op(version, { security: [] }), post: op(version) } } });
    expect(await byOperationRule(d)).toEqual({ [PUBLIC]: ['paths./a.get.security'], [WRITE]: ['paths./a.post'] });
  });
});

describe('OpenAPI 3.1 webhooks', () => {
  it('does not judge webhooks (calls the API makes) or count them as operations', async () => {
    const d = base('3.1', { webhooks: { itemCreated: { post: op('3.1') } } });
    expect(await byOperationRule(d)).toEqual({});
    const withSchemes = base('3.1', { components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } }, webhooks: { itemCreated: { post: op('3.1') } } });
    expect(await byOperationRule(withSchemes)).toEqual({});
  });
});

describe.each(VERSIONS)(`${UNDOCUMENTED} (%s): credentials taken as parameters (home-made authentication)`, version => {
  const where = version === '2.0' ? 'securityDefinitions' : 'components.securitySchemes';
  const key = (name = 'X-Api-Key', at = 'header') => param(version, name, at);
  const messages = async (d: Doc) => (await lint(d)).filter(r => r.code === UNDOCUMENTED).map(r => r.message);

  it('every operation takes an API key header through a shared component: the API authenticates, the message names the scheme to declare', async () => {
    const components = version === '2.0' ? { parameters: { Key: key() } } : { components: { parameters: { Key: key() } } };
    const keyRef = { $ref: version === '2.0' ? '#/parameters/Key' : '#/components/parameters/Key' };
    const d = base(version, { paths: { '/a': { get: op(version, { parameters: [keyRef] }), post: op(version, { parameters: [keyRef] }) } }, ...components });
    expect(await messages(d)).toEqual([
      `All 2 operations take a credential as a parameter (header "X-Api-Key") but no security scheme is defined: the API authenticates its callers, and the description hides how. Declare it in \`${where}\` (\`type: apiKey\`, \`in: header\`, \`name: X-Api-Key\`), require it with \`security\` (root or per operation) instead of the parameter.`,
    ]);
    // Still one finding for the document, none per operation.
    expect(await byOperationRule(d)).toEqual({ [UNDOCUMENTED]: [''] });
  });

  it('only some operations take it (path-level): they are counted, and the others are to be marked public', async () => {
    const d = base(version, { paths: { '/a': { parameters: [key('x-access-token')], get: op(version), delete: op(version) }, '/health': { get: op(version) } } });
    const [message] = await messages(d);
    expect(message).toMatch(/^2 of the 3 operations take a credential as a parameter \(header "x-access-token"\) but no security scheme is defined/);
    expect(message).toMatch(/, and mark the operations meant to be public with `security: \[\]`\.$/);
  });

  it('several credentials are named once each; a required query credential is to move to a header; the Authorization header counts', async () => {
    const apiKey = { ...key('api_key', 'query'), required: true };
    const d = base(version, {
      paths: {
        '/a': { get: op(version, { parameters: [apiKey] }), post: op(version, { parameters: [apiKey, key('Authorization')] }) },
      },
    });
    const [message] = await messages(d);
    expect(message).toContain('All 2 operations take a credential as a parameter (query "api_key", header "Authorization")');
    expect(message).toContain(`Declare each in \`${where}\` (for query "api_key": \`type: apiKey\`, \`in: header\` (a header, not the query))`);
  });

  it('look-alike headers (a request id, a CSRF token, an idempotency key) and an optional query token (a second token, not the caller\'s) are no credential: the plain message', async () => {
    const d = base(version, { paths: { '/a': { post: op(version, { parameters: [key('X-Request-Id'), key('X-CSRF-Token'), key('Idempotency-Key'), key('token', 'query')] }) } } });
    expect(await messages(d)).toEqual([`The only operation documents no authentication: define the schemes callers use in \`${where}\` and require them with \`security\` (root or per operation).`]);
  });

  it('credentialHeaderNames reach this rule', async () => {
    const d = base(version, { paths: { '/a': { post: op(version, { parameters: [key('X-Vault-Token')] }) } } });
    expect((await messages(d))[0]).toMatch(/^The only operation documents no authentication/);
    const [message] = (await lint(d, createRuleset({ credentialHeaderNames: { add: ['X-Vault-Token'] } }))).filter(r => r.code === UNDOCUMENTED).map(r => r.message);
    expect(message).toMatch(/^The only operation takes a credential as a parameter \(header "X-Vault-Token"\)/);
  });
});
