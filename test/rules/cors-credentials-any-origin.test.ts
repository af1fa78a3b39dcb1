import { DiagnosticSeverity } from '@stoplight/types';
import { expect } from 'vitest';
import { testRule, VERSIONS, type Doc, type RuleCase } from '../helpers.js';
import { header, headersDoc, responseComponentPath, responsePath, responseRef, withHeaders } from '../fixtures/headers.js';

const CORS = 'cors-credentials-any-origin';
const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';

const flagged = (path: string[], value = '*') => ({
  path,
  severity: DiagnosticSeverity.Error,
  message: expect.stringContaining(`allows any origin (\`Access-Control-Allow-Origin: ${value}\`) together with \`Access-Control-Allow-Credentials: true\``),
});
const reflected = (path: string[]) => ({ path, severity: DiagnosticSeverity.Error, message: expect.stringContaining("echoes the request's Origin, whatever it is") });

const get = (responses: Doc, more: Doc = {}): Doc => ({ get: { responses, ...more } });
/** A string header without declared values. */
const plain = (version: string): Doc => (version === '2.0' ? { type: 'string' } : { schema: { type: 'string' } });

testRule(CORS, VERSIONS.flatMap((version): RuleCase[] => {
  const credentials = header(version, 'enum', true, 'boolean');
  const at = (path: string, status = '200') => [...responsePath(path, status), 'headers', ACAO];
  const keywords = version === '2.0' ? (['enum', 'default', 'x-example'] as const) : version === '3.0' ? (['enum', 'default', 'example', 'header-example', 'examples'] as const) : (['enum', 'const', 'default', 'header-example', 'examples'] as const);
  return [
    ...keywords.map(keyword => ({
      name: `${version}: \`*\` in the header's ${keyword} with credentials true, on one response`,
      document: headersDoc(version, { '/me': get({ '200': withHeaders(version, { [ACAO]: header(version, keyword, '*'), [ACAC]: credentials }) }) }),
      errors: [flagged(at('/me'))],
    })),
    {
      name: `${version}: header names in any case; \`null\` origin; credentials as the string "true" in an example`,
      document: headersDoc(version, {
        '/a': get({ '200': withHeaders(version, { 'access-control-allow-origin': header(version, 'default', '*'), 'ACCESS-CONTROL-ALLOW-CREDENTIALS': header(version, 'header-example', 'true') }) }),
        '/b': get({ '200': withHeaders(version, { [ACAO]: header(version, 'enum', 'null'), [ACAC]: credentials }) }),
      }),
      errors: [flagged([...responsePath('/a'), 'headers', 'access-control-allow-origin']), flagged(at('/b'), 'null')],
    },
    {
      name: `${version}: a shared response with both headers is reported once, where it is written`,
      document: headersDoc(
        version,
        { '/a': get({ '200': { $ref: responseRef(version, 'Cors') } }), '/b': get({ '200': { $ref: responseRef(version, 'Cors') } }) },
        { responses: { Cors: withHeaders(version, { [ACAO]: header(version, 'enum', '*'), [ACAC]: credentials }) } },
      ),
      errors: [flagged([...responseComponentPath(version, 'Cors'), 'headers', ACAO])],
    },
    {
      name: `${version}: at most once per operation, on its first such response`,
      document: headersDoc(version, {
        '/me': get({
          '200': withHeaders(version, { [ACAO]: header(version, 'enum', '*'), [ACAC]: credentials }),
          '201': withHeaders(version, { [ACAO]: header(version, 'enum', '*'), [ACAC]: credentials }),
        }),
      }),
      errors: [flagged(at('/me'))],
    },
    {
      name: `${version}: a description that echoes any Origin, with credentials`,
      document: headersDoc(version, {
        '/me': get({ '200': withHeaders(version, { [ACAO]: { ...header(version, 'x-example', 'https://app.example.com'), description: "Echoes the request's Origin header." }, [ACAC]: credentials }) }),
        '/you': get({ '200': withHeaders(version, { [ACAO]: { ...header(version, 'default', 'https://app.example.com'), description: 'Set to the origin sent by the browser in the request.' }, [ACAC]: credentials }) }),
        '/them': get({ '200': withHeaders(version, { [ACAO]: { ...header(version, 'default', 'https://app.example.com'), description: 'Returns the value of the request`s Origin header.' }, [ACAC]: credentials }) }),
      }),
      errors: [reflected(at('/me')), reflected(at('/you')), reflected(at('/them'))],
    },
    {
      name: `${version}: not a public \`*\` without credentials, credentials false or without a value, nor a listed origin with credentials`,
      document: headersDoc(version, {
        '/public': get({ '200': withHeaders(version, { [ACAO]: header(version, 'enum', '*') }) }),
        '/false': get({ '200': withHeaders(version, { [ACAO]: header(version, 'enum', '*'), [ACAC]: header(version, 'enum', false, 'boolean') }) }),
        '/valueless': get({ '200': withHeaders(version, { [ACAO]: header(version, 'default', '*'), [ACAC]: version === '2.0' ? { type: 'boolean' } : { schema: { type: 'boolean' } } }) }),
        '/listed': get({ '200': withHeaders(version, { [ACAO]: header(version, 'enum', 'https://app.example.com'), [ACAC]: credentials }) }),
        '/wildcard-subdomain': get({ '200': withHeaders(version, { [ACAO]: header(version, 'default', 'https://*.example.com'), [ACAC]: credentials }) }),
      }),
      errors: [],
    },
    {
      name: `${version}: not \`*\` on one response and credentials on another, nor an echo limited to an allow-list, nor an echo without credentials`,
      document: headersDoc(version, {
        '/split': get({
          '200': withHeaders(version, { [ACAO]: header(version, 'enum', 'https://app.example.com'), [ACAC]: credentials }),
          '404': withHeaders(version, { [ACAO]: header(version, 'enum', '*') }, undefined, 'Not found'),
        }),
        '/listed-echo': get({ '200': withHeaders(version, { [ACAO]: { ...(version === '2.0' ? { type: 'string' } : { schema: { type: 'string' } }), description: "Echoes the request's Origin when it is on the allow-list." }, [ACAC]: credentials }) }),
        '/enum-echo': get({ '200': withHeaders(version, { [ACAO]: { ...header(version, 'enum', 'https://app.example.com'), description: "Echoes the request's Origin header." }, [ACAC]: credentials }) }),
        '/open-echo': get({ '200': withHeaders(version, { [ACAO]: { ...(version === '2.0' ? { type: 'string' } : { schema: { type: 'string' } }), description: "Echoes the request's Origin." } }) }),
        '/prose': get({ '200': withHeaders(version, { [ACAO]: { ...header(version, 'enum', 'https://app.example.com'), description: 'Allow any origin? No: only https://app.example.com, mentioned here as *.' }, [ACAC]: credentials }) }),
      }),
      errors: [],
    },
    {
      name: `${version}: an echo whose allow-list words are negated or cover every origin, and more echo wordings, with credentials (shared response too)`,
      document: headersDoc(
        version,
        {
          '/all': get({ '200': withHeaders(version, { [ACAO]: { ...plain(version), description: 'Echoes back the request Origin header. All origins are allowed.' }, [ACAC]: credentials }) }),
          '/none': get({ '200': withHeaders(version, { [ACAO]: { ...plain(version), description: 'Reflects the Origin header sent by the client; no allow-list is applied.' }, [ACAC]: credentials }) }),
          '/paren': get({ '200': withHeaders(version, { [ACAO]: { ...plain(version), description: "Echoes the request's Origin header (allowed for all origins)." }, [ACAC]: credentials }) }),
          '/unchecked': get({ '200': withHeaders(version, { [ACAO]: { ...plain(version), description: 'Copies the Origin request header; origins are not checked against a list of trusted origins.' }, [ACAC]: credentials }) }),
          '/calling': get({ '200': withHeaders(version, { [ACAO]: { ...plain(version), description: 'Set to the origin of the calling page.' }, [ACAC]: credentials }) }),
          '/shared': get({ '200': { $ref: responseRef(version, 'Echo') } }),
        },
        { responses: { Echo: withHeaders(version, { [ACAO]: { ...plain(version), description: 'Whatever Origin the browser sent.' }, [ACAC]: credentials }) } },
      ),
      errors: ['/all', '/none', '/paren', '/unchecked', '/calling'].map(p => reflected(at(p))).concat([reflected([...responseComponentPath(version, 'Echo'), 'headers', ACAO])]),
    },
    {
      name: `${version}: an echo limited to listed origins in other words, even beside a negation or "any origin" elsewhere`,
      document: headersDoc(
        version,
        {
          '/listed': get({ '200': withHeaders(version, { [ACAO]: { ...plain(version), description: 'Echoes the request Origin when it is on the allow-list configured for your workspace.' }, [ACAC]: credentials }) }),
          '/otherwise': get({ '200': withHeaders(version, { [ACAO]: { ...plain(version), description: "Echoes the request's Origin if it is trusted, and no header is sent otherwise." }, [ACAC]: credentials }) }),
          '/any-listed': get({ '200': withHeaders(version, { [ACAO]: { ...plain(version), description: 'Echoes any origin on the allow-list of your OAuth app.' }, [ACAC]: credentials }) }),
          '/shared': get({ '200': { $ref: responseRef(version, 'Echo') } }),
        },
        { responses: { Echo: withHeaders(version, { [ACAO]: { ...plain(version), description: 'Set to the origin of the calling page. Origins that are not registered get no CORS headers; registered origins are echoed.' }, [ACAC]: credentials }) } },
      ),
      errors: [],
    },
    {
      name: `${version}: an exemption on the operation silences it`,
      document: headersDoc(version, {
        '/me': get({ '200': withHeaders(version, { [ACAO]: header(version, 'enum', '*'), [ACAC]: credentials }) }, { 'x-api-security-exemptions': { [CORS]: 'Preview API behind a VPN; no browser reaches it.' } }),
      }),
      errors: [],
    },
  ];
}));

