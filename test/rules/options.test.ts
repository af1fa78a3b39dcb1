// Options that several rules share: `readMethods` feeds the read rule and the public hint, `writeMethods`
// the write rule. Options of one rule are checked in that rule's file.
import { describe, expect, it } from 'vitest';
import { findingsOf, VERSIONS } from '../helpers.js';
import { bearerDoc, op, OPERATION_RULES, PUBLIC, READ, WRITE } from '../fixtures/security.js';
import { createRuleset, DEFAULT_LISTS, type ApiSecurityOptions, type RuleRow } from '../../index.js';

describe.each(VERSIONS)('readMethods and writeMethods (createRuleset, %s)', version => {
  const d = () => bearerDoc(version, {
    '/items': { get: op(version), delete: op(version), options: op(version), trace: op(version) },
  });

  it('defaults judge GET and DELETE only (baseline)', async () => {
    expect(await findingsOf(OPERATION_RULES, d(), {})).toEqual([`${READ} paths./items.get`, `${WRITE} paths./items.delete`]);
  });

  it('removing a write method stops judging it; adding one (any case) starts', async () => {
    expect(await findingsOf(OPERATION_RULES, d(), { writeMethods: { remove: ['DELETE'], add: ['TRACE'] } })).toEqual([
      `${READ} paths./items.get`,
      `${WRITE} paths./items.trace`,
    ]);
  });

  it('readMethods apply to both the read rule and the public hint', async () => {
    const withPublic = bearerDoc(version, {
      '/items': { get: op(version), options: op(version, { security: [] }), head: op(version, { security: [] }) },
    });
    expect(await findingsOf(OPERATION_RULES, withPublic, { readMethods: { remove: ['get', 'head'], add: ['options'] } })).toEqual([
      `${PUBLIC} paths./items.options.security`,
    ]);
    expect(await findingsOf(OPERATION_RULES, d(), { readMethods: { add: ['options'] } })).toEqual([
      `${READ} paths./items.get`,
      `${READ} paths./items.options`,
      `${WRITE} paths./items.delete`,
    ]);
  });
});

describe('createRuleset rejects options it cannot mean, naming the key', () => {
  it.each<[string, unknown, RegExp]>([
    ['a misspelt option, with the likely one', { credentialParamNames: { add: ['sig'] } }, /unknown option "credentialParamNames" \(did you mean "credentialParameterNames"\?\)/],
    ['an unknown option far from any', { colour: { add: ['x'] } }, /unknown option "colour"\. Options: /],
    ['add given a string', { credentialParameterNames: { add: 'sig' } }, /"credentialParameterNames\.add" must be a list of strings, got string "sig"/],
    ['a list given as an array', { adminMarkers: ['staff'] }, /"adminMarkers" must be \{ add\?: string\[\], remove\?: string\[\] \}, got an array/],
    ['a key other than add or remove', { adminMarkers: { append: ['staff'] } }, /"adminMarkers\.append" is not an option/],
    ['a list holding a number', { idWords: { remove: [1] } }, /"idWords\.remove" must be a list of strings/],
    ['options that are not an object', 'strict', /options must be an object, got string "strict"/],
    ['a documentation URL that is not one', { documentationBaseUrl: 'docs/' }, /"documentationBaseUrl" must be an http\(s\) URL/],
  ])('%s', (_, options, message) => {
    expect(() => createRuleset(options as ApiSecurityOptions)).toThrow(message);
  });

  it('accepts every list option with add and remove, undefined values, and no options at all', () => {
    const all = Object.fromEntries(Object.keys(DEFAULT_LISTS).map(name => [name, { add: ['zz'], remove: [] }]));
    expect(() => createRuleset(all as ApiSecurityOptions)).not.toThrow();
    expect(() => createRuleset({ adminMarkers: undefined, idWords: { add: undefined } })).not.toThrow();
    expect(() => createRuleset()).not.toThrow();
  });

  it('documentationBaseUrl moves every documentationUrl, with or without a trailing slash', () => {
    for (const base of ['https://docs.example.com/api-security', 'https://docs.example.com/api-security/']) {
      const built = createRuleset({ documentationBaseUrl: base });
      for (const [id, row] of Object.entries(built.rules as Record<string, RuleRow>)) expect(row.documentationUrl).toBe(`https://docs.example.com/api-security/${id}.md`);
    }
  });
});
