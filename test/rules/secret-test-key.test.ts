import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { lint, testRule, VERSIONS } from '../helpers.js';
import { property, SECRET_RULES, secretFindings, TEST_KEY, thingAt, thingPath, withSchemas } from '../fixtures/secrets.js';

testRule(TEST_KEY, VERSIONS.flatMap(version => [
  {
    name: `${version}: a Stripe test-mode secret key, as a hint, at the value`,
    document: property(version, 'api_key', { example: ['sk_', 'test_', '51MzQ8bLk3R9vXw2Tn7PqYc4'].join('') }),
    errors: [
      {
        path: thingPath(version, 'api_key', 'example'),
        severity: DiagnosticSeverity.Hint,
        message: 'A Stripe test-mode secret key (sk_t…) is published in this API description: replace it with a placeholder such as "sk_test_<your key>"; a test key still reaches the account\'s test-mode data and settings, so roll it if it is a real one.',
      },
    ],
  },
  {
    name: `${version}: not Stripe's own documentation key, nor a test-key placeholder`,
    document: property(version, 'note', { enum: [['sk_', 'test_', '4eC39HqLyjWDarjtT1zdp7dc'].join(''), ['sk_', 'test_', 'your_test_key_here_12345'].join('')] }),
    errors: [],
  },
]));

describe.each(VERSIONS)('secret-test-key (%s)', version => {
  const testKey = ['sk_', 'test_', '51MzQ8bLk3R9vXw2Tn7PqYc4'].join('');
  const restrictedTestKey = ['rk_', 'test_', '51MzTn7PqYc4Hd6Fg1Jz0RwQ'].join('');

  it('flags Stripe test-mode secret and restricted keys as hints, and only as hints', async () => {
    const results = (await lint(withSchemas(version, { Thing: { type: 'object', properties: { api_key: { example: testKey }, note: { description: `Use ${restrictedTestKey}` } } } }))).filter(r =>
      SECRET_RULES.includes(String(r.code)),
    );
    expect(results.map(r => `${r.code} ${r.path.join('.')}`).sort()).toEqual([
      `${TEST_KEY} ${thingAt(version, 'api_key', 'example')}`,
      `${TEST_KEY} ${thingAt(version, 'note', 'description')}`,
    ]);
    expect(results.map(r => r.severity)).toEqual([DiagnosticSeverity.Hint, DiagnosticSeverity.Hint]);
    expect(results.map(r => r.message.split(' (')[0]).sort()).toEqual(['A Stripe test-mode restricted key', 'A Stripe test-mode secret key']);
  });

  it("does not flag Stripe's own documentation key or test-key placeholders", async () => {
    const doc = property(version, 'note', { enum: [['sk_', 'test_', '4eC39HqLyjWDarjtT1zdp7dc'].join(''), ['sk_', 'test_', 'your_test_key_here_12345'].join(''), ['sk_', 'test_', '<key>'].join('')] });
    expect(await secretFindings(doc)).toEqual([]);
  });

  it('is exempted on its own id', async () => {
    const doc = withSchemas(version, { Thing: { type: 'object', properties: { api_key: { example: testKey } } } }, { 'x-api-security-exemptions': { [TEST_KEY]: 'Stripe test key of a sandbox account, published on purpose.' } });
    expect(await secretFindings(doc)).toEqual([]);
  });
});
