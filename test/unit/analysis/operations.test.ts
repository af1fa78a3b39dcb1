import { describe, expect, it } from 'vitest';
import { analyse } from '../../../functions/analysis/index.js';
import { doc, json, onlyOperation, operationOf, response } from './fixtures.js';

const ok = { '200': { description: 'OK' } };

describe('operations from paths and webhooks', () => {
  it('reads every HTTP method of every path item, skipping extensions and non-operations', () => {
    const { operations } = analyse(
      doc('3.0', {
        paths: {
          '/a': { get: { responses: ok }, post: { responses: ok }, summary: 'not an operation', parameters: [], 'x-internal': { get: {} } },
          '/b': { trace: { responses: ok }, query: { responses: ok }, delete: 'not an object' },
          'x-extension': { get: { responses: ok } },
        },
      }),
    );
    expect(operations.map(op => `${op.method} ${op.pathKey}`)).toEqual(['get /a', 'post /a', 'trace /b']);
    expect(operations[0].path).toEqual(['paths', '/a', 'get']);
    expect(operations[0].container).toBe('paths');
  });

  it('reads 3.1 webhooks as a container of their own', () => {
    const document = doc('3.1', { paths: { '/a': { get: { responses: ok } } }, webhooks: { newPet: { post: { responses: ok } } } });
    const analysis = analyse(document);
    const hook = operationOf(analysis, 'post', 'newPet', 'webhooks');
    expect(hook.path).toEqual(['webhooks', 'newPet', 'post']);
    expect(analysis.operations).toHaveLength(2);
  });

  it('ignores webhooks before 3.1, where they are not part of the specification', () => {
    const { operations } = analyse(doc('3.0', { webhooks: { newPet: { post: { responses: ok } } } }));
    expect(operations).toEqual([]);
  });

  it('follows a $ref path item to its component, where findings belong', () => {
    const item = { get: { responses: ok } };
    const analysis = analyse(doc('3.1', { paths: { '/pets': { $ref: '#/components/pathItems/Pets' } }, components: { pathItems: { Pets: item } } }));
    const op = operationOf(analysis, 'get', '/pets');
    expect(op.pathItem).toBe(item);
    expect(op.pathItemPath).toEqual(['components', 'pathItems', 'Pets']);
    expect(op.path).toEqual(['components', 'pathItems', 'Pets', 'get']);
  });

  it('skips a path item whose $ref dangles', () => {
    expect(analyse(doc('3.1', { paths: { '/pets': { $ref: '#/nowhere' } } })).operations).toEqual([]);
  });

  it.each([
    ['get', false],
    ['head', false],
    ['options', false],
    ['trace', false],
    ['post', true],
    ['put', true],
    ['patch', true],
    ['delete', true],
  ])('%s is a write: %s', (method, write) => {
    expect(onlyOperation(doc('3.0', { paths: { '/a': { [method]: { responses: ok } } } })).isWrite).toBe(write);
  });

  it('keeps string tags only', () => {
    const op = onlyOperation(doc('3.0', { paths: { '/a': { get: { tags: ['admin', 7, null, 'users'], responses: ok } } } }));
    expect(op.tags).toEqual(['admin', 'users']);
  });
});

describe('parameters', () => {
  it('merges path-level parameters, an operation parameter overriding the one with the same name and location', () => {
    const analysis = analyse(
      doc('3.0', {
        paths: {
          '/users/{id}': {
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
              { name: 'trace', in: 'header', schema: { type: 'string' } },
            ],
            get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }, { name: 'id', in: 'query', schema: { type: 'boolean' } }], responses: ok },
            delete: { responses: ok },
          },
        },
      }),
    );
    const get = operationOf(analysis, 'get', '/users/{id}');
    expect(get.parameters.map(p => `${p.in}:${p.name}@${p.path.join('.')}`)).toEqual([
      // The override keeps the place of the parameter it replaces.
      'path:id@paths./users/{id}.get.parameters.0',
      'header:trace@paths./users/{id}.parameters.1',
      // Same name, other location: another parameter.
      'query:id@paths./users/{id}.get.parameters.1',
    ]);
    expect(get.parameters[0].schema?.node).toEqual({ type: 'integer' });
    const del = operationOf(analysis, 'delete', '/users/{id}');
    expect(del.parameters.map(p => p.path.join('.'))).toEqual(['paths./users/{id}.parameters.0', 'paths./users/{id}.parameters.1']);
  });

  it('follows $ref parameters to their component and lower-cases the location', () => {
    const limit = { name: 'limit', in: 'Query', schema: { $ref: '#/components/schemas/Limit' } };
    const op = onlyOperation(
      doc('3.0', {
        paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/Limit' }], responses: ok } } },
        components: { parameters: { Limit: limit }, schemas: { Limit: { type: 'integer', maximum: 100 } } },
      }),
    );
    expect(op.parameters).toHaveLength(1);
    const [parameter] = op.parameters;
    expect(parameter.node).toBe(limit);
    expect(parameter.in).toBe('query');
    expect(parameter.path).toEqual(['components', 'parameters', 'Limit']);
    expect(parameter.schema?.path).toEqual(['components', 'schemas', 'Limit']);
  });

  it('drops parameters without a string name and location, or whose $ref dangles', () => {
    const op = onlyOperation(
      doc('3.0', { paths: { '/a': { get: { parameters: [{ in: 'query' }, { name: 'x' }, { name: 7, in: 'query' }, { $ref: '#/nope' }, 'junk'], responses: ok } } } }),
    );
    expect(op.parameters).toEqual([]);
  });

  it('reads a 3.x parameter’s type from its first content entry with a schema', () => {
    const op = onlyOperation(
      doc('3.0', { paths: { '/a': { get: { parameters: [{ name: 'filter', in: 'query', content: { 'text/plain': {}, 'application/json': { schema: { type: 'object' } } } }], responses: ok } } } }),
    );
    expect(op.parameters[0].schema?.path).toEqual(['paths', '/a', 'get', 'parameters', 0, 'content', 'application/json', 'schema']);
  });

  it('reads a 2.0 non-body parameter as its own schema, and a 3.x one without schema as untyped', () => {
    const v2 = onlyOperation(doc('2.0', { paths: { '/a': { get: { parameters: [{ name: 'limit', in: 'query', type: 'integer' }], responses: ok } } } }));
    expect(v2.parameters[0].schema).toEqual({ node: v2.parameters[0].node, path: ['paths', '/a', 'get', 'parameters', 0] });
    const v3 = onlyOperation(doc('3.0', { paths: { '/a': { get: { parameters: [{ name: 'limit', in: 'query', type: 'integer' }], responses: ok } } } }));
    expect(v3.parameters[0].schema).toBeUndefined();
  });
});

