import { describe, expect, it } from 'vitest';
import { lint, response, VERSIONS, type Doc } from '../helpers.js';
import { accepts, api, object, returns } from './data-fixtures.js';

const RULES = [
  'data-credential-in-response',
  'data-personal-data-in-response',
  'data-personal-data-in-url',
  'mass-assignment-privileged-property',
  'mass-assignment-open-schema',
  'data-error-details-leaked',
];

/** Findings of this family only (the suite runs strict: a function that throws fails the lint). */
async function ours(doc: Doc | string): Promise<string[]> {
  return (await lint(doc)).filter(r => RULES.includes(String(r.code))).map(r => `${r.code} ${r.path.join('.')}`).sort();
}

describe.each(VERSIONS)('data exposure and mass assignment rules on malformed documents (%s)', version => {
  it('do not throw on values of the wrong type anywhere', async () => {
    const weird: Doc = {
      properties: [],
      allOf: 'x',
      oneOf: [null, 3, 'y'],
      anyOf: {},
      items: 42,
      additionalProperties: 'no',
      example: { stack: null, nested: [[[['Traceback (most recent call last)']]]] },
      examples: 'not a list',
      type: 7,
      format: 12,
      enum: 'x',
    };
    const doc = api(version, {
      '/a': { get: returns(version, weird), post: accepts(version, weird, weird), parameters: 'nope' },
      '/b': { put: { requestBody: { content: [] }, parameters: [null, 1, { name: 5, in: 'query' }, { name: 'email', in: 7 }], responses: { '500': { content: { 'application/json': null } }, default: 'x' } } },
      '/c': 'not a path item',
      '/d': { patch: accepts(version, object({ role: null as unknown as Doc, password: 'x' as unknown as Doc, id: [] as unknown as Doc })) },
    }, { schemas: { Bad: 'x' as unknown as Doc } });
    await expect(ours(doc)).resolves.toEqual(expect.any(Array));
  });

  it('terminate on self-referencing and mutually recursive schemas, reporting each declaration once', async () => {
    const ref = (name: string) => ({ $ref: version === '2.0' ? `#/definitions/${name}` : `#/components/schemas/${name}` });
    const doc = api(
      version,
      { '/a': { get: returns(version, ref('A')), post: accepts(version, ref('A'), ref('B')) } },
      { schemas: { A: { allOf: [ref('B'), object({ a: ref('A'), secret: { type: 'string' } })] }, B: { allOf: [ref('A')], properties: { b: ref('B'), role: { type: 'string' } } } } },
    );
    const where = version === '2.0' ? 'definitions' : 'components.schemas';
    expect(await ours(doc)).toEqual([
      `data-credential-in-response ${where}.A.allOf.1.properties.secret`,
      `mass-assignment-open-schema ${where}.A`,
      `mass-assignment-privileged-property ${where}.B.properties.role`,
    ]);
  });

  it('handle deep nesting and wide schemas', async () => {
    let deep: Doc = object({ password: { type: 'string' } });
    for (let i = 0; i < 150; i++) deep = object({ [`level${i}`]: deep });
    const wide: Doc = {};
    for (let i = 0; i < 3000; i++) wide[`field${i}`] = { type: 'string' };
    const doc = api(version, { '/deep': { get: returns(version, deep) }, '/wide': { get: returns(version, object(wide)) } });
    const start = Date.now();
    const results = await ours(doc);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatch(/^data-credential-in-response paths\.\/deep\.get\.responses\.200\..*\.properties\.password$/);
    expect(Date.now() - start).toBeLessThan(20_000);
  });

  it('ignore documents without operations', async () => {
    expect(await ours({ ...api(version, {}), paths: { '/x': { get: { responses: { '200': response(version) } } } } })).toEqual([]);
  });
});
