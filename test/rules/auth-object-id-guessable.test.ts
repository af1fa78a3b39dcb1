import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, messagesOf, param, testRule, VERSIONS } from '../helpers.js';
import { api, at, get, ref } from '../fixtures/documents.js';

const GUESSABLE = 'auth-object-id-guessable';

testRule(GUESSABLE, VERSIONS.flatMap(version => [
  {
    name: `${version}: an integer id in the path, as info, at the parameter`,
    document: api(version, { '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', { type: 'integer', format: 'int64' })]) } }),
    errors: [
      {
        path: ['paths', '/users/{userId}', 'get', 'parameters', '0'],
        severity: DiagnosticSeverity.Information,
        message: 'Path parameter "userId" is an integer identifier that callers can enumerate: use a random, non-sequential id (e.g. `format: uuid`) and check the caller owns the object.',
      },
    ],
  },
  {
    name: `${version}: not a uuid id, an integer that is not an id, nor an integer id in the query`,
    document: api(version, {
      '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', { type: 'string', format: 'uuid' }), param(version, 'orderId', 'query', { type: 'integer' })]) },
      '/sizes/{width}': { get: get(version, [param(version, 'width', 'path', { type: 'integer' })]) },
    }),
    errors: [],
  },
]));

const ID_NAMES = ['id', 'userId', 'user_id', 'user-id', 'UserID'];

describe.each(VERSIONS)('auth-object-id-guessable (%s)', version => {
  const integer = version === '3.1' ? { type: ['integer', 'null'] } : { type: 'integer', format: 'int64' };

  it.each(ID_NAMES)('flags the integer path parameter "%s" at the parameter', async name => {
    const doc = api(version, { [`/users/{${name}}`]: { get: get(version, [param(version, name, 'path', { type: 'integer' })]) } });
    expect(await found(GUESSABLE, doc)).toEqual([`paths./users/{${name}}.get.parameters.0`]);
  });

  it(`flags an integer written in this version's own way (${JSON.stringify(integer)})`, async () => {
    const doc = api(version, { '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', integer)]) } });
    expect(await found(GUESSABLE, doc)).toEqual(['paths./users/{userId}.get.parameters.0']);
  });

  it('flags a shared component parameter once, at the component', async () => {
    const userId = ref(version, 'UserId', 'parameters');
    const doc = api(
      version,
      { '/users/{userId}': { get: get(version, [userId]), delete: get(version, [userId]) }, '/users/{userId}/posts': { get: get(version, [userId]) } },
      { parameters: { UserId: param(version, 'userId', 'path', { type: 'integer' }) } },
    );
    expect(await found(GUESSABLE, doc)).toEqual([at(version, 'UserId', 'parameters')]);
  });

  it('judges a path-level parameter once, and an operation-level override replaces it', async () => {
    const doc = api(version, {
      '/users/{id}': {
        parameters: [param(version, 'id', 'path', { type: 'integer' })],
        get: get(version),
        delete: get(version),
      },
      '/orders/{id}': {
        parameters: [param(version, 'id', 'path', { type: 'integer' })],
        get: get(version, [param(version, 'id', 'path', { type: 'string', format: 'uuid' })]),
      },
    });
    expect(await found(GUESSABLE, doc)).toEqual(['paths./users/{id}.parameters.0']);
  });

  it.each(['paid', 'valid', 'uuid', 'identity', 'idx', 'width'])('does not flag the integer path parameter "%s" (not an id word)', async name => {
    const doc = api(version, { [`/things/{${name}}`]: { get: get(version, [param(version, name, 'path', { type: 'integer' })]) } });
    expect(await found(GUESSABLE, doc)).toEqual([]);
  });

  it.each([
    ['a string id', { type: 'string' }],
    ['a uuid id', { type: 'string', format: 'uuid' }],
    ['an untyped id', {}],
  ])('does not flag %s', async (_label, schema) => {
    const doc = api(version, { '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', schema)]) } });
    expect(await found(GUESSABLE, doc)).toEqual([]);
  });

  it('does not flag integer ids in the query or a header', async () => {
    const doc = api(version, {
      '/users': { get: get(version, [param(version, 'userId', 'query', { type: 'integer' }), param(version, 'id', 'header', { type: 'integer' })]) },
    });
    expect(await found(GUESSABLE, doc)).toEqual([]);
  });
});

