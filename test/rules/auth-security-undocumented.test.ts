import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, lint, testRule, VERSIONS } from '../helpers.js';
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
