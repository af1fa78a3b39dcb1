import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, found, messagesOf, testRule, VERSIONS, type Doc, type Version } from '../helpers.js';

/** inventory-deprecation-undocumented (functions/inventory/deprecation-undocumented.ts). */
const RULE = 'inventory-deprecation-undocumented';

/** A response with a header in each version's shape. */
function withHeader(version: Version, name: string): Doc {
  const header = version === '2.0' ? { type: 'string' } : { schema: { type: 'string' } };
  return { description: 'OK', headers: { [name]: header } };
}

/** `GET /v1/things` with the given operation fields, and `GET /v2/things` (operationId listThingsV2) beside it. */
function api(version: Version, operation: Doc, extra: Doc = {}): Doc {
  return base(version, {
    paths: {
      '/v1/things': { get: { operationId: 'listThings', deprecated: true, responses: { '200': { description: 'OK' } }, ...operation } },
      '/v2/things': { get: { operationId: 'listThingsV2', responses: { '200': { description: 'OK' } } } },
    },
    ...extra,
  });
}

const AT = ['paths./v1/things.get.deprecated'];

testRule(RULE, [
  {
    name: '3.1: deprecated with neither a sunset nor a replacement, at `deprecated`',
    document: api('3.1', {}),
    errors: [
      {
        path: ['paths', '/v1/things', 'get', 'deprecated'],
        severity: DiagnosticSeverity.Information,
        message:
          'GET /v1/things is deprecated but does not document when it will be removed or what replaces it: callers keep using it and it stays running, unowned, as a zombie endpoint. Declare a `Sunset` (RFC 8594) or `Deprecation` response header or an `x-sunset` date, and name the replacement in the description ("use … instead") or in `x-replaced-by`.',
      },
    ],
  },
  {
    name: '3.1: not with a Sunset header and a replacement named',
    document: api('3.1', { description: 'Use `GET /v2/things` instead.', responses: { '200': withHeader('3.1', 'Sunset') } }),
    errors: [],
  },
]);

describe('what is missing', () => {
  it.each(VERSIONS)('%s: a replacement but no sunset', async version => {
    const doc = api(version, { description: 'Deprecated: use listThingsV2 instead.' });
    expect(await found(RULE, doc)).toEqual(AT);
    expect(await messagesOf(RULE, doc)).toEqual([expect.stringContaining('does not document when it will be removed (it does name its replacement)')]);
  });

  it.each(VERSIONS)('%s: a sunset but no replacement', async version => {
    const doc = api(version, { responses: { '200': withHeader(version, 'Sunset') } });
    expect(await found(RULE, doc)).toEqual(AT);
    expect(await messagesOf(RULE, doc)).toEqual([expect.stringContaining('does not document what replaces it (it does say when it will be removed)')]);
  });

  it.each(VERSIONS)('%s: not deprecated, or `deprecated: false`, is never reported', async version => {
    expect(await found(RULE, api(version, { deprecated: false }))).toEqual([]);
    expect(await found(RULE, api(version, { deprecated: 'true' }))).toEqual([]);
    // Prose that says deprecated without the flag is for other tools.
    const doc = base(version, { paths: { '/things': { get: { description: 'Deprecated.', responses: { '200': { description: 'OK' } } } } } });
    expect(await found(RULE, doc)).toEqual([]);
  });
});

