import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { lint, testRule, VERSIONS, type Doc, type RuleCase, type Version } from '../helpers.js';
import { header, headersDoc, responseComponentPath, responsePath, responseRef } from '../fixtures/headers.js';
import ruleset from '../../index.js';

// Off by default (`recommended: false`): testRule turns it on, as a team would with a severity.
const CACHE = 'headers-cache-control-missing';

const missing = (path: string[], what: string) => ({ path, severity: DiagnosticSeverity.Warning, message: expect.stringContaining(`returns ${what} but declares no \`Cache-Control\` header`) });
const weak = (path: string[], what: string) => ({ path, severity: DiagnosticSeverity.Warning, message: expect.stringContaining(`returns ${what} but its \`Cache-Control\` does not say \`no-store\``) });

const op = (method: string, responses: Doc): Doc => ({ [method]: { responses } });
/** A response with a body example: 2.0 `examples` by media type, 3.x the media type's `example`. */
const withExample = (response: Doc, example: unknown): Doc => {
  if (response.schema) return { ...response, examples: { 'application/json': example } };
  const media = (response.content as Doc)['application/json'] as Doc;
  return { ...response, content: { 'application/json': { ...media, example } } };
};
const ref = (version: Version, name: string) => ({ $ref: version === '2.0' ? `#/definitions/${name}` : `#/components/schemas/${name}` });
const body = (version: Version, schema: Doc, headers: Doc = {}) => (version === '2.0' ? { description: 'OK', headers, schema } : { description: 'OK', headers, content: { 'application/json': { schema } } });

const SCHEMAS: Doc = {
  Token: { type: 'object', properties: { access_token: { type: 'string' }, expires_in: { type: 'integer' } } },
  Person: { type: 'object', properties: { name: { type: 'string' }, ssn: { type: 'string' } } },
  Safe: { type: 'object', properties: { name: { type: 'string' }, token_type: { type: 'string' }, password_set: { type: 'boolean' } } },
  Secretive: { type: 'object', properties: { password: { type: 'string', writeOnly: true }, name: { type: 'string' } } },
  Deep: { type: 'object', properties: { owner: { type: 'object', properties: { account: { type: 'object', properties: { ssn: { type: 'string' } } } } } } },
  Expandable: { type: 'object', properties: { person: { anyOf: [{ type: 'string' }, { $ref: '#/components/schemas/Person' }] } } },
};

