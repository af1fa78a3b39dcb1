import { describe, expect, it } from 'vitest';
import {
  allOfMembers,
  declaringSchema,
  firstWith,
  formatOf,
  isErrorStatus,
  isSuccessStatus,
  membersAt,
  schemaTypes,
  pushSubschemas,
  typeOwner,
  typesOf,
  valueTypes,
  walkBodyShapes,
  type JsonObject,
  type Members,
} from '../../../functions/analysis/index.js';
import { at, members, pathsOf } from './fixtures.js';

describe('allOfMembers', () => {
  it('lists the schema, then its members depth first in the order written', () => {
    const schema = { allOf: [{ title: 'A', allOf: [{ title: 'A1' }] }, { title: 'B' }] };
    expect(pathsOf(allOfMembers({}, at(schema)))).toEqual([['s'], ['s', 'allOf', 0], ['s', 'allOf', 0, 'allOf', 0], ['s', 'allOf', 1]]);
  });

  it('follows $ref members to where they are written', () => {
    const base = { type: 'object', properties: { id: {} } };
    const root = { components: { schemas: { Base: base } } };
    const located = allOfMembers(root, at({ allOf: [{ $ref: '#/components/schemas/Base' }] }));
    expect(located[1]).toEqual({ node: base, path: ['components', 'schemas', 'Base'] });
  });

  it('skips members that are not objects or cannot be resolved', () => {
    const schema = { allOf: [true, 'x', null, { $ref: '#/missing' }, { title: 'kept' }] };
    const located = allOfMembers({}, at(schema));
    // The dangling `$ref` object stays a member (it is an object); the scalars do not.
    expect(pathsOf(located)).toEqual([['s'], ['s', 'allOf', 3], ['s', 'allOf', 4]]);
  });

  it('lists each member once in a cycle or a diamond', () => {
    const root: Record<string, JsonObject> = {
      A: { allOf: [{ $ref: '#/B' }, { $ref: '#/C' }] },
      B: { allOf: [{ $ref: '#/A' }, { $ref: '#/C' }] },
      C: { allOf: [{ $ref: '#/A' }] },
    };
    expect(pathsOf(allOfMembers(root, at(root.A, ['A'])))).toEqual([['A'], ['B'], ['C']]);
  });

  it('stops 64 levels down: a hostile nesting cannot stall the analysis', () => {
    let schema: JsonObject = { title: 'leaf' };
    for (let i = 0; i < 100; i++) schema = { allOf: [schema] };
    expect(allOfMembers({}, at(schema))).toHaveLength(65);
  });

  it('caches by schema object: a second call returns the first result, whatever changed since', () => {
    const cache = new Map<JsonObject, Members>();
    const schema: JsonObject = { allOf: [{ title: 'A' }] };
    const first = allOfMembers({}, at(schema), cache);
    schema.allOf = [];
    expect(allOfMembers({}, at(schema, ['elsewhere']), cache)).toBe(first);
    // Without a cache the schema is read again.
    expect(allOfMembers({}, at(schema))).toHaveLength(1);
  });
});

describe('membersAt', () => {
  it('gives no members for a missing schema or one that is not an object', () => {
    expect(membersAt({}, undefined)).toEqual([]);
    expect(membersAt({}, { node: true, path: ['s'] })).toEqual([]);
    expect(membersAt({}, { node: [{ type: 'string' }], path: ['s'] })).toEqual([]);
  });

  it('gives the members of an object schema', () => {
    expect(pathsOf(membersAt({}, { node: { allOf: [{}] }, path: ['p'] }))).toEqual([['p'], ['p', 'allOf', 0]]);
  });
});

