// Which inline parameters are copies of one definition: name, location and schema compared
// structurally, prose left out; components, path-item parameters shared by their operations and
// YAML aliases are one definition, not copies.
import { describe, expect, it } from 'vitest';
import { analyse, inlineCopyAt, inlineParameterCopies, parameterKey } from '../../../functions/analysis/index.js';
import { doc } from './fixtures.js';

const dryRun = (extra: Record<string, unknown> = {}) => ({ name: 'dryRun', in: 'query', schema: { type: 'string' }, ...extra });
const op = (parameters: unknown[]) => ({ parameters, responses: { '200': { description: 'OK' } } });

describe('parameterKey', () => {
  it('is equal for definitions that differ only in key order, prose, examples or `required`', () => {
    const a = parameterKey(dryRun({ description: 'one', example: 'All', required: false, schema: { type: 'string', description: 'x', example: 'All' } }));
    const b = parameterKey({ schema: { example: 'None', type: 'string' }, in: 'query', required: true, name: 'dryRun', description: 'two', deprecated: true });
    expect(a).toBeDefined();
    expect(a).toBe(b);
  });

  it.each([
    ['another name', dryRun(), dryRun({ name: 'dry_run' })],
    ['another location', dryRun(), dryRun({ in: 'header' })],
    ['another schema', dryRun(), dryRun({ schema: { type: 'string', maxLength: 3 } })],
    ['a schema keyword that is not prose', dryRun(), dryRun({ schema: { type: 'string', pattern: '^All$' } })],
    ['an extension', dryRun(), dryRun({ 'x-max-size': 10 })],
    ['a `required` list inside the schema (a constraint there, not prose)', dryRun({ schema: { type: 'object' } }), dryRun({ schema: { type: 'object', required: ['a'] } })],
  ])('differs for %s', (_, one, other) => {
    expect(parameterKey(other)).not.toBe(parameterKey(one));
  });

  it('gives up on cyclic, very deep or very large definitions rather than compare them', () => {
    const cyclic: Record<string, unknown> = { name: 'a', in: 'query' };
    cyclic.schema = cyclic;
    expect(parameterKey(cyclic)).toBeUndefined();
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 100; i++) deep = { items: deep };
    expect(parameterKey({ name: 'a', in: 'query', schema: deep })).toBeUndefined();
    expect(parameterKey({ name: 'a', in: 'query', schema: { enum: Array.from({ length: 10_000 }, (_, i) => `value-${i}`) } })).toBeUndefined();
  });
});

describe('inlineParameterCopies', () => {
  it('groups inline copies across operations and path items, in document order', () => {
    const analysis = analyse(doc('3.1', { paths: { '/a': { post: op([dryRun()]) }, '/b': { parameters: [dryRun()], put: op([]), post: op([]) }, '/c': { get: op([dryRun({ in: 'header' })]) } } }));
    const copies = inlineParameterCopies(analysis);
    expect([...copies.values()].map(c => [c.path.join('.'), c.order, c.pathLevel])).toEqual([
      ['paths./a.post.parameters.0', 0, false],
      ['paths./b.parameters.0', 1, true],
    ]);
    const group = new Set([...copies.values()].map(c => c.group));
    expect(group.size).toBe(1);
  });

  it('leaves out components reached through $ref and parameters without a copy', () => {
    const analysis = analyse(doc('3.1', {
      paths: { '/a': { post: op([{ $ref: '#/components/parameters/DryRun' }]) }, '/b': { post: op([{ $ref: '#/components/parameters/DryRun' }, dryRun({ name: 'pretty' })]) } },
      components: { parameters: { DryRun: dryRun() } },
    }));
    expect(inlineParameterCopies(analysis).size).toBe(0);
  });

  it('never throws on odd parameter lists', () => {
    const analysis = analyse(doc('2.0', { paths: { '/a': { get: { parameters: [null, 7, 'x', { name: 3 }, { name: 'q', in: 'query' }] } }, '/b': { get: { parameters: { q: 1 } } } } }));
    expect(inlineParameterCopies(analysis).size).toBe(0);
  });
});

describe('inlineCopyAt', () => {
  const analysis = analyse(doc('3.1', { paths: { '/a': { post: op([dryRun()]) }, '/b': { parameters: [dryRun()], post: op([]) } } }));

  it('finds the copy a path lies in: the parameter, its schema, anything below', () => {
    expect(inlineCopyAt(analysis, ['paths', '/a', 'post', 'parameters', 0])?.order).toBe(0);
    expect(inlineCopyAt(analysis, ['paths', '/a', 'post', 'parameters', '0', 'schema'])?.order).toBe(0);
    expect(inlineCopyAt(analysis, ['paths', '/b', 'parameters', '0', 'schema', 'items'])?.order).toBe(1);
  });

  it.each([
    [['paths', '/a', 'post']],
    [['paths', '/a', 'post', 'responses', '200']],
    [['components', 'parameters', 'x', 'schema']],
    [['paths', '/a', 'post', 'parameters', '1']],
    [[]],
  ])('finds none at %j', path => {
    expect(inlineCopyAt(analysis, path)).toBeUndefined();
  });
});
