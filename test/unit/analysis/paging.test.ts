import { describe, expect, it } from 'vitest';
import { analyse, compactSet, pagedArrays, pageSizeParameters, readsOneObject, unboundedEnvelopeItems, unboundedTopLevelArray, type JsonObject } from '../../../functions/analysis/index.js';
import { doc, json, oneOperation, onlyOperation, type Doc } from './fixtures.js';

const NAMES = compactSet(['limit', 'page_size', 'size', 'count', '$top']);

const query = (name: string, schema: unknown) => ({ name, in: 'query', schema });
const integer = (extra: Doc = {}) => ({ type: 'integer', ...extra });

/** The page-size parameter names of `GET pathKey` with the given parameters. */
function pageSizes(pathKey: string, parameters: unknown[], version: '2.0' | '3.1' = '3.1'): string[] {
  const document = oneOperation('get', pathKey, { parameters }, {}, version);
  return pageSizeParameters(document, onlyOperation(document), NAMES).map(p => p.parameter.name);
}

describe('pageSizeParameters', () => {
  it('finds numeric query parameters named like a page size, compared compacted', () => {
    expect(pageSizes('/items', [query('Page-Size', integer()), query('limit', { type: 'number' }), query('$top', { type: ['integer', 'null'] })])).toEqual(['Page-Size', 'limit', '$top']);
  });

  it('reads the type from allOf members and $ref schemas', () => {
    const document = oneOperation('get', '/items', { parameters: [query('limit', { allOf: [{ $ref: '#/components/schemas/Limit' }] })] }, { components: { schemas: { Limit: integer() } } });
    expect(pageSizeParameters(document, onlyOperation(document), NAMES).map(p => p.members.length)).toEqual([2]);
  });

  it('reads a 2.0 parameter’s own type', () => {
    expect(pageSizes('/items', [{ name: 'limit', in: 'query', type: 'integer' }], '2.0')).toEqual(['limit']);
  });

  it.each<[string, unknown]>([
    ['a boolean `count` flag', query('count', { type: 'boolean' })],
    ['a string size', query('size', { type: 'string', enum: ['small', 'large'] })],
    ['an untyped limit', query('limit', {})],
    ['a limit header', { name: 'limit', in: 'header', schema: integer() }],
    ['another name', query('offset', integer())],
    ['a name that only contains a page-size word', query('limitations', integer())],
  ])('ignores %s', (_what, parameter) => {
    expect(pageSizes('/items', [parameter])).toEqual([]);
  });

  it.each([['/items/{id}'], ['/items/{id}/'], ['/avatars/{user}']])('finds none on %s, which reads one object', pathKey => {
    expect(pageSizes(pathKey, [query('size', integer())])).toEqual([]);
  });

  it('finds them on a collection below an id', () => {
    expect(pageSizes('/items/{id}/children', [query('size', integer())])).toEqual(['size']);
  });
});

describe('unboundedTopLevelArray', () => {
  function unbounded(responses: Doc, extra: Doc = {}) {
    const document = oneOperation('get', '/items', { responses }, extra);
    return unboundedTopLevelArray(document, onlyOperation(document));
  }
  const returning = (schema: unknown, status = '200') => ({ [status]: { description: 'OK', content: json(schema) } });

  it('is the array a success response returns without maxItems, where its type is written', () => {
    expect(unbounded(returning({ $ref: '#/components/schemas/List' }), { components: { schemas: { List: { allOf: [{ type: 'array' }] } } } })?.path).toEqual([
      'components',
      'schemas',
      'List',
      'allOf',
      0,
    ]);
    expect(unbounded(returning({ type: 'array', items: {} }, '2XX'))?.path).toEqual(['paths', '/items', 'get', 'responses', '2XX', 'content', 'application/json', 'schema']);
  });

  it.each<[string, Doc]>([
    ['maxItems', returning({ type: 'array', maxItems: 100 })],
    ['maxItems in an allOf member', returning({ type: 'array', allOf: [{ maxItems: 100 }] })],
    ['an object body', returning({ type: 'object', properties: { data: { type: 'array' } } })],
    ['an error response', returning({ type: 'array' }, '404')],
    ['no body', { '204': { description: 'No content' } }],
  ])('is undefined with %s', (_what, responses) => {
    expect(unbounded(responses)).toBeUndefined();
  });

  // Only a finite number bounds, as for the unbounded-value rules.
  it.each([[null], ['many']])('maxItems: %j does not bound the array', maxItems => {
    expect(unbounded(returning({ type: 'array', maxItems }))).toBeDefined();
  });
});

describe('readsOneObject', () => {
  it.each(['/items/{id}', '/items/{id}/', '/Accounts/{Sid}.json', '/files/{name}.xml'])('%s reads one object', pathKey => {
    expect(readsOneObject(pathKey)).toBe(true);
  });
  it.each(['/items', '/items/{id}/children', '/Calls.json', '/items/{id}/children.json', '/'])('%s reads a collection', pathKey => {
    expect(readsOneObject(pathKey)).toBe(false);
  });
});