describe('schemaTypes, typesOf, valueTypes', () => {
  it.each([
    [{ type: 'string' }, ['string']],
    [{ type: ['integer', 'null'] }, ['integer', 'null']],
    [{ type: ['string', 7, null, { a: 1 }] }, ['string']],
    [{ type: 7 }, []],
    [{ type: { not: 'a type' } }, []],
    [{}, []],
  ])('schemaTypes(%j) is %j', (node, expected) => {
    expect(schemaTypes(node)).toEqual(expected);
  });

  it('typesOf collects every member’s types, null included', () => {
    expect([...typesOf(members({ type: ['string', 'null'] }, { type: 'string' }, { type: 'integer' }))]).toEqual(['string', 'null', 'integer']);
  });

  it('valueTypes drops null and reads an untyped schema with properties or items as an object or an array', () => {
    expect([...valueTypes(members({ type: ['string', 'null'] }))]).toEqual(['string']);
    expect([...valueTypes(members({ properties: { a: {} } }))]).toEqual(['object']);
    expect([...valueTypes(members({ items: { type: 'string' } }))]).toEqual(['array']);
    expect([...valueTypes(members({ allOf: [] }, { properties: {} }))]).toEqual(['object']);
  });

  it('valueTypes implies nothing when a type is written, or when properties/items are not schemas', () => {
    expect([...valueTypes(members({ type: 'string', properties: { a: {} } }))]).toEqual(['string']);
    expect([...valueTypes(members({ properties: 'x', items: [{}] }))]).toEqual([]);
    expect([...valueTypes(members({ type: 'null' }))]).toEqual([]);
    expect([...valueTypes(members({ description: 'untyped' }))]).toEqual([]);
  });
});

describe('firstWith, typeOwner, formatOf', () => {
  it('firstWith is the first member with the keyword as an own key', () => {
    const list = members({ title: 'wrapper' }, { format: 'email' }, { format: 'uri' });
    expect(firstWith(list, 'format')?.path).toEqual(['s', 'allOf', 0]);
    expect(firstWith(list, 'maxLength')).toBeUndefined();
    // Inherited keys are not written in the schema.
    expect(firstWith(members(Object.create({ format: 'email' }) as JsonObject), 'format')).toBeUndefined();
  });

  it('typeOwner is the member declaring the type, else the schema', () => {
    expect(typeOwner(members({ title: 'w' }, { type: 'string' })).path).toEqual(['s', 'allOf', 0]);
    expect(typeOwner(members({ title: 'w' }, { format: 'uuid' })).path).toEqual(['s']);
  });

  it('formatOf is the first string format, lower-cased', () => {
    expect(formatOf(members({ format: 7 }, { format: 'Date-Time' }, { format: 'uuid' }))).toBe('date-time');
    expect(formatOf(members({ type: 'string' }))).toBeUndefined();
  });
});

describe('declaringSchema', () => {
  const user = { type: 'object', properties: { email: { type: 'string' } } };
  const root = { components: { schemas: { User: user } } };

  it('is the schema a property is declared in', () => {
    expect(declaringSchema(root, ['components', 'schemas', 'User', 'properties', 'email'])).toBe(user);
  });

  it('is undefined when the path does not lead to an object', () => {
    expect(declaringSchema(root, ['components', 'schemas', 'Missing', 'properties', 'email'])).toBeUndefined();
    expect(declaringSchema({ list: [[]] }, ['list', 0, 'properties', 'x'])).toBeUndefined();
  });
});

describe('isSuccessStatus, isErrorStatus', () => {
  it.each([
    ['200', true, false],
    ['204', true, false],
    ['2XX', true, false],
    ['2xx', true, false],
    ['302', false, false],
    ['400', false, true],
    ['429', false, true],
    ['4XX', false, true],
    ['4xx', false, true],
    ['500', false, true],
    ['5XX', false, true],
    ['default', false, true],
    ['DEFAULT', false, true],
    ['Default', false, true],
    ['x-200', false, false],
    ['x-error', false, false],
    ['2', false, false],
    ['20', false, false],
    ['2000', false, false],
    ['2X0', false, false],
    ['', false, false],
  ])('%j: success %s, error %s', (status, success, error) => {
    expect(isSuccessStatus(status)).toBe(success);
    expect(isErrorStatus(status)).toBe(error);
  });
});

