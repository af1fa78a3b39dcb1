import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, componentRef, found, lint, param, pathParam, response, testRule, VERSIONS, type Doc, type Version } from '../helpers.js';
import { EXEMPTIONS } from '../fixtures/documents.js';
import { NUMBER, QUANTITY } from '../fixtures/values.js';

const PAGINATION = 'resource-pagination-unbounded';

function doc(version: Version, paths: Doc, defs: { schemas?: Doc; parameters?: Doc } = {}, extra: Doc = {}): Doc {
  if (version === '2.0') {
    return base(version, { paths, ...(defs.schemas ? { definitions: defs.schemas } : {}), ...(defs.parameters ? { parameters: defs.parameters } : {}), ...extra });
  }
  return base(version, { paths, ...(defs.schemas || defs.parameters ? { components: defs } : {}), ...extra });
}

/** A query parameter, an integer unless told. */
function query(version: Version, name: string, schema: Doc = { type: 'integer' }): Doc {
  return param(version, name, 'query', schema);
}

const ITEM = { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } };
const LIST = { type: 'array', items: ITEM };
const PAGE = { type: 'object', properties: { data: LIST, next: { type: 'string', maxLength: 200 } } };

/** A GET with the given parameters, answering 200 with `schema` (a bare array by default). */
function list(version: Version, parameters: Doc[] = [], schema: Doc = LIST, more: Doc = {}): Doc {
  return { parameters, responses: { '200': response(version, 'OK', schema) }, ...more };
}