testRule(CORS, (['3.0', '3.1'] as const).flatMap((version): RuleCase[] => [
  {
    name: `${version}: through components.headers, and an allOf header schema`,
    document: headersDoc(
      version,
      {
        '/ref': get({ '200': withHeaders(version, { [ACAO]: { $ref: '#/components/headers/AnyOrigin' }, [ACAC]: { $ref: '#/components/headers/Credentials' } }) }),
        '/allof': get({ '200': withHeaders(version, { [ACAO]: { schema: { allOf: [{ $ref: '#/components/schemas/Origin' }, { enum: ['*'] }] } }, [ACAC]: { $ref: '#/components/headers/Credentials' } }) }),
      },
      {
        headers: { AnyOrigin: { schema: { type: 'string', default: '*' } }, Credentials: { schema: { type: 'boolean' }, examples: { on: { $ref: '#/components/examples/On' } } } },
        schemas: { Origin: { type: 'string' } },
        examples: { On: { value: true } },
      },
      {},
    ),
    errors: [flagged(['components', 'headers', 'AnyOrigin']), flagged([...responsePath('/allof'), 'headers', ACAO])],
  },
  {
    name: `${version}: a header written with content and a media-type example; a runtime expression of the request's Origin`,
    document: headersDoc(version, {
      '/content': get({ '200': withHeaders(version, { [ACAO]: { content: { 'text/plain': { schema: { type: 'string' }, example: '*' } } }, [ACAC]: header(version, 'enum', true, 'boolean') }) }),
      '/expr': get({ '200': withHeaders(version, { [ACAO]: { schema: { type: 'string', example: '$request.header.Origin' } }, [ACAC]: header(version, 'enum', true, 'boolean') }) }),
    }),
    errors: [flagged([...responsePath('/content'), 'headers', ACAO]), reflected([...responsePath('/expr'), 'headers', ACAO])],
  },
  {
    name: `${version}: a \`*\` among the oneOf/anyOf alternatives of the header schema, through $ref and allOf`,
    document: headersDoc(
      version,
      {
        '/oneof': get({ '200': withHeaders(version, { [ACAO]: { schema: { oneOf: [{ type: 'string', const: '*' }, { type: 'string', format: 'uri' }] } }, [ACAC]: header(version, 'enum', true, 'boolean') }) }),
        '/anyof': get({ '200': withHeaders(version, { [ACAO]: { schema: { allOf: [{ $ref: '#/components/schemas/Origin' }] } }, [ACAC]: header(version, 'enum', true, 'boolean') }) }),
      },
      { schemas: { Origin: { anyOf: [{ $ref: '#/components/schemas/Any' }, { type: 'string', format: 'uri' }] }, Any: { type: 'string', enum: ['*'] } } },
    ),
    errors: [flagged([...responsePath('/oneof'), 'headers', ACAO]), flagged([...responsePath('/anyof'), 'headers', ACAO])],
  },
  {
    name: `${version}: oneOf alternatives that all list origins limit an echo; without credentials a \`*\` alternative is public`,
    document: headersDoc(version, {
      '/listed': get({ '200': withHeaders(version, { [ACAO]: { description: "Echoes the request's Origin header.", schema: { oneOf: [{ const: 'https://app.example.com' }, { enum: ['https://admin.example.com'] }] } }, [ACAC]: header(version, 'enum', true, 'boolean') }) }),
      '/public': get({ '200': withHeaders(version, { [ACAO]: { schema: { oneOf: [{ type: 'string', const: '*' }, { type: 'string', format: 'uri' }] } } }) }),
    }),
    errors: [],
  },
]));
