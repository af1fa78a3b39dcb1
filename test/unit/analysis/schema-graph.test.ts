import { describe, expect, it } from 'vitest';
import { analyse, EXEMPTIONS_KEY, schemaGraph, type JsonPath, type PropertyUse, type SchemaGraph, type UseContext } from '../../../functions/analysis/index.js';
import { doc, json, type Doc } from './fixtures.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const declared = (schema: string, property: string): JsonPath => ['components', 'schemas', schema, 'properties', property];

/** A context as one short word list: direction, method, and `token`/`error` when set. */
function label(context: UseContext): string {
  return [context.direction, context.method, context.tokenEndpoint ? 'token' : '', context.errorResponse ? 'error' : ''].filter(Boolean).join(' ');
}

function contexts(graph: SchemaGraph, path: JsonPath): string[] {
  const use = graph.propertyAt(path);
  if (!use) throw new Error(`no property at ${path.join('.')}`);
  return [...use.contexts].map(label).sort();
}

function graphOf(extra: Doc): SchemaGraph {
  return schemaGraph(analyse(doc('3.1', extra)));
}

const schemas = {
  User: {
    type: 'object',
    properties: {
      id: { type: 'string', readOnly: true },
      password: { type: 'string', writeOnly: true },
      name: { type: 'string' },
      best: { $ref: '#/components/schemas/User' },
    },
  },
  Admin: { allOf: [ref('User'), { properties: { role: { type: 'string' } } }] },
  Error: { type: 'object', properties: { message: { type: 'string' } } },
};

const users = graphOf({
  paths: {
    '/users': {
      post: {
        requestBody: { content: json(ref('User')) },
        responses: { '201': { description: 'Created', content: json(ref('User')) }, '400': { description: 'Bad', content: json(ref('Error')) } },
      },
    },
    '/admins': { get: { responses: { '200': { description: 'OK', content: json({ type: 'array', items: ref('Admin') }) } } } },
  },
  components: { schemas },
});

describe('schemaGraph: directions and contexts', () => {
  it('walks a readOnly property in responses only and a writeOnly one in requests only', () => {
    expect(contexts(users, declared('User', 'id'))).toEqual(['response get', 'response post']);
    expect(contexts(users, declared('User', 'password'))).toEqual(['request post']);
    expect(contexts(users, declared('User', 'name'))).toEqual(['request post', 'response get', 'response post']);
  });

  it('marks 4xx, 5xx and default responses as error responses', () => {
    expect(contexts(users, declared('Error', 'message'))).toEqual(['response post error']);
  });

  it('declares each property once, however many schemas compose it', () => {
    const names = users.properties.map(p => p.path.join('.'));
    expect(names.filter(n => n.endsWith('.name'))).toEqual(['components.schemas.User.properties.name']);
    expect(users.propertyAt(['components', 'schemas', 'Admin', 'allOf', 1, 'properties', 'role'])?.name).toBe('role');
  });

  it('terminates on a schema that contains itself, and walks the cycle in every context', () => {
    const best = users.propertyAt(declared('User', 'best'));
    expect(best?.value.path).toEqual(['components', 'schemas', 'User']);
    expect(contexts(users, declared('User', 'best'))).toEqual(['request post', 'response get', 'response post']);
  });

  it('propertyAt is undefined for a property the graph never reached', () => {
    expect(users.propertyAt(declared('User', 'missing'))).toBeUndefined();
    expect(users.propertyAt(['components', 'schemas', 'User'])).toBeUndefined();
  });

  it('shares one context per class of operations, not one per operation', () => {
    const graph = graphOf({
      paths: {
        '/a': { post: { requestBody: { content: json({ properties: { x: { type: 'string' } } }) }, responses: {} } },
        '/b': { post: { requestBody: { content: json({ properties: { y: { type: 'string' } } }) }, responses: {} } },
      },
    });
    const [x, y] = graph.properties;
    expect([...x.contexts][0]).toBe([...y.contexts][0]);
  });

  it('walks parameter schemas as requests', () => {
    const graph = graphOf({
      paths: { '/a': { get: { parameters: [{ name: 'filter', in: 'query', schema: { type: 'object', properties: { owner: { type: 'string' } } } }], responses: {} } } },
    });
    expect(contexts(graph, ['paths', '/a', 'get', 'parameters', 0, 'schema', 'properties', 'owner'])).toEqual(['request get']);
  });

  it('walks items, additionalProperties and alternatives below a property', () => {
    const graph = graphOf({
      paths: { '/a': { get: { responses: { '200': { description: 'OK', content: json(ref('Page')) } } } } },
      components: {
        schemas: {
          Page: { properties: { data: { type: 'array', items: { oneOf: [{ properties: { token: { type: 'string' } } }] } }, meta: { additionalProperties: { properties: { secret: {} } } } } },
        },
      },
    });
    expect(contexts(graph, ['components', 'schemas', 'Page', 'properties', 'data', 'items', 'oneOf', 0, 'properties', 'token'])).toEqual(['response get']);
    expect(contexts(graph, ['components', 'schemas', 'Page', 'properties', 'meta', 'additionalProperties', 'properties', 'secret'])).toEqual(['response get']);
  });
});