describe('a documented sunset', () => {
  it.each(VERSIONS.flatMap(v => ['Sunset', 'sunset', 'Deprecation'].map(h => [v, h] as const)))('%s: a %s response header', async (version, name) => {
    expect(await found(RULE, api(version, { description: 'Use listThingsV2 instead.', responses: { '200': withHeader(version, name) } }))).toEqual([]);
  });

  it.each(['3.0', '3.1'] as Version[])('%s: a Sunset header through components.headers and a $ref response', async version => {
    const components = {
      components: {
        headers: { Sunset: { description: 'When this operation is removed (RFC 8594).', schema: { type: 'string' } } },
        responses: { Deprecated: { description: 'OK', headers: { Sunset: { $ref: '#/components/headers/Sunset' } } } },
      },
    };
    expect(await found(RULE, api(version, { 'x-replaced-by': 'listThingsV2', responses: { '200': { $ref: '#/components/responses/Deprecated' } } }, components))).toEqual([]);
  });

  it.each(VERSIONS.flatMap(v => ['x-sunset', 'x-sunset-date', 'x-api-sunset', 'x-deprecated-sunset', 'x-deprecated-at', 'x-deprecation-date', 'x-removal-date'].map(k => [v, k] as const)))('%s: a %s extension', async (version, key) => {
    expect(await found(RULE, api(version, { [key]: '2026-06-30', 'x-replaced-by': 'GET /v2/things' }))).toEqual([]);
  });

  it.each(VERSIONS)('%s: an `x-deprecation` object with a date and a replacement', async version => {
    expect(await found(RULE, api(version, { 'x-deprecation': { sunset: '2026-06-30', replacement: 'GET /v2/things' } }))).toEqual([]);
  });

  it.each(VERSIONS)('%s: a removal date inside a vendor extension object (`x-github: { removalDate }`), not the object alone', async version => {
    expect(await found(RULE, api(version, { 'x-github': { category: 'teams', removalDate: '2026-06-30' }, 'x-replaced-by': 'GET /v2/things' }))).toEqual([]);
    expect(await found(RULE, api(version, { 'x-vendor': { sunset_date: '2026-06-30' }, 'x-replaced-by': 'GET /v2/things' }))).toEqual([]);
    expect(await found(RULE, api(version, { 'x-github': { category: 'teams', enabledForGitHubApps: true }, 'x-replaced-by': 'GET /v2/things' }))).toEqual(AT);
    expect(await found(RULE, api(version, { 'x-github': { removalDate: '' }, 'x-replaced-by': 'GET /v2/things' }))).toEqual(AT);
  });

  it.each(VERSIONS)('%s: a removal date or release in the description', async version => {
    for (const text of [
      'Will be removed on 2026-06-30; use listThingsV2 instead.',
      'This endpoint will be sunset on June 30, 2026. Use `/v2/things` instead.',
      'Scheduled for removal in Q3 2026, replaced by /v2/things.',
      'Removed in v3. Switch to the v2 listing.',
    ]) expect(await found(RULE, api(version, { description: text })), text).toEqual([]);
  });

  it.each(VERSIONS.flatMap(v => [
    'Retires on 2026-05-01. Use listThingsV2 instead.',
    'Scheduled for deletion on 1 May 2026. Use listThingsV2 instead.',
    'Support for this endpoint ends on 2026-05-01. Use listThingsV2 instead.',
    'This endpoint will be shut down on June 30, 2026. Use listThingsV2 instead.',
    'To be decommissioned in Q3 2026. Use listThingsV2 instead.',
    'Deprecated since 2024-01-01. Discontinued on 2026-05-01; use listThingsV2 instead.',
    'Deprecated on 2024-01-01, retiring on 2026-05-01. Use listThingsV2 instead.',
  ].map(t => [v, t] as const)))('%s: other removal wordings with a date: %j', async (version, text) => {
    expect(await found(RULE, api(version, { description: text }))).toEqual([]);
  });

  it.each(VERSIONS.flatMap(v => [
    'This endpoint was deprecated on 2024-01-01 and will be removed in a future release. Use listThingsV2 instead.',
    'Deprecated since 1 May 2024, will be retired. Use listThingsV2 instead.',
    'Deprecated as of 2024-01-01: support ends soon. Use listThingsV2 instead.',
    'Will be removed. Lists things created before 2026-06-30. Use listThingsV2 instead.',
    'Will be shut down. Use listThingsV2 instead.',
  ].map(t => [v, t] as const)))('%s: the date is the deprecation\'s, or in another sentence than the removal: no sunset in %j', async (version, text) => {
    expect(await found(RULE, api(version, { description: text }))).toEqual(AT);
  });

  it('3.1: read in the description of a path item in components.pathItems', async () => {
    const pathItem = (description: string): Doc => base('3.1', {
      paths: { '/v1/things': { $ref: '#/components/pathItems/Things' }, '/v2/things': { get: { operationId: 'listThingsV2', responses: { '200': { description: 'OK' } } } } },
      components: { pathItems: { Things: { description, get: { deprecated: true, responses: { '200': { description: 'OK' } } } } } },
    });
    expect(await found(RULE, pathItem('Retires on 2026-05-01. Use listThingsV2 instead.'))).toEqual([]);
    expect(await found(RULE, pathItem('Deprecated on 2024-01-01 and will be removed in a future release. Use listThingsV2 instead.'))).toHaveLength(1);
  });

  it.each(VERSIONS)('%s: already gone (410, or "has been retired") is not judged: its end is documented, every call says so', async version => {
    expect(await found(RULE, api(version, { responses: { '410': { description: 'Gone' } } }))).toEqual([]);
    expect(await found(RULE, api(version, { description: 'This endpoint has been retired. To create keys, visit the control panel.' }))).toEqual([]);
    expect(await found(RULE, api(version, { description: 'No longer supported.' }))).toEqual([]);
    // Look-alike: a future retirement is not gone.
    expect(await found(RULE, api(version, { description: 'This endpoint will be retired.' }))).toEqual(AT);
  });

  it.each(VERSIONS)('%s: look-alikes: a date in a link, a removal without a date, a date without a removal', async version => {
    for (const text of [
      'Will be removed. See the [blog post](https://example.com/changes/2020-02-26-new-things/). Use listThingsV2 instead.',
      'This endpoint route will be removed from the API. Use listThingsV2 instead.',
      'Deprecated since 2024-01-01. Use listThingsV2 instead.',
      'Lists things created before 2026-06-30. Use listThingsV2 instead.',
    ]) expect(await found(RULE, api(version, { description: text })), text).toEqual(AT);
  });
});

