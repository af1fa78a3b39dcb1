import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, lint, testRule, VERSIONS, type Doc, type RuleCase } from '../helpers.js';
import { header, headersDoc, responseRef, withHeaders } from '../fixtures/headers.js';
import ruleset from '../../index.js';

// Off by default (`recommended: false`): testRule turns it on, as a team would with a severity.
const HSTS = 'headers-hsts-missing';

const get = (responses: Doc): Doc => ({ get: { responses } });
const rateLimited = (version: '2.0' | '3.0' | '3.1') => withHeaders(version, { RateLimit: header(version, 'example', 'limit=100') });

testRule(HSTS, VERSIONS.flatMap((version): RuleCase[] => {
  const where = version === '2.0' ? ['schemes'] : ['servers'];
  const hsts = header(version, 'example', 'max-age=31536000; includeSubDomains');
  return [
    {
      name: `${version}: served over https, responses declare headers, none of them HSTS: once, on the servers`,
      document: headersDoc(version, { '/a': get({ '200': rateLimited(version) }), '/b': get({ '200': rateLimited(version) }) }),
      errors: [{ path: where, severity: DiagnosticSeverity.Warning, message: expect.stringContaining('none declares `Strict-Transport-Security`') }],
    },
    {
      name: `${version}: HSTS on one response (any case, through a shared response) is enough`,
      document: headersDoc(
        version,
        { '/a': get({ '200': rateLimited(version) }), '/b': get({ '200': { $ref: responseRef(version, 'Ok') } }) },
        { responses: { Ok: withHeaders(version, { 'strict-transport-security': hsts }) } },
      ),
      errors: [],
    },
    {
      name: `${version}: not a description that declares no response header, nor one served over http only`,
      document: headersDoc(version, { '/a': get({ '200': { description: 'OK' } }) }),
      errors: [],
    },
    {
      name: `${version}: not an API without https servers`,
      document: base(version, { ...(version === '2.0' ? { schemes: ['http'], host: 'localhost' } : { servers: [{ url: 'http://localhost:8080' }] }), paths: { '/a': get({ '200': rateLimited(version) }) } }),
      errors: [],
    },
    {
      name: `${version}: a root exemption silences it`,
      document: headersDoc(version, { '/a': get({ '200': rateLimited(version) }) }, {}, { 'x-api-security-exemptions': { [HSTS]: 'The gateway adds HSTS on every response; documented in the platform guide.' } }),
      errors: [],
    },
  ];
}));

testRule(HSTS, (['3.0', '3.1'] as const).map((version): RuleCase => ({
  name: `${version}: HSTS declared among components.headers counts`,
  document: headersDoc(version, { '/a': get({ '200': rateLimited(version) }) }, { headers: { 'Strict-Transport-Security': { schema: { type: 'string' } } } }),
  errors: [],
})));

describe(HSTS, () => {
  it('is off by default', async () => {
    const results = await lint(headersDoc('3.1', { '/a': get({ '200': rateLimited('3.1') }) }), ruleset);
    expect(results.filter(r => r.code === HSTS)).toEqual([]);
  });
});