describe('schemaGraph: readOnly and writeOnly wherever they are written', () => {
  const graph = graphOf({
    paths: { '/a': { post: { requestBody: { content: json(ref('Thing')) }, responses: { '200': { description: 'OK', content: json(ref('Thing')) } } } } },
    components: {
      schemas: {
        Id: { type: 'string', readOnly: true },
        Secret: { allOf: [{ writeOnly: true }] },
        Thing: { properties: { beside: { $ref: '#/components/schemas/Plain', readOnly: true }, referenced: ref('Id'), member: ref('Secret'), plain: ref('Plain') } },
        Plain: { type: 'string' },
      },
    },
  });

  it.each<[string, boolean, boolean, string[]]>([
    ['beside', true, false, ['response post']],
    ['referenced', true, false, ['response post']],
    ['member', false, true, ['request post']],
    ['plain', false, false, ['request post', 'response post']],
  ])('%s: readOnly %s, writeOnly %s', (name, readOnly, writeOnly, expected) => {
    const use = graph.propertyAt(declared('Thing', name)) as PropertyUse;
    expect([use.readOnly, use.writeOnly]).toEqual([readOnly, writeOnly]);
    expect(contexts(graph, declared('Thing', name))).toEqual(expected);
  });

  // JSON Schema collects `readOnly` from every `allOf` member: a schema that composes `Base` and
  // marks its `id` readOnly in another member (`allOf: [Base, {properties: {id: {readOnly: true}}}]`)
  // makes `id` read-only in that body, so `Base.properties.id` is not walked in the request.
  it('a readOnly written on the same property in a sibling allOf member keeps the base declaration out of requests', () => {
    const composed = graphOf({
      paths: { '/things': { post: { requestBody: { content: json(ref('CreateThing')) }, responses: {} } } },
      components: {
        schemas: {
          Base: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
          CreateThing: { allOf: [ref('Base'), { properties: { id: { readOnly: true } } }] },
        },
      },
    });
    expect(contexts(composed, declared('Base', 'name'))).toEqual(['request post']);
    expect(contexts(composed, declared('Base', 'id'))).toEqual([]);
  });
});

describe('schemaGraph: token endpoints, webhooks, exemptions', () => {
  const tokenBody = (pathKey: string) => ({ [pathKey]: { post: { responses: { '200': { description: 'OK', content: json({ properties: { access_token: { type: 'string' } } }) } } } } });
  const tokenPath = (pathKey: string): JsonPath => ['paths', pathKey, 'post', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'access_token'];

  it.each([
    ['/token', true],
    ['/oauth/token/', true],
    ['/{tenant}/token', true],
    // The description's own token URL, whose path may start with the server's base path.
    ['/oauth/access', true],
    ['/tokens', false],
    ['/token-info', false],
    // Only a whole tail of the token URL's path counts.
    ['/other/access', false],
    ['/oauth/accesses', false],
  ])('a response of POST %s is a token endpoint: %s', (pathKey, token) => {
    const graph = graphOf({
      paths: tokenBody(pathKey),
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/api/oauth/access', scopes: {} } } } } },
    });
    expect(contexts(graph, tokenPath(pathKey))).toEqual([token ? 'response post token' : 'response post']);
  });

  it('judges a 3.1 webhook’s request as a response (the API sends it), and skips what the receiver answers', () => {
    const graph = graphOf({
      webhooks: {
        ping: {
          post: {
            requestBody: { content: json({ properties: { sent: { type: 'string' } } }) },
            responses: { '200': { description: 'OK', content: json({ properties: { answered: { type: 'string' } } }) } },
          },
        },
      },
    });
    expect(contexts(graph, ['webhooks', 'ping', 'post', 'requestBody', 'content', 'application/json', 'schema', 'properties', 'sent'])).toEqual(['response post']);
    expect(graph.properties.map(p => p.name)).toEqual(['sent']);
  });

  it('keeps the operation on the context when it or its path item has exemptions, so rules can honour them', () => {
    const body = (name: string) => ({ content: json({ properties: { [name]: { type: 'string' } } }) });
    const graph = graphOf({
      paths: {
        '/exempt': { post: { [EXEMPTIONS_KEY]: { 'some-rule': 'Reason.' }, requestBody: body('a'), responses: {} } },
        '/item': { [EXEMPTIONS_KEY]: { 'some-rule': 'Reason.' }, post: { requestBody: body('b'), responses: {} } },
        '/plain': { post: { requestBody: body('c'), responses: {} } },
      },
    });
    const operationOf = (name: string) => [...(graph.properties.find(p => p.name === name)?.contexts ?? [])].map(c => c.operation?.pathKey);
    expect(operationOf('a')).toEqual(['/exempt']);
    expect(operationOf('b')).toEqual(['/item']);
    expect(operationOf('c')).toEqual([undefined]);
  });

  it('is built once per analysis', () => {
    const analysis = analyse(doc('3.1', { paths: {} }));
    expect(schemaGraph(analysis)).toBe(schemaGraph(analysis));
  });
});
