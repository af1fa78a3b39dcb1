import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, messagesOf, schemes, testRule, VERSIONS, type Doc } from '../helpers.js';
import { oauth2, schemeAt, schemeFindings, schemePath, TOKEN, withSchemes } from '../fixtures/schemes.js';

const APIKEY = 'auth-apikey-in-url';

testRule(APIKEY, VERSIONS.flatMap(version => [
  {
    name: `${version}: an API key sent in the query, at \`in\``,
    document: withSchemes(version, { K: { type: 'apiKey', in: 'query', name: 'api_key' } }),
    errors: [
      {
        path: schemePath(version, 'K', 'in'),
        severity: DiagnosticSeverity.Error,
        message: 'API key "K" is sent in the query, where proxies, logs and browser history keep it: send it in a header (`in: header`) instead.',
      },
    ],
  },
  {
    name: `${version}: not an API key sent in a header, even one named "query"`,
    document: withSchemes(version, { K: { type: 'apiKey', in: 'header', name: 'query' } }),
    errors: [],
  },
]));

describe.each(VERSIONS)('auth-apikey-in-url (%s)', version => {
  it.each(['query', 'Query'])('flags an API key sent in the %s, at `in`', async location => {
    expect(await schemeFindings(withSchemes(version, { K: { type: 'apiKey', in: location, name: 'api_key' } }))).toEqual([`auth-apikey-in-url ${schemeAt(version, 'K', 'in')}`]);
  });

  it('does not flag an API key sent in a header, even one named "query"', async () => {
    expect(await schemeFindings(withSchemes(version, { K: { type: 'apiKey', in: 'header', name: 'X-API-Key' }, Q: { type: 'apiKey', in: 'header', name: 'query' } }))).toEqual([]);
  });

  it('does not flag `in: query` on a scheme that is not an API key', async () => {
    const defs: Doc = version === '2.0'
      ? { B: { type: 'basic', in: 'query' }, O: { ...oauth2(version, 'application', { tokenUrl: TOKEN }), in: 'query' } }
      : { B: { type: 'http', scheme: 'bearer', in: 'query' }, O: { ...oauth2(version, 'clientCredentials', { tokenUrl: TOKEN }), in: 'query' } };
    const expected = version === '2.0' ? [`auth-scheme-weak ${schemeAt(version, 'B', 'type')}`] : [];
    expect(await schemeFindings(withSchemes(version, defs))).toEqual(expected);
  });

  it('reports once however many operations use the scheme, and names the key and location', async () => {
    const op = (): Doc => ({ security: [{ K: [] }], responses: { '200': { description: 'OK' } } });
    const doc = base(version, {
      ...schemes(version, { K: { type: 'apiKey', in: 'query', name: 'api_key' } }),
      paths: { '/a': { get: op(), post: op() }, '/b': { get: op() } },
    });
    expect(await schemeFindings(doc)).toEqual([`auth-apikey-in-url ${schemeAt(version, 'K', 'in')}`]);
    const [message] = await messagesOf('auth-apikey-in-url', doc);
    expect(message).toMatch(/^API key "K" is sent in the query/);
    expect(message).not.toMatch(/undefined|null/);
  });

  it('is silenced by a root exemption', async () => {
    expect(await schemeFindings(withSchemes(version, { K: { type: 'apiKey', in: 'query', name: 'api_key' } }, { 'x-api-security-exemptions': { 'auth-apikey-in-url': 'Webhook verification token required by the vendor' } }))).toEqual([]);
  });

  if (version !== '2.0') {
    it('does not flag an API key sent in a cookie', async () => {
      expect(await schemeFindings(withSchemes(version, { C: { type: 'apiKey', in: 'cookie', name: 'session' } }))).toEqual([]);
    });

    it('reports a $ref-defined API key once, on the definition', async () => {
      expect(await schemeFindings(withSchemes(version, {
        Ref: { $ref: '#/components/securitySchemes/Key' },
        Key: { type: 'apiKey', in: 'query', name: 'key' },
      }))).toEqual([`auth-apikey-in-url ${schemeAt(version, 'Key', 'in')}`]);
      expect(await schemeFindings(withSchemes(version, { Ref: { $ref: '#/x-shared/key' } }, { 'x-shared': { key: { type: 'apiKey', in: 'query', name: 'key' } } })))
        .toEqual(['auth-apikey-in-url x-shared.key.in']);
    });
  }
});
