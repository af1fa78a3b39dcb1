// Options that several rules share: `readMethods` feeds the read rule and the public hint, `writeMethods`
// the write rule. Options of one rule are checked in that rule's file.
import { describe, expect, it } from 'vitest';
import { findingsOf, VERSIONS } from '../helpers.js';
import { bearerDoc, op, OPERATION_RULES, PUBLIC, READ, WRITE } from '../fixtures/security.js';

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