describe('walkBodyShapes', () => {
  /** The paths of the shapes visited, in order; `visit` says whether to go on below each. */
  function visited(root: unknown, body: JsonObject, goInto: (site: JsonObject) => boolean = () => true) {
    const out: unknown[] = [];
    walkBodyShapes(root, at(body, ['body']), new Map(), (site, list) => {
      out.push({ path: site.path, members: list.length });
      return goInto(site.node);
    });
    return out;
  }

  // The walk promises each shape once, not an order: compare without it.
  const unordered = (list: unknown[]) => list.map(v => JSON.stringify(v)).sort();

  it('visits the body, the items of an array body and the alternatives of oneOf/anyOf, members included', () => {
    const item = { type: 'object', properties: { role: {} } };
    const root = { Item: item };
    const body = {
      oneOf: [{ type: 'array', items: { $ref: '#/Item' } }, { allOf: [{ anyOf: [{ title: 'deep' }] }] }],
    };
    expect(unordered(visited(root, body))).toEqual(
      unordered([
        { path: ['body'], members: 1 },
        { path: ['body', 'oneOf', 0], members: 1 },
        { path: ['Item'], members: 1 },
        { path: ['body', 'oneOf', 1], members: 2 },
        // An alternative written in an `allOf` member is reached through that member.
        { path: ['body', 'oneOf', 1, 'allOf', 0, 'anyOf', 0], members: 1 },
      ]),
    );
  });

  it('does not look inside a shape when visit returns false', () => {
    const body = { type: 'array', items: { type: 'array', items: { type: 'string' } } };
    expect(visited({}, body, site => site === body)).toEqual([
      { path: ['body'], members: 1 },
      { path: ['body', 'items'], members: 1 },
    ]);
  });

  it('visits each shape once, even in a cycle', () => {
    const root: Record<string, JsonObject> = { Node: { type: 'array', items: { $ref: '#/Node' } } };
    expect(visited(root, root.Node)).toEqual([{ path: ['body'], members: 1 }]);
  });

  it('stops four levels below the body', () => {
    let body: JsonObject = { type: 'string' };
    for (let i = 0; i < 10; i++) body = { type: 'array', items: body };
    expect(visited({}, body)).toHaveLength(5);
  });

  it('does not descend into properties: those are the caller’s to read', () => {
    const body = { type: 'object', properties: { list: { type: 'array', items: { type: 'object' } } } };
    expect(visited({}, body)).toHaveLength(1);
  });
});

/** What `pushSubschemas` appends for one member. */
function subschemas(root: unknown, member: Parameters<typeof pushSubschemas>[1]) {
  const out: Parameters<typeof pushSubschemas>[2] = [];
  pushSubschemas(root, member, out);
  return out;
}

describe('pushSubschemas', () => {
  it('appends patternProperties values, single subschemas and list items, each where it is written', () => {
    const root = { Tag: { type: 'string' } };
    const member = at({
      properties: { skipped: {} },
      patternProperties: { '^x-': { $ref: '#/Tag' } },
      additionalProperties: { type: 'integer' },
      items: [{ type: 'string' }, { type: 'number' }],
      oneOf: [{ title: 'o' }],
      allOf: [{ title: 'merged, not a position' }],
      not: { title: 'negated, not a position' },
    });
    expect(pathsOf(subschemas(root, member))).toEqual([['Tag'], ['s', 'additionalProperties'], ['s', 'items', 0], ['s', 'items', 1], ['s', 'oneOf', 0]]);
  });

  it('appends an object `items` once, and skips boolean subschemas', () => {
    const member = at({ items: { type: 'string' }, additionalProperties: false, contains: true, prefixItems: [{ type: 'string' }] });
    expect(pathsOf(subschemas({}, member))).toEqual([['s', 'items'], ['s', 'prefixItems', 0]]);
  });
});