testRule(PAGINATION, VERSIONS.flatMap(version => [
  {
    name: `${version}: a page size without maximum at the parameter, and a bare array without one at the operation`,
    document: doc(version, { '/things': { get: list(version, [query(version, 'limit')]) }, '/others': { get: list(version) } }),
    errors: [
      {
        path: ['paths', '/things', 'get', 'parameters', '0'],
        severity: DiagnosticSeverity.Warning,
        message: 'Page-size parameter "limit" has no `maximum`: one request can ask for every record; set a maximum (e.g. 100).',
      },
      {
        path: ['paths', '/others', 'get'],
        severity: DiagnosticSeverity.Warning,
        message: 'GET /others returns an unbounded array: paginate it with a page-size parameter that has a `maximum`, or give the array `maxItems`.',
      },
    ],
  },
  {
    name: `${version}: not a bounded page size, an envelope, nor an array with maxItems`,
    document: doc(version, {
      '/things': { get: list(version, [query(version, 'limit', { type: 'integer', maximum: 100 })]) },
      '/pages': { get: list(version, [], PAGE) },
      '/few': { get: list(version, [], { ...LIST, maxItems: 20 }) },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${PAGINATION} (%s)`, version => {
  const PAGE_SIZE_NAMES = ['limit', 'per_page', 'per-page', 'pageSize', 'page_size', 'PageSize', '$top', 'top', 'size', 'first', 'last', 'count', 'max_results', 'maxResults', 'page_limit'];

  it.each(PAGE_SIZE_NAMES)('flags the page-size parameter "%s" without maximum, at the parameter (and not the array)', async name => {
    const d = doc(version, { '/things': { get: list(version, [query(version, 'q', { type: 'string', maxLength: 10 }), query(version, name, { type: 'integer', minimum: 1 })]) } });
    const own = (await lint(d)).filter(r => r.code === PAGINATION);
    expect(own.map(r => r.path.join('.'))).toEqual(['paths./things.get.parameters.1']);
    expect(own[0].message).toBe(`Page-size parameter "${name}" has no \`maximum\`: one request can ask for every record; set a maximum (e.g. 100).`);
    expect(own[0].severity).toBe(DiagnosticSeverity.Warning);
    // The page size is this rule's, not the number or quantity rule's.
    expect(await found(NUMBER, d)).toEqual([]);
    expect(await found(QUANTITY, d)).toEqual([]);
  });

  it('judges number-typed page sizes too', async () => {
    const d = doc(version, { '/things': { get: list(version, [query(version, 'limit', { type: 'number' })]) } });
    expect(await found(PAGINATION, d)).toEqual(['paths./things.get.parameters.0']);
  });

  const bounded: Array<[string, Doc]> = [
    ['maximum', { type: 'integer', maximum: 100 }],
    ['enum', { type: 'integer', enum: [10, 50, 100] }],
    ['maximum with 3.0 exclusiveMaximum: true', { type: 'integer', maximum: 101, exclusiveMaximum: true }],
    ...(version === '3.1' ? [['numeric exclusiveMaximum (3.1)', { type: 'integer', exclusiveMaximum: 101 }] as [string, Doc]] : []),
  ];
  it.each(bounded)('does not flag a page size bounded by %s, nor its bare-array response', async (_, schema) => {
    const d = doc(version, { '/things': { get: list(version, [query(version, 'limit', schema)]) } });
    expect(await found(PAGINATION, d)).toEqual([]);
  });

  it('flags a page size with only 3.0 `exclusiveMaximum: true` (a flag, not a bound)', async () => {
    const d = doc(version, { '/things': { get: list(version, [query(version, 'per_page', { type: 'integer', exclusiveMaximum: true })]) } });
    expect(await found(PAGINATION, d)).toEqual(['paths./things.get.parameters.0']);
  });

  if (version !== '2.0') {
    it('merges allOf: a maximum in a referenced member bounds the page size; without one it is flagged', async () => {
      const d = doc(
        version,
        {
          '/a': { get: list(version, [{ name: 'limit', in: 'query', schema: { allOf: [{ $ref: componentRef(version, 'schemas', 'PageSize') }], description: 'Items per page.' } }]) },
          '/b': { get: list(version, [{ name: 'limit', in: 'query', schema: { allOf: [{ $ref: componentRef(version, 'schemas', 'Count') }], maximum: 100 } }]) },
          '/c': { get: list(version, [{ name: 'limit', in: 'query', schema: { allOf: [{ $ref: componentRef(version, 'schemas', 'Count') }] } }]) },
        },
        { schemas: { PageSize: { type: 'integer', maximum: 100 }, Count: { type: 'integer', minimum: 1 } } },
      );
      expect(await found(PAGINATION, d)).toEqual(['paths./c.get.parameters.0']);
    });
  }

  it('reports a shared page-size parameter once, where it is written', async () => {
    const ref = { $ref: componentRef(version, 'parameters', 'Limit') };
    const d = doc(version, { '/a': { get: list(version, [ref]) }, '/b': { get: list(version, [ref]) }, '/c': { get: list(version, [ref]) } }, { parameters: { Limit: query(version, 'limit') } });
    expect(await found(PAGINATION, d)).toEqual([version === '2.0' ? 'parameters.Limit' : 'components.parameters.Limit']);
  });

  it('judges a path-level page size for the GET of the path item', async () => {
    const d = doc(version, { '/things': { parameters: [query(version, 'limit')], get: list(version), delete: { responses: { '204': response(version, 'Deleted.') } } } });
    expect(await found(PAGINATION, d)).toEqual(['paths./things.parameters.0']);
  });

  it('`count` typed boolean is not a page size: the bare array is flagged at the operation', async () => {
    const d = doc(version, { '/things': { get: list(version, [query(version, 'count', { type: 'boolean' })]) } });
    expect(await found(PAGINATION, d)).toEqual(['paths./things.get']);
  });

  it('page-size names outside the query are not page sizes, and write operations are not judged', async () => {
    const d = doc(version, {
      '/things/{limit}': { get: list(version, [pathParam(version, 'limit', { type: 'integer', maximum: 5 }), version === '2.0' ? { name: 'X-Page-Size', in: 'header', type: 'integer' } : { name: 'X-Page-Size', in: 'header', schema: { type: 'integer' } }], PAGE) },
      '/search': { post: { parameters: [query(version, 'limit')], responses: { '200': response(version, 'OK', LIST) } } },
    });
    expect(await found(PAGINATION, d)).toEqual([]);
    // The write operation's limit, and the page size in a header, are still unbounded quantities.
    expect(await found(QUANTITY, d)).toEqual([version === '2.0' ? 'paths./search.post.parameters.0' : 'paths./search.post.parameters.0.schema', version === '2.0' ? 'paths./things/{limit}.get.parameters.1' : 'paths./things/{limit}.get.parameters.1.schema'].sort());
  });

  it('flags a GET returning a bare array without page size or maxItems, at the operation', async () => {
    const d = doc(version, { '/things': { get: list(version, [query(version, 'page_token', { type: 'string', maxLength: 100 })]) } });
    const own = (await lint(d)).filter(r => r.code === PAGINATION);
    expect(own.map(r => r.path.join('.'))).toEqual(['paths./things.get']);
    expect(own[0].message).toBe('GET /things returns an unbounded array: paginate it with a page-size parameter that has a `maximum`, or give the array `maxItems`.');
  });

  it('flags a bare array reached through $ref and returned by 2XX-range statuses, once per operation', async () => {
    const listRef = { $ref: componentRef(version, 'schemas', 'Things') };
    const d = doc(
      version,
      {
        '/a': { get: list(version, [], listRef) },
        '/b': { get: { responses: { '206': response(version, 'Partial.', listRef), '200': response(version, 'OK', listRef) } } },
        '/c': { get: { responses: { '2XX': response(version, 'OK', LIST) } } },
      },
      { schemas: { Things: LIST } },
    );
    expect(await found(PAGINATION, d)).toEqual(['paths./a.get', 'paths./b.get', 'paths./c.get']);
  });

  it('does not flag a bare array with maxItems (inline, through $ref, or through allOf)', async () => {
    const d = doc(
      version,
      {
        '/a': { get: list(version, [], { ...LIST, maxItems: 100 }) },
        '/b': { get: list(version, [], { $ref: componentRef(version, 'schemas', 'Bounded') }) },
        '/c': { get: list(version, [], { allOf: [{ $ref: componentRef(version, 'schemas', 'Things') }], maxItems: 50 }) },
      },
      { schemas: { Bounded: { ...LIST, maxItems: 20 }, Things: LIST } },
    );
    expect(await found(PAGINATION, d)).toEqual([]);
  });

  it('does not flag envelopes, error arrays, or non-GET operations returning arrays', async () => {
    const d = doc(version, {
      '/a': { get: list(version, [], PAGE) },
      '/b': { get: { responses: { '200': response(version, 'OK', PAGE), '400': response(version, 'Errors.', LIST), default: response(version, 'Errors.', LIST) } } },
      '/c': { post: { responses: { '200': response(version, 'Created.', LIST) } } },
    });
    expect(await found(PAGINATION, d)).toEqual([]);
  });

  if (version === '3.1') {
    it('judges a 3.1 type array', async () => {
      const d = doc(version, { '/things': { get: list(version, [], { type: ['array', 'null'], items: ITEM }) } });
      expect(await found(PAGINATION, d)).toEqual(['paths./things.get']);
    });
  }

  it('pageSizeParameterNames.add and .remove change what a page size is (the quantity rule takes what it drops)', async () => {
    const d = doc(version, { '/things': { get: list(version, [query(version, 'take'), query(version, 'size')]) } });
    expect(await found(PAGINATION, d)).toEqual(['paths./things.get.parameters.1']);
    const options = { pageSizeParameterNames: { add: ['take'], remove: ['size'] } };
    expect(await found(PAGINATION, d, options)).toEqual(['paths./things.get.parameters.0']);
    expect(await found(QUANTITY, d, options)).toEqual([version === '2.0' ? 'paths./things.get.parameters.1' : 'paths./things.get.parameters.1.schema']);
  });

  it('honours exemptions on the operation, the path item and the root', async () => {
    const reason = { [PAGINATION]: 'Returns at most the 7 days of the week.' };
    const paths = {
      '/a': { get: list(version, [], LIST, { [EXEMPTIONS]: reason }) },
      '/b': { [EXEMPTIONS]: reason, get: list(version, [query(version, 'limit')]) },
      '/c': { get: list(version) },
    };
    expect(await found(PAGINATION, doc(version, paths))).toEqual(['paths./c.get']);
    expect(await found(PAGINATION, doc(version, paths, {}, { [EXEMPTIONS]: reason }))).toEqual([]);
  });

  it('never throws on wrong types', async () => {
    const d = doc(version, {
      '/a': { get: { parameters: { limit: 1 }, responses: { '200': { description: 'x', schema: 'array', content: [] } } } },
      '/b': { get: { parameters: [null, 7, query(version, 'limit', { type: 42 }), query(version, 'size', { type: ['integer', 7] })], responses: [] } },
      '/c': { get: { responses: { '200': response(version, 'OK', { type: 'array', maxItems: 'ten', items: { $ref: '#/nowhere' } }) } } },
    });
    // `maxItems: 'ten'` bounds nothing: only a finite number does.
    expect(await found(PAGINATION, d)).toEqual(['paths./b.get.parameters.3', 'paths./c.get']);
  });
});

describe.each(VERSIONS)('page-size names on single-object reads (%s)', version => {
  it('does not take `size` on GET /avatars/{userId} for a page size; it is judged as a quantity instead', async () => {
    const d = doc(version, {
      '/avatars/{userId}': { get: list(version, [pathParam(version, 'userId', { type: 'string', format: 'uuid' }), query(version, 'size')], { type: 'string', format: 'binary', maxLength: 1000000 }) },
      '/avatars': { get: list(version, [query(version, 'size')], PAGE) },
    });
    expect(await found(PAGINATION, d)).toEqual(['paths./avatars.get.parameters.0']);
    expect(await found(QUANTITY, d)).toEqual(['paths./avatars/{userId}.get.parameters.1' + (version === '2.0' ? '' : '.schema')]);
  });
});