describe('a documented replacement', () => {
  it.each(VERSIONS.flatMap(v => ['x-replaced-by', 'x-replacement', 'x-superseded-by', 'x-successor', 'x-use-instead'].map(k => [v, k] as const)))('%s: a %s extension', async (version, key) => {
    expect(await found(RULE, api(version, { 'x-sunset': '2026-06-30', [key]: 'listThingsV2' }))).toEqual([]);
  });

  it.each(VERSIONS)('%s: prose that names it', async version => {
    for (const text of [
      'Use the `List things` endpoint instead.',
      'Replaced by the v2 listing.',
      'Superseded by listThingsV2.',
      'Deprecated in favour of the v2 listing.',
      'Please migrate to the v2 listing.',
      'See listThingsV2.',
      'Call GET /v2/things for the new shape.',
      'You must now create things with the v2 listing.',
      'We recommend migrating your code to the v2 listing.',
    ]) expect(await found(RULE, api(version, { 'x-sunset': '2026-06-30', description: text })), text).toEqual([]);
  });

  it.each(VERSIONS)('%s: look-alikes: its own path or operationId, a longer id, an unrelated path', async version => {
    for (const text of [
      'Send a GET request to `/v1/things` to list things.',
      'listThings returns every thing.',
      'See listThingsV2Beta for details.',
      'Things are also listed under /v3/things.',
    ]) expect(await found(RULE, api(version, { 'x-sunset': '2026-06-30', description: text })), text).toEqual(AT);
  });
});

describe('where', () => {
  it('3.1: a deprecated operation of a $ref path item, where it is written', async () => {
    const doc = base('3.1', {
      paths: { '/things': { $ref: '#/components/pathItems/Things' } },
      components: { pathItems: { Things: { get: { deprecated: true, responses: { '200': { description: 'OK' } } } } } },
    });
    expect(await found(RULE, doc)).toEqual(['components.pathItems.Things.get.deprecated']);
  });

  it.each(VERSIONS)('%s: a path item description counts as the operation\'s', async version => {
    const doc = base(version, {
      paths: { '/v1/things': { description: 'Sunset on 2026-06-30; use /v2/things instead.', get: { deprecated: true, responses: { '200': { description: 'OK' } } } }, '/v2/things': { get: { responses: { '200': { description: 'OK' } } } } },
    });
    expect(await found(RULE, doc)).toEqual([]);
  });

  it.each(VERSIONS)('%s: an exemption on the operation', async version => {
    expect(await found(RULE, api(version, { 'x-api-security-exemptions': { [RULE]: 'Removed with the v1 shutdown, announced to every customer.' } }))).toEqual([]);
  });

  it('3.1: deprecated webhooks are not judged (the API sends them)', async () => {
    const doc = base('3.1', { paths: {}, webhooks: { thing: { post: { deprecated: true, responses: { '200': { description: 'OK' } } } } } });
    expect(await found(RULE, doc)).toEqual([]);
  });
});

describe('date forms', () => {
  it.each(['November, 13, 2020', 'November 13, 2020', '13 November 2020', 'Nov. 2020', 'Q4 2020', '11/13/2020', '2020-11-13'])('%s after "will be removed on" is a sunset', async date => {
    expect(await found(RULE, api('3.1', { description: `Will be removed on ${date}. Use listThingsV2 instead.` }))).toEqual([]);
  });
});
