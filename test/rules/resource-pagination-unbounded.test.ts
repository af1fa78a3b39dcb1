import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, componentRef, found, lint, param, pathParam, response, testRule, VERSIONS, type Doc, type Version } from '../helpers.js';
import { EXEMPTIONS } from '../fixtures/documents.js';
import { NUMBER, QUANTITY } from '../fixtures/values.js';

const PAGINATION = 'resource-pagination-unbounded';

function writtenDoc(version: Version, paths: Doc, defs: { schemas?: Doc; parameters?: Doc } = {}, extra: Doc = {}): Doc {
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
const PAGE = { type: 'object', properties: { data: LIST, request_id: { type: 'string', maxLength: 200 } } };

/** A POST that adds an item: callers grow the collection, so its envelope is a page. */
function created(version: Version): Doc {
  return { responses: { '201': response(version, 'Created.') } };
}

/** A GET with the given parameters, answering 200 with `schema` (a bare array by default). */
function list(version: Version, parameters: Doc[] = [], schema: Doc = LIST, more: Doc = {}): Doc {
  return { parameters, responses: { '200': response(version, 'OK', schema) }, ...more };
}

testRule(PAGINATION, VERSIONS.flatMap(version => [
  {
    name: `${version}: a page size without maximum at the parameter, and a bare array without one at the operation`,
    document: writtenDoc(version, { '/things': { get: list(version, [query(version, 'limit')]) }, '/others': { get: list(version) } }),
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
    name: `${version}: an envelope whose items array has no maxItems, without a page size, at the operation`,
    document: writtenDoc(version, { '/pages': { get: list(version, [], PAGE), post: created(version) } }),
    errors: [
      {
        path: ['paths', '/pages', 'get'],
        severity: DiagnosticSeverity.Warning,
        message: 'GET /pages returns an unbounded list in "data": paginate it with a page-size parameter that has a `maximum`, or give the array `maxItems`.',
      },
    ],
  },
  {
    name: `${version}: not a bounded page size, an envelope with a bounded page size or maxItems, nor an array with maxItems`,
    document: writtenDoc(version, {
      '/things': { get: list(version, [query(version, 'limit', { type: 'integer', maximum: 100 })]) },
      '/pages': { get: list(version, [query(version, 'limit', { type: 'integer', maximum: 100 })], PAGE) },
      '/short-pages': { get: list(version, [], { ...PAGE, properties: { ...PAGE.properties, data: { ...LIST, maxItems: 50 } } }) },
      '/few': { get: list(version, [], { ...LIST, maxItems: 20 }) },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${PAGINATION} (%s)`, version => {
  const PAGE_SIZE_NAMES = ['limit', 'per_page', 'per-page', 'pageSize', 'page_size', 'PageSize', '$top', 'top', 'size', 'first', 'last', 'count', 'max_results', 'maxResults', 'page_limit'];

  it.each(PAGE_SIZE_NAMES)('flags the page-size parameter "%s" without maximum, at the parameter (and not the array)', async name => {
    const d = writtenDoc(version, { '/things': { get: list(version, [query(version, 'q', { type: 'string', maxLength: 10 }), query(version, name, { type: 'integer', minimum: 1 })]) } });
    const own = (await lint(d)).filter(r => r.code === PAGINATION);
    expect(own.map(r => r.path.join('.'))).toEqual(['paths./things.get.parameters.1']);
    expect(own[0].message).toBe(`Page-size parameter "${name}" has no \`maximum\`: one request can ask for every record; set a maximum (e.g. 100).`);
    expect(own[0].severity).toBe(DiagnosticSeverity.Warning);
    // The page size is this rule's, not the number or quantity rule's.
    expect(await found(NUMBER, d)).toEqual([]);
    expect(await found(QUANTITY, d)).toEqual([]);
  });

  it('judges number-typed page sizes too', async () => {
    const d = writtenDoc(version, { '/things': { get: list(version, [query(version, 'limit', { type: 'number' })]) } });
    expect(await found(PAGINATION, d)).toEqual(['paths./things.get.parameters.0']);
  });

  const bounded: Array<[string, Doc]> = [
    ['maximum', { type: 'integer', maximum: 100 }],
    ['enum', { type: 'integer', enum: [10, 50, 100] }],
    ['maximum with 3.0 exclusiveMaximum: true', { type: 'integer', maximum: 101, exclusiveMaximum: true }],
    ...(version === '3.1' ? [['numeric exclusiveMaximum (3.1)', { type: 'integer', exclusiveMaximum: 101 }] as [string, Doc]] : []),
  ];
  it.each(bounded)('does not flag a page size bounded by %s, nor its bare-array response', async (_, schema) => {
    const d = writtenDoc(version, { '/things': { get: list(version, [query(version, 'limit', schema)]) } });
    expect(await found(PAGINATION, d)).toEqual([]);
  });

  it('flags a page size with only 3.0 `exclusiveMaximum: true` (a flag, not a bound)', async () => {
    const d = writtenDoc(version, { '/things': { get: list(version, [query(version, 'per_page', { type: 'integer', exclusiveMaximum: true })]) } });
    expect(await found(PAGINATION, d)).toEqual(['paths./things.get.parameters.0']);
  });

  if (version !== '2.0') {
    it('merges allOf: a maximum in a referenced member bounds the page size; without one it is flagged', async () => {
      const d = writtenDoc(
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
    const d = writtenDoc(version, { '/a': { get: list(version, [ref]) }, '/b': { get: list(version, [ref]) }, '/c': { get: list(version, [ref]) } }, { parameters: { Limit: query(version, 'limit') } });
    expect(await found(PAGINATION, d)).toEqual([version === '2.0' ? 'parameters.Limit' : 'components.parameters.Limit']);
  });

  it('judges a path-level page size for the GET of the path item', async () => {
    const d = writtenDoc(version, { '/things': { parameters: [query(version, 'limit')], get: list(version), delete: { responses: { '204': response(version, 'Deleted.') } } } });
    expect(await found(PAGINATION, d)).toEqual(['paths./things.parameters.0']);
  });

  it('`count` typed boolean is not a page size: the bare array is flagged at the operation', async () => {
    const d = writtenDoc(version, { '/things': { get: list(version, [query(version, 'count', { type: 'boolean' })]) } });
    expect(await found(PAGINATION, d)).toEqual(['paths./things.get']);
  });

  it('page-size names outside the query are not page sizes, and write operations are not judged', async () => {
    const d = writtenDoc(version, {
      '/things/{limit}': { get: list(version, [pathParam(version, 'limit', { type: 'integer', maximum: 5 }), version === '2.0' ? { name: 'X-Page-Size', in: 'header', type: 'integer' } : { name: 'X-Page-Size', in: 'header', schema: { type: 'integer' } }], PAGE) },
      '/search': { post: { parameters: [query(version, 'limit')], responses: { '200': response(version, 'OK', LIST) } } },
    });
    expect(await found(PAGINATION, d)).toEqual([]);
    // The write operation's limit, and the page size in a header, are still unbounded quantities.
    expect(await found(QUANTITY, d)).toEqual([version === '2.0' ? 'paths./search.post.parameters.0' : 'paths./search.post.parameters.0.schema', version === '2.0' ? 'paths./things/{limit}.get.parameters.1' : 'paths./things/{limit}.get.parameters.1.schema'].sort());
  });

  it('flags a GET returning a bare array without page size or maxItems, at the operation', async () => {
    const d = writtenDoc(version, { '/things': { get: list(version, [query(version, 'page_token', { type: 'string', maxLength: 100 })]) } });
    const own = (await lint(d)).filter(r => r.code === PAGINATION);
    expect(own.map(r => r.path.join('.'))).toEqual(['paths./things.get']);
    expect(own[0].message).toBe('GET /things returns an unbounded array: paginate it with a page-size parameter that has a `maximum`, or give the array `maxItems`.');
  });

  it('flags a bare array reached through $ref and returned by 2XX-range statuses, once per operation', async () => {
    const listRef = { $ref: componentRef(version, 'schemas', 'Things') };
    const d = writtenDoc(
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
    const d = writtenDoc(
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

  it('does not flag error arrays or non-GET operations returning arrays', async () => {
    const d = writtenDoc(version, {
      '/b': { get: { responses: { '204': response(version, 'Nothing.'), '400': response(version, 'Errors.', LIST), default: response(version, 'Errors.', LIST) } } },
      '/c': { post: { responses: { '200': response(version, 'Created.', LIST) } } },
    });
    expect(await found(PAGINATION, d)).toEqual([]);
  });

  if (version === '3.1') {
    it('judges a 3.1 type array', async () => {
      const d = writtenDoc(version, { '/things': { get: list(version, [], { type: ['array', 'null'], items: ITEM }) } });
      expect(await found(PAGINATION, d)).toEqual(['paths./things.get']);
    });
  }

  it('pageSizeParameterNames.add and .remove change what a page size is (the number rule takes what it drops)', async () => {
    const d = writtenDoc(version, { '/things': { get: list(version, [query(version, 'take'), query(version, 'size')]) } });
    expect(await found(PAGINATION, d)).toEqual(['paths./things.get.parameters.1']);
    const options = { pageSizeParameterNames: { add: ['take'], remove: ['size'] } };
    expect(await found(PAGINATION, d, options)).toEqual(['paths./things.get.parameters.0']);
    expect(await found(NUMBER, d, options)).toEqual([version === '2.0' ? 'paths./things.get.parameters.1' : 'paths./things.get.parameters.1.schema']);
  });

  it('honours exemptions on the operation, the path item and the root', async () => {
    const reason = { [PAGINATION]: 'Returns at most the 7 days of the week.' };
    const paths = {
      '/a': { get: list(version, [], LIST, { [EXEMPTIONS]: reason }) },
      '/b': { [EXEMPTIONS]: reason, get: list(version, [query(version, 'limit')]) },
      '/c': { get: list(version) },
    };
    expect(await found(PAGINATION, writtenDoc(version, paths))).toEqual(['paths./c.get']);
    expect(await found(PAGINATION, writtenDoc(version, paths, {}, { [EXEMPTIONS]: reason }))).toEqual([]);
  });

  it('never throws on wrong types', async () => {
    const d = writtenDoc(version, {
      '/a': { get: { parameters: { limit: 1 }, responses: { '200': { description: 'x', schema: 'array', content: [] } } } },
      '/b': { get: { parameters: [null, 7, query(version, 'limit', { type: 42 }), query(version, 'size', { type: ['integer', 7] })], responses: [] } },
      '/c': { get: { responses: { '200': response(version, 'OK', { type: 'array', maxItems: 'ten', items: { $ref: '#/nowhere' } }) } } },
    });
    // `maxItems: 'ten'` bounds nothing: only a finite number does.
    expect(await found(PAGINATION, d)).toEqual(['paths./b.get.parameters.3', 'paths./c.get']);
  });
});

describe.each(VERSIONS)('page-size names on single-object reads (%s)', version => {
  it('does not take `size` on GET /avatars/{userId} for a page size; it is judged as a plain number instead (the query of a GET filters: no quantity)', async () => {
    const d = writtenDoc(version, {
      '/avatars/{userId}': { get: list(version, [pathParam(version, 'userId', { type: 'string', format: 'uuid' }), query(version, 'size')], { type: 'string', format: 'binary', maxLength: 1000000 }) },
      '/avatars': { get: list(version, [query(version, 'size')], PAGE) },
    });
    expect(await found(PAGINATION, d)).toEqual(['paths./avatars.get.parameters.0']);
    expect(await found(NUMBER, d)).toEqual(['paths./avatars/{userId}.get.parameters.1' + (version === '2.0' ? '' : '.schema')]);
  });
});

describe.each(VERSIONS)('envelope pages (%s)', version => {
  const ref = (name: string) => ({ $ref: componentRef(version, 'schemas', name) });
  /** Paths whose collections callers grow: every path item with a GET also takes a POST. */
  const growing = (paths: Doc): Doc =>
    Object.fromEntries(Object.entries(paths).map(([key, item]) => [key, (item as Doc).get ? { ...(item as Doc), post: created(version) } : item]));
  const doc = (v: Version, paths: Doc, defs: { schemas?: Doc; parameters?: Doc } = {}): Doc => writtenDoc(v, growing(paths), defs);
  /** An envelope object with these properties. */
  const envelope = (properties: Doc, extra: Doc = {}): Doc => ({ type: 'object', properties, ...extra });
  const NEXT = { type: 'string', maxLength: 200 };
  const STRINGS = { type: 'array', items: { type: 'string', maxLength: 50 } };

  async function flagged(d: Doc): Promise<string[]> {
    return (await lint(d)).filter(r => r.code === PAGINATION).map(r => `${r.path.join('.')} ${r.message}`).sort();
  }
  const finding = (pathKey: string, property: string) =>
    `paths.${pathKey}.get GET ${pathKey} returns an unbounded list in "${property}": paginate it with a page-size parameter that has a \`maximum\`, or give the array \`maxItems\`.`;

  it.each(['items', 'data', 'results', 'records', 'entries', 'elements', 'values', 'value', 'content', 'rows', 'hits', 'Items', 'DATA'])(
    'flags the items array named "%s" beside other metadata, at the operation',
    async name => {
      const d = doc(version, { '/orders': { get: list(version, [], envelope({ [name]: LIST, total_count: { type: 'integer', maximum: 1000000 }, request_id: NEXT })) } });
      expect(await flagged(d)).toEqual([finding('/orders', name)]);
    },
  );

  it.each<[string, string]>([
    ['/users', 'users'],
    ['/v2/droplets', 'droplets'],
    ['/orgs/{org}/members', 'members'],
    ['/repos/{repo}/actions/runs', 'workflow_runs'],
    ['/Accounts/{AccountSid}/Calls.json', 'calls'],
    ['/teams/{team}/member', 'members'],
    ['/orders:search', 'orders'],
  ])('flags %s returning the items named for its resource ("%s")', async (pathKey, name) => {
    const d = doc(version, { [pathKey]: { get: list(version, [], envelope({ [name]: LIST, meta: envelope({ total: { type: 'integer', maximum: 1000 } }), request_id: NEXT })) } });
    expect(await flagged(d)).toEqual([finding(pathKey, name)]);
  });

  it('flags an envelope whose only property is an array, whatever it is called (no `type: object` needed)', async () => {
    const d = doc(version, { '/nfs': { get: list(version, [query(version, 'region', { type: 'string', maxLength: 20 })], { properties: { shares: LIST } }) } });
    expect(await flagged(d)).toEqual([finding('/nfs', 'shares')]);
  });

  it('judges only the items: an errors, warnings, links or tags array beside them neither counts nor hides them', async () => {
    const d = doc(version, {
      '/a': { get: list(version, [], envelope({ data: LIST, errors: LIST, warnings: STRINGS, links: LIST, tags: STRINGS })) },
      '/b': { get: list(version, [], envelope({ data: { ...LIST, maxItems: 100 }, errors: LIST, warnings: STRINGS, links: LIST, tags: STRINGS })) },
    });
    expect(await flagged(d)).toEqual([finding('/a', 'data')]);
  });

  it('follows $ref to the envelope and to its items array', async () => {
    const d = doc(
      version,
      {
        '/a': { get: list(version, [], ref('Page')) },
        '/b': { get: list(version, [], envelope({ results: ref('Things'), request_id: NEXT })) },
        '/c': { get: list(version, [], ref('BoundedPage')) },
      },
      { schemas: { Page: PAGE, Things: LIST, BoundedPage: envelope({ results: ref('FewThings') }), FewThings: { ...LIST, maxItems: 25 } } },
    );
    expect(await flagged(d)).toEqual([finding('/a', 'data'), finding('/b', 'results')]);
  });

  it('merges allOf: a generic page and the concrete items are one envelope; a maxItems in any member bounds the items', async () => {
    const generic = envelope({ data: { type: 'array' }, total_count: { type: 'integer', maximum: 1000000 } });
    const d = doc(
      version,
      {
        '/a': { get: list(version, [], { allOf: [ref('Page'), envelope({ data: { items: ITEM } })] }) },
        '/b': { get: list(version, [], { allOf: [ref('Page'), envelope({ data: { items: ITEM, maxItems: 100 } })] }) },
        '/c': { get: list(version, [], { allOf: [ref('Page'), envelope({ data: { allOf: [ref('Things')], maxItems: 100 } })] }) },
        '/users': { get: list(version, [], { allOf: [ref('Meta'), envelope({ users: { allOf: [ref('Things')] } })] }) },
      },
      { schemas: { Page: generic, Things: LIST, Meta: envelope({ total: { type: 'integer', maximum: 1000 } }) } },
    );
    expect(await flagged(d)).toEqual([finding('/a', 'data'), finding('/users', 'users')]);
  });

  it('leaves envelopes with a page-size parameter to the parameter: bounded, silent; unbounded, the parameter only', async () => {
    const cursor = query(version, 'cursor', { type: 'string', maxLength: 200 });
    const d = doc(version, {
      '/bounded': { get: list(version, [cursor, query(version, 'limit', { type: 'integer', minimum: 1, maximum: 100 })], PAGE) },
      '/unbounded': { get: list(version, [cursor, query(version, 'limit', { type: 'integer', minimum: 1 })], PAGE) },
    });
    expect(await found(PAGINATION, d)).toEqual(['paths./unbounded.get.parameters.1']);
  });

  it('does not take an envelope that leads to a next page for an unbounded list: the server already pages it', async () => {
    const link = envelope({ href: NEXT });
    const d = doc(
      version,
      {
        '/a': { get: list(version, [query(version, 'cursor', { type: 'string', maxLength: 200 })], envelope({ events: LIST, next_cursor: NEXT })) },
        '/b': { get: list(version, [], envelope({ data: LIST, has_more: { type: 'boolean' } })) },
        '/c': { get: list(version, [], envelope({ items: LIST, links: envelope({ pages: { anyOf: [envelope({ next: NEXT }), envelope({ prev: NEXT })] } }) })) },
        '/d': { get: list(version, [], envelope({ items: LIST, _links: envelope({ self: link, next: link }) })) },
        '/e': { get: list(version, [], envelope({ items: LIST, pageInfo: envelope({ endCursor: NEXT }) })) },
        '/f': { get: list(version, [], ref('CursorPage')) },
        '/g': { get: list(version, [], { allOf: [ref('Paged'), envelope({ data: LIST })] }) },
        // A total alone, or links that lead nowhere further, do not page anything.
        '/h': { get: list(version, [], envelope({ data: LIST, meta: envelope({ total: { type: 'integer', maximum: 1000 } }), links: envelope({ self: link }) })) },
      },
      { schemas: { CursorPage: envelope({ data: LIST, next_page_token: NEXT }), Paged: envelope({ paging: envelope({ after: NEXT }) }) } },
    );
    expect(await found(PAGINATION, d)).toEqual(['paths./h.get']);
  });

  it('does not judge single-object reads: a path ending with a parameter, also before a format suffix', async () => {
    const d = doc(version, {
      '/users/{id}': { get: list(version, [pathParam(version, 'id', { type: 'string', format: 'uuid' })], envelope({ data: LIST, roles: STRINGS })) },
      '/Calls/{Sid}.json': { get: list(version, [pathParam(version, 'Sid', { type: 'string', maxLength: 34 })], envelope({ calls: LIST })) },
    });
    expect(await found(PAGINATION, d)).toEqual([]);
  });

  it('does not take a resource that holds a list for a page: an object with its own id, or with one array among other properties', async () => {
    const d = doc(version, {
      '/allowlist': { get: list(version, [], envelope({ id: { type: 'integer', maximum: 1000 }, items: LIST, expires_at: { type: 'string', format: 'date-time' } })) },
      '/permissions': { get: list(version, [], envelope({ ID: { type: 'string', format: 'uuid' }, permissions: LIST })) },
      '/welcome-screen': { get: list(version, [], envelope({ description: { type: 'string', maxLength: 100 }, welcome_channels: LIST })) },
      '/selected-actions': { get: list(version, [], envelope({ verified_allowed: { type: 'boolean' }, patterns_allowed: STRINGS })) },
    });
    expect(await found(PAGINATION, d)).toEqual([]);
  });

  it('does not take an object for a page when its arrays are several and none is named like the items, or its items are one object', async () => {
    const d = doc(version, {
      '/meta': { get: list(version, [], envelope({ hooks: STRINGS, web: STRINGS, api: STRINGS })) },
      '/profile': { get: list(version, [], envelope({ data: envelope({ name: { type: 'string', maxLength: 50 } }), errors: LIST })) },
      '/summary': { get: list(version, [], envelope({ total: { type: 'integer', maximum: 10 } })) },
      '/nothing': { get: list(version, [], envelope({})) },
    });
    expect(await found(PAGINATION, d)).toEqual([]);
  });

  it('does not judge other methods, error responses or success responses without a body', async () => {
    const d = doc(version, {
      '/search': { post: { responses: { '200': response(version, 'Found.', PAGE) } } },
      '/orders': { get: { responses: { '204': response(version, 'None.'), '400': response(version, 'Errors.', envelope({ errors: LIST })), default: response(version, 'Errors.', PAGE) } } },
    });
    expect(await found(PAGINATION, d)).toEqual([]);
  });

  it('reports a bare array and an envelope once per operation, for the first success response that has one', async () => {
    const d = doc(version, { '/things': { get: { responses: { '200': response(version, 'OK', PAGE), '206': response(version, 'Partial.', envelope({ items: LIST })) } } } });
    expect(await flagged(d)).toEqual([finding('/things', 'data')]);
  });

  if (version === '3.1') {
    it('reads 3.1 type arrays on the envelope and on its items', async () => {
      const d = doc(version, { '/orders': { get: list(version, [], { type: ['object', 'null'], properties: { data: { type: ['array', 'null'], items: ITEM }, request_id: NEXT } }) } });
      expect(await flagged(d)).toEqual([finding('/orders', 'data')]);
    });
  }

  it('pageItemsPropertyNames.add and .remove change which property holds the items', async () => {
    const d = doc(version, {
      '/a': { get: list(version, [], envelope({ objects: LIST, errors: LIST })) },
      '/b': { get: list(version, [], envelope({ data: LIST, errors: LIST })) },
    });
    expect(await found(PAGINATION, d)).toEqual(['paths./b.get']);
    expect(await found(PAGINATION, d, { pageItemsPropertyNames: { add: ['objects'], remove: ['data'] } })).toEqual(['paths./a.get']);
  });

  it('does not take the envelope of a collection nobody writes for a page (a catalogue of sizes, a key set)', async () => {
    const d = writtenDoc(version, {
      '/sizes': { get: list(version, [], envelope({ sizes: LIST, links: LIST })) },
      '/oauth2/keys': { get: list(version, [], envelope({ keys: LIST })) },
      '/report_types': { get: list(version, [], envelope({ data: LIST, has_more: { type: 'boolean' } })) },
      '/report_types/{id}': { get: list(version, [pathParam(version, 'id', { type: 'string', maxLength: 40 })], ITEM) },
      // A PATCH that replaces the whole list is not an item being added.
      '/group-mappings': { get: list(version, [], envelope({ groups: LIST })), patch: { responses: { '200': response(version, 'Replaced.') } } },
    });
    expect(await found(PAGINATION, d)).toEqual([]);
  });

  it('takes a write on an item (`/things/{id}`, Twilio\'s `/Calls/{Sid}.json`) as callers growing the collection', async () => {
    const removed = { responses: { '204': response(version, 'Deleted.') } };
    const d = writtenDoc(version, {
      '/keys': { get: list(version, [], envelope({ keys: LIST })) },
      '/keys/{key_id}': { delete: removed },
      '/Accounts/{AccountSid}/Calls.json': { get: list(version, [], envelope({ calls: LIST })) },
      '/Accounts/{Sid}/Calls/{CallSid}.json': { post: created(version) },
      '/sizes': { get: list(version, [], envelope({ sizes: LIST })) },
      '/sizes/{slug}': { get: list(version, [pathParam(version, 'slug', { type: 'string', maxLength: 40 })], ITEM) },
    });
    expect(await flagged(d)).toEqual([finding('/Accounts/{AccountSid}/Calls.json', 'calls'), finding('/keys', 'keys')]);
  });

  it('still reports a bare array nobody writes (the array itself is the page)', async () => {
    const d = writtenDoc(version, { '/sizes': { get: list(version) } });
    expect(await found(PAGINATION, d)).toEqual(['paths./sizes.get']);
  });

  it('never throws on wrong types in an envelope', async () => {
    const d = doc(version, {
      '/a': { get: list(version, [], { type: 'object', properties: [LIST] }) },
      '/b': { get: list(version, [], { type: 'object', properties: { data: null, items: 7, results: { type: 'array', maxItems: 'ten' } } }) },
      '/c': { get: list(version, [], { type: 'object', allOf: 'x', properties: { data: { $ref: '#/nowhere' } } }) },
    });
    // `maxItems: 'ten'` bounds nothing: only a finite number does.
    expect(await found(PAGINATION, d)).toEqual(['paths./b.get']);
  });
});
