import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, found, messagesOf, testRule, VERSIONS, type Doc, type Version } from '../helpers.js';

/** inventory-internal-published (functions/inventory/internal-published.ts). */
const RULE = 'inventory-internal-published';

const ok = (): Doc => ({ responses: { '200': { description: 'OK' } } });

/** `GET /things` and `GET /admin/reindex` with the given fields on the second operation (and its path item). */
function api(version: Version, operation: Doc, pathItem: Doc = {}, extra: Doc = {}): Doc {
  return base(version, { paths: { '/things': { get: ok() }, '/admin/reindex': { ...pathItem, post: { ...ok(), ...operation } } }, ...extra });
}

testRule(RULE, [
  {
    name: '3.1: an operation marked `x-internal: true`, at the marker',
    document: api('3.1', { 'x-internal': true }),
    errors: [
      {
        path: ['paths', '/admin/reindex', 'post', 'x-internal'],
        severity: DiagnosticSeverity.Warning,
        message:
          "POST /admin/reindex is marked `x-internal: true` but is in a published description: everyone reading it learns the internal operation exists and how to call it. Remove it from the published description (bundle with the internal parts stripped, e.g. Redocly's `remove-x-internal`), or publish this description only internally and say so with `x-internal: true` or `info.x-audience` at its root.",
      },
    ],
  },
  {
    name: '3.1: not `x-internal: false`',
    document: api('3.1', { 'x-internal': false }),
    errors: [],
  },
]);

describe('markers', () => {
  const MARKED: Doc[] = [
    { 'x-internal': true },
    { 'x-internal': 'true' },
    { 'X-Internal': true },
    { 'x-audience': 'company-internal' },
    { 'x-audience': 'component-internal' },
    { 'x-audience': 'Business-Unit-Internal' },
    { 'x-visibility': 'internal' },
    { 'x-ms-visibility': 'internal' },
  ];
  const NOT_MARKED: Doc[] = [
    { 'x-internal': false },
    { 'x-internal': 'false' },
    { 'x-audience': 'external-public' },
    { 'x-audience': 'external-partner' },
    { 'x-ms-visibility': 'important' },
    { 'x-visibility': 'public' },
    { 'x-hidden': true },
    { 'x-internal-id': 'abc' },
    { description: 'For internal use only.' },
  ];

  it.each(VERSIONS.flatMap(v => MARKED.map(m => [v, m] as const)))('%s: flags an operation with %j', async (version, marker) => {
    expect(await found(RULE, api(version, marker))).toEqual([`paths./admin/reindex.post.${Object.keys(marker)[0]}`]);
  });

  it.each(VERSIONS.flatMap(v => NOT_MARKED.map(m => [v, m] as const)))('%s: does not flag an operation with %j', async (version, marker) => {
    expect(await found(RULE, api(version, marker))).toEqual([]);
  });
});

describe('path items', () => {
  it.each(VERSIONS)('%s: a marked path item, once for all its operations', async version => {
    const doc = base(version, { paths: { '/things': { get: ok() }, '/admin': { 'x-internal': true, get: ok(), post: { ...ok(), 'x-internal': true } } } });
    expect(await found(RULE, doc)).toEqual(['paths./admin.x-internal']);
    expect(await messagesOf(RULE, doc)).toEqual([expect.stringContaining('Path "/admin" is marked `x-internal: true`')]);
  });

  it('3.1: a marked path item in components.pathItems, where it is written', async () => {
    const doc = base('3.1', { paths: { '/admin': { $ref: '#/components/pathItems/Admin' } }, components: { pathItems: { Admin: { 'x-internal': true, get: ok() } } } });
    expect(await found(RULE, doc)).toEqual(['components.pathItems.Admin.x-internal']);
  });

  it('3.1: marked webhooks are not judged (the API sends them; receivers register for them)', async () => {
    const doc = base('3.1', { paths: {}, webhooks: { reindexed: { post: { ...ok(), 'x-internal': true } } } });
    expect(await found(RULE, doc)).toEqual([]);
  });
});

describe('tags', () => {
  it.each(VERSIONS)('%s: a tag marked internal at the root marks its operations', async version => {
    const doc = api(version, { tags: ['Search', 'Ops'] }, {}, { tags: [{ name: 'Search' }, { name: 'Ops', 'x-internal': true }] });
    expect(await found(RULE, doc)).toEqual(['paths./admin/reindex.post.tags.1']);
  });

  it.each(VERSIONS.flatMap(v => ['internal', 'Internal', 'INTERNAL API', 'internal-only', 'Internal use only'].map(t => [v, t] as const)))('%s: a tag named %s', async (version, tag) => {
    expect(await found(RULE, api(version, { tags: [tag] }))).toEqual(['paths./admin/reindex.post.tags.0']);
  });

  it.each(VERSIONS.flatMap(v => ['Internal Transfers', 'internal-accounts', 'Internals', 'Private Networking', 'International'].map(t => [v, t] as const)))('%s: not a tag named %s', async (version, tag) => {
    expect(await found(RULE, api(version, { tags: [tag] }))).toEqual([]);
  });

  it.each(VERSIONS)('%s: an operation marked itself is reported once, at its marker', async version => {
    expect(await found(RULE, api(version, { 'x-internal': true, tags: ['internal'] }))).toEqual(['paths./admin/reindex.post.x-internal']);
  });
});

describe('a description that is internal itself', () => {
  it.each(VERSIONS)('%s: root `x-internal: true` or an internal `info.x-audience`: nothing is published', async version => {
    expect(await found(RULE, api(version, { 'x-internal': true }, {}, { 'x-internal': true }))).toEqual([]);
    const doc = api(version, { 'x-internal': true });
    (doc.info as Doc)['x-audience'] = 'company-internal';
    expect(await found(RULE, doc)).toEqual([]);
    (doc.info as Doc)['x-audience'] = 'external-public';
    expect(await found(RULE, doc)).toEqual(['paths./admin/reindex.post.x-internal']);
  });

  it.each(VERSIONS)('%s: an exemption on the operation or the root', async version => {
    const reason = { [RULE]: 'This file is the internal source; the published bundle strips x-internal.' };
    expect(await found(RULE, api(version, { 'x-internal': true, 'x-api-security-exemptions': reason }))).toEqual([]);
    expect(await found(RULE, api(version, { 'x-internal': true }, {}, { 'x-api-security-exemptions': reason }))).toEqual([]);
  });
});

describe('options', () => {
  it('internalMarkers.add and .remove', async () => {
    expect(await found(RULE, api('3.0', { 'x-hidden': true }), { internalMarkers: { add: ['x-hidden'] } })).toEqual(['paths./admin/reindex.post.x-hidden']);
    expect(await found(RULE, api('3.0', { 'x-private': 'yes' }), { internalMarkers: { add: ['x-private=yes'] } })).toEqual(['paths./admin/reindex.post.x-private']);
    expect(await found(RULE, api('3.0', { 'x-ms-visibility': 'internal' }), { internalMarkers: { remove: ['x-ms-visibility=internal'] } })).toEqual([]);
  });
});