describe('unboundedEnvelopeItems', () => {
  const ITEM_NAMES = compactSet(['items', 'data', 'results']);
  const ARRAY = { type: 'array', items: { type: 'object' } };
  function items(pathKey: string, schema: unknown, extra: Doc = {}) {
    const document = oneOperation('get', pathKey, { responses: { '200': { description: 'OK', content: json(schema) } } }, extra);
    const found = unboundedEnvelopeItems(document, onlyOperation(document), ITEM_NAMES);
    return found && { property: found.property, paths: found.members.map(m => m.path.join('.')) };
  }

  it('is the items array, with every declaration of it across allOf members, each where it is written', () => {
    const extra = { components: { schemas: { Page: { properties: { data: { type: 'array' } } }, Things: ARRAY } } };
    expect(items('/things', { allOf: [{ $ref: '#/components/schemas/Page' }, { properties: { data: { $ref: '#/components/schemas/Things' } } }] }, extra)).toEqual({
      property: 'data',
      paths: ['components.schemas.Page.properties.data', 'components.schemas.Things'],
    });
  });

  it.each<[string, string, unknown]>([
    ['named like items', '/things', { type: 'object', properties: { results: ARRAY, errors: ARRAY } }],
    ['named for the resource', '/v1/users', { type: 'object', properties: { users: ARRAY, links: ARRAY } }],
    ['named for the resource, qualified', '/runs', { type: 'object', properties: { workflow_runs: ARRAY, total_count: { type: 'integer' } } }],
    ['the only property', '/nfs', { properties: { shares: ARRAY } }],
  ])('finds the items %s', (_what, pathKey, schema) => {
    expect(items(pathKey, schema)).toBeDefined();
  });

  it.each<[string, string, unknown]>([
    ['a bare array (the bare-array check judges it)', '/things', ARRAY],
    ['items with maxItems', '/things', { type: 'object', properties: { data: { ...ARRAY, maxItems: 10 }, errors: ARRAY } }],
    ['a single-object read', '/things/{id}', { type: 'object', properties: { data: ARRAY } }],
    ['an object with an id', '/things', { type: 'object', properties: { id: { type: 'string' }, data: ARRAY } }],
    ['items named like items that are one object', '/things', { type: 'object', properties: { data: { type: 'object' }, errors: ARRAY } }],
    ['one array among other properties, named otherwise', '/settings', { type: 'object', properties: { patterns: ARRAY, enabled: { type: 'boolean' } } }],
    ['several arrays, none named like the items', '/meta', { type: 'object', properties: { hooks: ARRAY, web: ARRAY } }],
    ['a string body', '/things', { type: 'string' }],
  ])('is undefined for %s', (_what, pathKey, schema) => {
    expect(items(pathKey, schema)).toBeUndefined();
  });
});

describe('pagedArrays', () => {
  const schemas = {
    Pets: { type: 'array', items: {} },
    Page: { type: 'object', properties: { data: { type: 'array', items: {} }, next: { type: 'string' }, tags: { $ref: '#/components/schemas/Tags' } } },
    Tags: { type: 'array', items: { type: 'string' } },
  };
  const get = (schema: string, parameters: unknown[] = []) => ({ get: { parameters, responses: { '200': { description: 'OK', content: json({ $ref: `#/components/schemas/${schema}` }) } } } });
  const bounded = [query('limit', integer({ maximum: 100 }))];

  function paged(paths: Doc): JsonObject[] {
    const analysis = analyse(doc('3.1', { paths, components: { schemas } }));
    return [...pagedArrays(analysis, NAMES)];
  }

  it('holds the bare array a GET returns when every page-size parameter has a maximum', () => {
    expect(paged({ '/pets': get('Pets', bounded) })).toEqual([schemas.Pets]);
    expect(paged({ '/pets': get('Pets', [...bounded, query('size', integer({ enum: [10, 50] }))]) })).toEqual([schemas.Pets]);
  });

  it('holds the array properties of an envelope, followed through $ref', () => {
    expect(paged({ '/pets': get('Page', bounded) })).toEqual([schemas.Page.properties.data, schemas.Tags]);
  });

  it.each<[string, unknown[]]>([
    ['no page-size parameter', []],
    ['a page size without a maximum', [query('limit', integer())]],
    ['one bounded and one unbounded page size', [...bounded, query('size', integer())]],
  ])('leaves the array out with %s', (_what, parameters) => {
    expect(paged({ '/pets': get('Pets', parameters) })).toEqual([]);
  });

  it('leaves out an array that another GET returns without a bounded page size', () => {
    expect(paged({ '/pets': get('Pets', bounded), '/all-pets': get('Pets') })).toEqual([]);
    // `/pets/{id}` reads one object: its `limit` is no page size, so it does not bound the array either.
    expect(paged({ '/pets': get('Pets', bounded), '/pets/{id}': get('Pets', bounded) })).toEqual([]);
  });

  it('only GET responses with a success status count', () => {
    const post = { post: { responses: { '200': { description: 'OK', content: json({ $ref: '#/components/schemas/Pets' }) } } } };
    const error = { get: { parameters: [], responses: { '400': { description: 'Bad', content: json({ $ref: '#/components/schemas/Pets' }) } } } };
    expect(paged({ '/pets': get('Pets', bounded), '/bulk': post, '/broken': error })).toEqual([schemas.Pets]);
  });
});
