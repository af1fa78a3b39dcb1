// A path item written once and referenced from `paths` (OAS 3.1 `components.pathItems`, or any
// local `$ref`): the operation rules judge its operations where they are written, with its exemptions.
import { describe, expect, it } from 'vitest';
import { base, bearerScheme, schemes, VERSIONS, type Doc } from '../helpers.js';
import { EXEMPTIONS } from '../fixtures/documents.js';
import { byOperationRule, op, PUBLIC, READ, REASON_MISSING, SCHEME_UNDEFINED, WRITE } from '../fixtures/security.js';

describe.each(VERSIONS)('operation rules on path items defined through $ref (%s)', version => {
  const where = version === '3.1' ? ['components', 'pathItems'] : ['x-path-items'];
  const container = (items: Doc): Doc => (version === '3.1' ? { components: { ...schemes(version, { bearer: bearerScheme(version) }).components as Doc, pathItems: items } } : { 'x-path-items': items });

  it('judges the operations of a referenced path item, at the path where they are written', async () => {
    const d = base(version, {
      ...(version === '3.1' ? {} : schemes(version, { bearer: bearerScheme(version) })),
      ...container({ Items: { post: op(version), get: op(version, { security: [] }) } }),
      paths: { '/items': { $ref: `#/${where.join('/')}/Items` } },
    });
    const prefix = where.join('.');
    expect(await byOperationRule(d)).toEqual({ [PUBLIC]: [`${prefix}.Items.get.security`], [WRITE]: [`${prefix}.Items.post`] });
  });

  it('honours exemptions written in the referenced path item', async () => {
    const d = base(version, {
      ...(version === '3.1' ? {} : schemes(version, { bearer: bearerScheme(version) })),
      ...container({ Items: { [EXEMPTIONS]: { [WRITE]: 'Mock.', [READ]: '' }, post: op(version), get: op(version) } }),
      paths: { '/items': { $ref: `#/${where.join('/')}/Items` } },
    });
    const prefix = where.join('.');
    expect(await byOperationRule(d)).toEqual({ [REASON_MISSING]: [`${prefix}.Items.${EXEMPTIONS}.${READ}`], [READ]: [`${prefix}.Items.get`] });
  });

  it('checks the security requirements written in a referenced path item for undefined schemes and scopes', async () => {
    const d = base(version, {
      ...(version === '3.1' ? {} : schemes(version, { bearer: bearerScheme(version) })),
      ...container({ Items: { post: op(version, { security: [{ missing: [] }] }), get: op(version, { security: [{ bearer: [] }] }) } }),
      paths: { '/items': { $ref: `#/${where.join('/')}/Items` } },
    });
    const prefix = where.join('.');
    expect((await byOperationRule(d))[SCHEME_UNDEFINED]).toEqual([`${prefix}.Items.post.security.0.missing`]);
  });
});