// Swagger 2.0 non-body parameters have no `schema`, so `$ref` to a schema and `allOf` are OpenAPI 3.x only.
describe.each(['3.0', '3.1'] as const)('auth-object-id-guessable through schemas (%s)', version => {
  const schemaRef = (name: string) => ref(version, name);

  it('flags an id whose schema is a $ref to an integer schema, at the parameter', async () => {
    const doc = api(
      version,
      { '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', schemaRef('UserId'))]) } },
      { schemas: { UserId: { type: 'integer', format: 'int64' } } },
    );
    expect(await found(GUESSABLE, doc)).toEqual(['paths./users/{userId}.get.parameters.0']);
  });

  it('flags an id whose schema is an allOf with an integer branch behind a $ref', async () => {
    const doc = api(
      version,
      { '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', { allOf: [schemaRef('Id'), { description: 'the user' }] })]) } },
      { schemas: { Id: { type: 'integer' } } },
    );
    expect(await found(GUESSABLE, doc)).toEqual(['paths./users/{userId}.get.parameters.0']);
  });

  it('flags an id declared with `content` instead of `schema`', async () => {
    const doc = api(version, {
      '/users/{userId}': { get: get(version, [{ name: 'userId', in: 'path', required: true, content: { 'text/plain': { schema: { type: 'integer' } } } }]) },
    });
    expect(await found(GUESSABLE, doc)).toEqual(['paths./users/{userId}.get.parameters.0']);
  });

  it('does not flag a $ref or allOf that resolves to a uuid string', async () => {
    const doc = api(
      version,
      {
        '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', schemaRef('Uuid'))]) },
        '/orders/{orderId}': { get: get(version, [param(version, 'orderId', 'path', { allOf: [schemaRef('Uuid')] })]) },
      },
      { schemas: { Uuid: { type: 'string', format: 'uuid' } } },
    );
    expect(await found(GUESSABLE, doc)).toEqual([]);
  });

  it('survives a cyclic $ref / allOf without flagging', async () => {
    const doc = api(
      version,
      { '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', { allOf: [schemaRef('A')] })]) } },
      { schemas: { A: { allOf: [schemaRef('B')] }, B: { allOf: [schemaRef('A')] } } },
    );
    expect(await found(GUESSABLE, doc)).toEqual([]);
  });
});

describe.each(VERSIONS)('%s: numbers and digit strings are enumerable too', version => {
  const message = (name: string, kind: string) =>
    `Path parameter "${name}" is ${kind} identifier that callers can enumerate: use a random, non-sequential id (e.g. \`format: uuid\`) and check the caller owns the object.`;

  it('a `type: number` id and a string of digits only (`^[0-9]+$`, `^\\d{1,12}$`), inline, through $ref and allOf', async () => {
    const doc = api(
      version,
      {
        '/invoices/{invoiceId}': { get: get(version, [param(version, 'invoiceId', 'path', { type: 'number' })]) },
        '/orders/{orderId}': { get: get(version, [param(version, 'orderId', 'path', { type: 'string', pattern: '^[0-9]+$' })]) },
        '/tickets/{ticket_id}': { get: get(version, [ref(version, 'TicketId', 'parameters')]) },
        ...(version === '2.0' ? {} : { '/carts/{cartId}': { get: get(version, [param(version, 'cartId', 'path', { allOf: [{ $ref: '#/components/schemas/Digits' }] })]) } }),
      },
      {
        parameters: { TicketId: param(version, 'ticket_id', 'path', { type: 'string', pattern: '^\\d{1,12}$' }) },
        ...(version === '2.0' ? {} : { schemas: { Digits: { type: 'string', pattern: '^\\d+$' } } }),
      },
    );
    const expected = [
      ...(version === '2.0' ? [] : ['paths./carts/{cartId}.get.parameters.0']),
      'paths./invoices/{invoiceId}.get.parameters.0',
      'paths./orders/{orderId}.get.parameters.0',
      at(version, 'TicketId', 'parameters'),
    ].sort();
    expect(await found(GUESSABLE, doc)).toEqual(expected);
    const messages = await messagesOf(GUESSABLE, doc);
    expect(messages).toContain(message('invoiceId', 'a numeric'));
    expect(messages).toContain(message('orderId', 'a digits-only'));
  });

  it('not a string that may hold letters, an unanchored pattern, a number that is not an id, nor a number in the query', async () => {
    const doc = api(version, {
      '/users/{userId}': { get: get(version, [param(version, 'userId', 'path', { type: 'string', pattern: '^[0-9a-f]{32}$' }), param(version, 'pageId', 'query', { type: 'number' })]) },
      '/orders/{orderId}': { get: get(version, [param(version, 'orderId', 'path', { type: 'string', pattern: '[0-9]+' })]) },
      '/scale/{factor}': { get: get(version, [param(version, 'factor', 'path', { type: 'number' })]) },
      '/codes/{codeId}': { get: get(version, [param(version, 'codeId', 'path', { type: 'string', pattern: '^\\d+-[A-Z]+$' })]) },
    });
    expect(await found(GUESSABLE, doc)).toEqual([]);
  });
});