testRule(CACHE, VERSIONS.flatMap((version): RuleCase[] => {
  const schemas = version === '2.0' ? Object.fromEntries(Object.entries(SCHEMAS).filter(([name]) => name !== 'Expandable')) : SCHEMAS;
  const noStore = { 'Cache-Control': header(version, 'example', 'no-store') };
  const embedded: Doc = {
    ...schemas,
    App: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, client_secret: { type: 'string' } } },
    IssuedApp: { type: 'object', required: ['id', 'client_secret'], properties: { id: { type: 'integer' }, client_secret: { type: 'string' } } },
    Status: { type: 'object', properties: { id: { type: 'integer' }, performed_via_app: ref(version, 'App'), creator: { allOf: [ref(version, 'App')] } } },
    Conversion: { type: 'object', properties: { id: { type: 'integer' }, app: ref(version, 'IssuedApp') } },
    Wrapper: { type: 'object', properties: { app: ref(version, 'App') } },
  };
  return [
    {
      name: `${version}: an optional credential of a shared object a record embeds is not returned; a required one, an envelope's and a record's own are`,
      document: headersDoc(version, {
        '/statuses/{id}': op('get', { '200': body(version, ref(version, 'Status')) }),
        '/conversions': op('post', { '201': body(version, ref(version, 'Conversion')) }),
        '/wrapped': op('get', { '200': body(version, ref(version, 'Wrapper')) }),
        '/apps/{id}': op('get', { '200': body(version, ref(version, 'App')) }),
      }, { schemas: embedded }),
      errors: [
        missing(responsePath('/conversions', '201', 'post'), 'a credential (property "client_secret")'),
        missing(responsePath('/wrapped'), 'a credential (property "client_secret")'),
        missing(responsePath('/apps/{id}'), 'a credential (property "client_secret")'),
      ],
    },
    {
      name: `${version}: a token response and a person's record without Cache-Control, a list envelope, a record through allOf`,
      document: headersDoc(version, {
        '/oauth/token': op('post', { '200': body(version, ref(version, 'Token')) }),
        '/people/{id}': op('get', { '200': body(version, ref(version, 'Person')), '404': { description: 'Not found' } }),
        '/people': op('get', { '200': body(version, { type: 'object', properties: { data: { type: 'array', items: ref(version, 'Person') } } }) }),
        '/me': op('get', { '200': body(version, { allOf: [ref(version, 'Safe'), ref(version, 'Person')] }) }),
      }, { schemas }),
      errors: [
        missing(responsePath('/oauth/token', '200', 'post'), 'a credential (property "access_token")'),
        missing(responsePath('/people/{id}'), 'personal data (property "ssn")'),
        missing(responsePath('/people'), 'personal data (property "ssn")'),
        missing(responsePath('/me'), 'personal data (property "ssn")'),
      ],
    },
    {
      name: `${version}: a Cache-Control without no-store; once per operation; a shared response once`,
      document: headersDoc(version, {
        '/people/{id}': op('get', {
          '200': body(version, ref(version, 'Person'), { 'cache-control': header(version, 'enum', 'private, max-age=600') }),
          '203': body(version, ref(version, 'Person')),
        }),
        '/a': op('get', { '200': { $ref: responseRef(version, 'PersonOk') } }),
        '/b': op('get', { '200': { $ref: responseRef(version, 'PersonOk') } }),
      }, { schemas, responses: { PersonOk: body(version, ref(version, 'Person')) } }),
      errors: [
        weak(responsePath('/people/{id}'), 'personal data (property "ssn")'),
        missing(responseComponentPath(version, 'PersonOk'), 'personal data (property "ssn")'),
      ],
    },
    {
      name: `${version}: not with no-store (in any case and combination, in the description), nor without sensitive data, writeOnly secrets, error responses or data deeper than two properties`,
      document: headersDoc(version, {
        '/oauth/token': op('post', { '200': body(version, ref(version, 'Token'), noStore) }),
        '/people/{id}': op('get', { '200': body(version, ref(version, 'Person'), { 'CACHE-CONTROL': header(version, 'default', 'private, no-cache, no-store') }) }),
        '/people/{id}/copy': op('get', { '200': body(version, ref(version, 'Person'), { 'Cache-Control': { ...header(version, 'enum', 'private'), description: 'Always `no-store` for records of people.' } }) }),
        '/valueless': op('get', { '200': body(version, ref(version, 'Person'), { 'Cache-Control': version === '2.0' ? { type: 'string' } : { schema: { type: 'string' } } }) }),
        '/safe': op('get', { '200': body(version, ref(version, 'Safe')) }),
        '/secretive': op('get', { '200': body(version, ref(version, 'Secretive')) }),
        '/errors': op('get', { '200': { description: 'OK' }, '400': body(version, ref(version, 'Person')) }),
        '/deep': op('get', { '200': body(version, ref(version, 'Deep')) }),
      }, { schemas }),
      errors: [],
    },
    {
      name: `${version}: a key described as returned only on creation counts in the writes that create or rotate it, not in reads (inline, $ref, allOf); PUT and DELETE are never judged`,
      document: headersDoc(version, {
        '/keys': {
          post: { responses: { '201': body(version, ref(version, 'Key')) } },
          get: { responses: { '200': body(version, { type: 'object', properties: { keys: { type: 'array', items: ref(version, 'Key') } } }) } },
        },
        '/keys/{id}': {
          get: { responses: { '200': body(version, { allOf: [ref(version, 'Key')] }) } },
          put: { responses: { '200': body(version, ref(version, 'Key')) } },
          patch: { responses: { '200': body(version, ref(version, 'Key')) } },
          delete: { responses: { '200': body(version, ref(version, 'Key')) } },
        },
        '/shown-again': op('get', { '200': body(version, ref(version, 'NeverAgain')) }),
        '/hooks/{id}': op('get', { '200': body(version, ref(version, 'Hook')) }),
        '/conditional/{id}': op('get', { '200': body(version, ref(version, 'Conditional')) }),
      }, {
        schemas: {
          Key: { type: 'object', properties: { id: { type: 'string' }, secret_key: { type: 'string', description: 'The secret key. This is only returned once upon creation; store it securely.' } } },
          NeverAgain: { type: 'object', properties: { id: { type: 'string' }, token: { allOf: [{ $ref: version === '2.0' ? '#/definitions/TokenValue' : '#/components/schemas/TokenValue' }] } } },
          TokenValue: { type: 'string', description: 'Copy it now: it cannot be retrieved again.' },
          Hook: { type: 'object', properties: { id: { type: 'string' }, secret: { type: 'string', description: 'Signs the events. Rotate it with POST /hooks/{id}/rotate.' } } },
          Conditional: { type: 'object', properties: { id: { type: 'string' }, api_token: { type: 'string', description: 'Only returned for clusters with token authentication.' } } },
        },
      }),
      errors: [
        missing(responsePath('/keys', '201', 'post'), 'a credential (property "secret_key": secret)'),
        missing(responsePath('/keys/{id}', '200', 'patch'), 'a credential (property "secret_key": secret)'),
        missing(responsePath('/hooks/{id}'), 'a credential (property "secret")'),
        missing(responsePath('/conditional/{id}'), 'a credential (property "api_token")'),
      ],
    },
    {
      name: `${version}: a value described as available only through the read of its own record counts there only (not in lists, writes or embedding objects)`,
      document: headersDoc(version, {
        '/cards': {
          get: { responses: { '200': body(version, { type: 'object', properties: { data: { type: 'array', items: ref(version, 'Card') } } }) } },
          post: { responses: { '200': body(version, ref(version, 'Card')) } },
        },
        '/cards/{card}': {
          get: { responses: { '200': body(version, { allOf: [ref(version, 'Card')] }) } },
          post: { responses: { '200': body(version, ref(version, 'Card')) } },
        },
        '/holders/{holder}': op('get', { '200': body(version, { type: 'object', properties: { id: { type: 'string' }, card: ref(version, 'Card') } }) }),
      }, {
        schemas: {
          Card: { type: 'object', properties: { id: { type: 'string' }, cvc: { type: 'string', description: 'The card\'s CVC. Additionally, it\'s only available via the ["Retrieve a card" endpoint](https://docs.example.com/cards/retrieve), not via "List all cards" or any other endpoint.' } } },
        },
      }),
      errors: [missing(responsePath('/cards/{card}'), 'a credential (property "cvc")')],
    },
    {
      name: `${version}: an optional credential of a shared schema that an allOf composition makes required is returned where the composition is, not where the schema is returned as it is`,
      document: headersDoc(version, {
        '/app-manifests/{code}/conversions': op('post', { '201': body(version, { allOf: [ref(version, 'Integration'), { type: 'object', required: ['client_secret'], properties: { client_secret: { type: 'string' } } }] }) }),
        '/apps/{slug}': op('get', { '200': body(version, ref(version, 'Integration')) }),
        '/apps': op('get', { '200': body(version, { type: 'array', items: ref(version, 'Integration') }) }),
        '/keys/{id}': op('get', { '200': body(version, ref(version, 'Key')) }),
      }, {
        schemas: {
          Integration: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, slug: { type: 'string' }, client_secret: { type: 'string' } } },
          Key: { type: 'object', properties: { id: { type: 'integer' }, client_secret: { type: 'string' } } },
        },
      }),
      errors: [
        missing(responsePath('/app-manifests/{code}/conversions', '201', 'post'), 'a credential (property "client_secret")'),
        missing(responsePath('/keys/{id}'), 'a credential (property "client_secret")'),
      ],
    },
    {
      name: `${version}: an undescribed credential the response's own example leaves out (it shows the object that declares it) is not returned; one the example shows, a described one, or one without examples is`,
      document: headersDoc(version, {
        '/hooks/{id}': op('get', { '200': withExample(body(version, ref(version, 'Hook')), { id: 1, config: { url: 'https://example.com/hook', content_type: 'json' } }) }),
        '/shown/{id}': op('get', { '200': withExample(body(version, ref(version, 'Hook')), { id: 1, config: { url: 'https://example.com/hook', password: 'hunter2' } }) }),
        '/partial/{id}': op('get', { '200': withExample(body(version, ref(version, 'Hook')), { id: 1 }) }),
        '/plain/{id}': op('get', { '200': body(version, ref(version, 'Hook')) }),
        '/described/{id}': op('get', { '200': withExample(body(version, ref(version, 'Described')), { id: 1, config: { url: 'https://example.com/hook' } }) }),
      }, {
        schemas: {
          Hook: { type: 'object', properties: { id: { type: 'integer' }, config: { type: 'object', properties: { url: { type: 'string' }, content_type: { type: 'string' }, password: { type: 'string' } } } } },
          Described: { type: 'object', properties: { id: { type: 'integer' }, config: { type: 'object', properties: { url: { type: 'string' }, password: { type: 'string', description: 'The password the API sends with each delivery (basic auth).' } } } } },
        },
      }),
      errors: [
        missing(responsePath('/shown/{id}'), 'a credential (property "password")'),
        missing(responsePath('/partial/{id}'), 'a credential (property "password")'),
        missing(responsePath('/plain/{id}'), 'a credential (property "password")'),
        missing(responsePath('/described/{id}'), 'a credential (property "password")'),
      ],
    },
    {
      name: `${version}: an exemption on the operation silences it`,
      document: headersDoc(version, {
        '/people/{id}': { get: { responses: { '200': body(version, ref(version, 'Person')) }, 'x-api-security-exemptions': { [CACHE]: 'Served only inside the clinic network, without caches.' } } },
      }, { schemas }),
      errors: [],
    },
  ];
}));

testRule(CACHE, (['3.0', '3.1'] as const).map((version): RuleCase => ({
  name: `${version}: not an object behind an id-or-object (expandable) alternative`,
  document: headersDoc(version, { '/things/{id}': op('get', { '200': body(version, { $ref: '#/components/schemas/Expandable' }) }) }, { schemas: SCHEMAS }),
  errors: [],
})));

describe(CACHE, () => {
  it('is off by default', async () => {
    const doc = headersDoc('3.1', { '/people/{id}': op('get', { '200': body('3.1', { $ref: '#/components/schemas/Person' }) }) }, { schemas: SCHEMAS });
    expect((await lint(doc, ruleset)).filter(r => r.code === CACHE)).toEqual([]);
  });
});
