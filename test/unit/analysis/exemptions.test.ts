import { describe, expect, it } from 'vitest';
import { analyse, collectExemptions, EXEMPTIONS_KEY, exemptionReason, isExempt, readExemptions } from '../../../functions/analysis/index.js';
import { doc, operationOf } from './fixtures.js';

const RULE = 'auth-read-operation-unprotected';

describe('readExemptions', () => {
  it('reads a map of rule ids to trimmed reasons', () => {
    const scope = readExemptions({ [EXEMPTIONS_KEY]: { [RULE]: '  Health probe for the load balancer.  ', other: 'Accepted.' } }, ['paths', '/health']);
    expect([...scope.rules]).toEqual([
      [RULE, 'Health probe for the load balancer.'],
      ['other', 'Accepted.'],
    ]);
    expect(scope.problems).toEqual([]);
  });

  it('reports each entry without a non-empty string reason, with its rule, and exempts nothing for it', () => {
    const scope = readExemptions({ [EXEMPTIONS_KEY]: { empty: '', blank: '   ', number: 5, none: null, kept: 'Reason.' } }, ['p']);
    expect([...scope.rules.keys()]).toEqual(['kept']);
    expect(scope.problems).toEqual([
      { path: ['p', EXEMPTIONS_KEY, 'empty'], rule: 'empty' },
      { path: ['p', EXEMPTIONS_KEY, 'blank'], rule: 'blank' },
      { path: ['p', EXEMPTIONS_KEY, 'number'], rule: 'number' },
      { path: ['p', EXEMPTIONS_KEY, 'none'], rule: 'none' },
    ]);
  });

  it.each([['a reason for everything'], [[RULE]], [null], [true]])('a value that is not a map (%j) is one problem without a rule', value => {
    const scope = readExemptions({ [EXEMPTIONS_KEY]: value }, ['root']);
    expect(scope.rules.size).toBe(0);
    expect(scope.problems).toEqual([{ path: ['root', EXEMPTIONS_KEY] }]);
  });

  it('an empty map, a missing key or an owner that is not an object exempts nothing and reports nothing', () => {
    for (const owner of [{ [EXEMPTIONS_KEY]: {} }, {}, { 'x-api-security-exemption': { [RULE]: 'typo in the key' } }, 'text', null]) {
      const scope = readExemptions(owner, []);
      expect(scope.rules.size).toBe(0);
      expect(scope.problems).toEqual([]);
    }
  });
});

describe('collectExemptions', () => {
  it('reads the root and each holder once, keyed by the holder object', () => {
    const holder = { [EXEMPTIONS_KEY]: { [RULE]: 'Reason.' } };
    const root = { [EXEMPTIONS_KEY]: { other: 'Root reason.' } };
    const exemptions = collectExemptions(root, [
      { node: holder, path: ['paths', '/a'] },
      { node: holder, path: ['paths', '/b'] },
    ]);
    expect(exemptions.root.rules.get('other')).toBe('Root reason.');
    expect(exemptions.byNode.get(holder)?.rules.get(RULE)).toBe('Reason.');
    // Registered once: its problems are not reported twice.
    expect(exemptions.all).toHaveLength(2);
  });
});

describe('exemptionReason, isExempt', () => {
  /** One operation under a path item, with exemptions wherever they are given. */
  function analysed(where: { root?: string; item?: string; operation?: string }) {
    const exempt = (reason?: string) => (reason ? { [EXEMPTIONS_KEY]: { [RULE]: reason } } : {});
    const schema = { type: 'object', ...exempt('Schema reason.') };
    const document = doc('3.0', {
      ...exempt(where.root),
      paths: {
        '/health': {
          ...exempt(where.item),
          get: { ...exempt(where.operation), responses: { '200': { description: 'OK', content: { 'application/json': { schema } } } } },
          post: { responses: { '200': { description: 'OK' } } },
        },
        '/other': { get: { responses: { '200': { description: 'OK' } } } },
      },
    });
    const analysis = analyse(document);
    return { analysis, get: operationOf(analysis, 'get', '/health'), post: operationOf(analysis, 'post', '/health'), other: operationOf(analysis, 'get', '/other'), schema };
  }

  it('the nearest scope wins: node, then operation, then path item, then root', () => {
    const { analysis, get, post, other, schema } = analysed({ root: 'Root.', item: 'Item.', operation: 'Operation.' });
    expect(exemptionReason(analysis, RULE, get, schema)).toBe('Schema reason.');
    expect(exemptionReason(analysis, RULE, get)).toBe('Operation.');
    expect(exemptionReason(analysis, RULE, post)).toBe('Item.');
    expect(exemptionReason(analysis, RULE, other)).toBe('Root.');
    expect(exemptionReason(analysis, RULE)).toBe('Root.');
  });

  it('an exemption applies to its own rule only, and only where it is written', () => {
    const { analysis, get, post, other } = analysed({ operation: 'Operation.' });
    expect(isExempt(analysis, RULE, get)).toBe(true);
    expect(isExempt(analysis, 'another-rule', get)).toBe(false);
    expect(isExempt(analysis, RULE, post)).toBe(false);
    expect(isExempt(analysis, RULE, other)).toBe(false);
    expect(isExempt(analysis, RULE)).toBe(false);
  });

  it('a node the analysis did not register is read on demand, and a node without exemptions falls back to the operation', () => {
    const { analysis, get } = analysed({ operation: 'Operation.' });
    expect(exemptionReason(analysis, RULE, undefined, { [EXEMPTIONS_KEY]: { [RULE]: 'Ad hoc.' } })).toBe('Ad hoc.');
    expect(exemptionReason(analysis, RULE, get, { type: 'string' })).toBe('Operation.');
    expect(exemptionReason(analysis, RULE, undefined, { [EXEMPTIONS_KEY]: 'not a map' })).toBeUndefined();
  });

  it('registers security schemes and path items without operations, with their problems', () => {
    const scheme = { type: 'http', scheme: 'basic', [EXEMPTIONS_KEY]: { 'auth-scheme-weak': 'Legacy partners.' } };
    const emptyItem = { [EXEMPTIONS_KEY]: { [RULE]: '' } };
    const analysis = analyse(doc('3.0', { paths: { '/empty': emptyItem }, components: { securitySchemes: { basic: scheme } } }));
    expect(isExempt(analysis, 'auth-scheme-weak', undefined, scheme)).toBe(true);
    expect(analysis.exemptions.byNode.get(emptyItem)?.problems).toEqual([{ path: ['paths', '/empty', EXEMPTIONS_KEY, RULE], rule: RULE }]);
  });
});