describe('request schemas', () => {
  it('2.0: the body parameter’s schema and every formData parameter', () => {
    const op = onlyOperation(
      doc('2.0', {
        paths: {
          '/a': {
            post: {
              parameters: [
                { name: 'payload', in: 'body', schema: { $ref: '#/definitions/Pet' } },
                { name: 'file', in: 'formData', type: 'file' },
                { name: 'q', in: 'query', type: 'string' },
                { name: 'broken', in: 'body' },
              ],
              responses: ok,
            },
          },
        },
        definitions: { Pet: { type: 'object' } },
      }),
    );
    expect(op.requestSchemas.map(s => s.path)).toEqual([['definitions', 'Pet'], ['paths', '/a', 'post', 'parameters', 1]]);
  });

  it('3.x: every media type of the request body, through a $ref body', () => {
    const analysis = analyse(
      doc('3.0', {
        paths: { '/a': { post: { requestBody: { $ref: '#/components/requestBodies/Pet' }, responses: ok } } },
        components: {
          requestBodies: { Pet: { content: { ...json({ $ref: '#/components/schemas/Pet' }), 'application/xml': { schema: { type: 'string' } }, 'text/plain': {} } } },
          schemas: { Pet: { type: 'object' } },
        },
      }),
    );
    const op = operationOf(analysis, 'post', '/a');
    expect(op.requestSchemas.map(s => [s.mediaType, s.path])).toEqual([
      ['application/json', ['components', 'schemas', 'Pet']],
      ['application/xml', ['components', 'requestBodies', 'Pet', 'content', 'application/xml', 'schema']],
    ]);
  });

  it('3.x: a body parameter written 2.0-style is not a request body', () => {
    const op = onlyOperation(doc('3.0', { paths: { '/a': { post: { parameters: [{ name: 'b', in: 'body', schema: { type: 'object' } }], responses: ok } } } }));
    expect(op.requestSchemas).toEqual([]);
  });
});

describe('responses', () => {
  it.each(['2.0', '3.0'] as const)('%s: reads each status (not extensions), its schema and its headers by lower-cased name', version => {
    const op = onlyOperation(
      doc(version, {
        paths: {
          '/a': {
            get: {
              responses: {
                '200': { ...response(version, { type: 'array' }), headers: { 'X-RateLimit-Limit': { description: 'limit' } } },
                default: { description: 'error' },
                'x-note': { description: 'not a response' },
              },
            },
          },
        },
      }),
    );
    expect(op.responses.map(r => r.status)).toEqual(['200', 'default']);
    const [success, error] = op.responses;
    expect(success.schemas.map(s => s.node)).toEqual([{ type: 'array' }]);
    expect([...success.headers.keys()]).toEqual(['x-ratelimit-limit']);
    expect(success.headers.get('x-ratelimit-limit')?.path).toEqual(['paths', '/a', 'get', 'responses', '200', 'headers', 'X-RateLimit-Limit']);
    expect(error.schemas).toEqual([]);
  });

  it('follows $ref responses and headers to their components', () => {
    const analysis = analyse(
      doc('3.0', {
        paths: { '/a': { get: { responses: { '429': { $ref: '#/components/responses/TooMany' }, '500': { $ref: '#/nope' } } } } },
        components: {
          responses: { TooMany: { description: 'slow down', headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } },
          headers: { RetryAfter: { schema: { type: 'integer' } } },
        },
      }),
    );
    const op = operationOf(analysis, 'get', '/a');
    // The dangling `$ref` is still an object: kept, so rules can see the status.
    expect(op.responses.map(r => [r.status, r.path.join('.')])).toEqual([
      ['429', 'components.responses.TooMany'],
      ['500', 'paths./a.get.responses.500'],
    ]);
    expect(op.responses[0].headers.get('retry-after')?.path).toEqual(['components', 'headers', 'RetryAfter']);
  });

  it('drops responses that are not objects', () => {
    const op = onlyOperation(doc('3.0', { paths: { '/a': { get: { responses: { '200': 'OK', '404': null } } } } }));
    expect(op.responses).toEqual([]);
  });
});
