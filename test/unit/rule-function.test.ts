import { Document, Spectral } from '@stoplight/spectral-core';
import { Yaml } from '@stoplight/spectral-parsers';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import ruleset from '../../index.js';
import { guessableObjectId } from '../../functions/index.js';
import { analysisFunction, objectOptions } from '../../functions/core/rule-function.js';

// A shared integer id parameter used by three path items: `auth-object-id-guessable` is given
// `$.paths[*]`, so its function meets the component three times in one run.
const doc = {
  openapi: '3.1.0',
  info: { title: 'T', version: '1' },
  security: [{ bearer: [] }],
  paths: Object.fromEntries(['/a/{id}', '/b/{id}', '/c/{id}'].map(key => [key, { get: { parameters: [{ $ref: '#/components/parameters/Id' }], responses: { '200': { description: 'OK' } } } }])),
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'integer' } } },
  },
};

/** Calls the function the way Spectral does, once per path item, with one inventory per run. */
function runOnce(data: typeof doc, inventory: object) {
  const document = { data, source: 'openapi.yaml' };
  const fn = guessableObjectId as unknown as (target: unknown, options: unknown, context: unknown) => Array<{ path: unknown[] }>;
  return Object.keys(data.paths).flatMap(key =>
    fn(data.paths[key as keyof typeof data.paths], { idWords: ['id'] }, { document, documentInventory: inventory, rule: { name: 'auth-object-id-guessable' }, path: ['paths', key], given: [] }),
  );
}

describe('findings on shared components', () => {
  it('are returned once per run, not once per path item that uses them', () => {
    const results = runOnce(doc, { run: 1 });
    expect(results.map(r => r.path.join('.'))).toEqual(['components.parameters.Id']);
  });

  it('are returned again in the next run over the same parsed document', () => {
    expect(runOnce(doc, { run: 1 })).toHaveLength(1);
    expect(runOnce(doc, { run: 2 })).toHaveLength(1);
  });

  it('are reported again when Spectral re-lints the same Document object', async () => {
    const spectral = new Spectral();
    spectral.setRuleset(ruleset);
    const document = new Document(stringify(doc), Yaml, 'openapi.yaml');
    const codes = async () => (await spectral.run(document)).filter(r => r.code === 'auth-object-id-guessable').map(r => r.path.join('.'));
    expect(await codes()).toEqual(['components.parameters.Id']);
    expect(await codes()).toEqual(['components.parameters.Id']);
  });
});

describe('a rule judging every target at its first call of a run', () => {
  // Three different definitions (identical inline copies would be reported once, with the count).
  const inline = (key: string) => ({ get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', 'x-key': key } }], responses: { '200': { description: 'OK' } } }, 'x-key': key });
  const data = { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: { '/a/{id}': inline('a'), '/b/{id}': inline('b'), '/c/{id}': inline('c') } };
  const rule = { name: 'auth-object-id-guessable', given: ['$.paths[*]'], then: [{ function: guessableObjectId }] };
  const fn = guessableObjectId as unknown as (target: unknown, options: unknown, context: unknown) => Array<{ path: unknown[] }>;
  const call = (key: string, inventory: object) => fn(data.paths[key as keyof typeof data.paths], { idWords: ['id'] }, { document: { data }, documentInventory: inventory, rule, path: ['paths', key] });

  it("returns every target's findings at the first call and nothing at the later ones", () => {
    const inventory = {};
    expect(call('/b/{id}', inventory).map(r => r.path.join('.'))).toEqual(['paths./a/{id}.get.parameters.0', 'paths./b/{id}.get.parameters.0', 'paths./c/{id}.get.parameters.0']);
    expect(call('/a/{id}', inventory)).toEqual([]);
    expect(call('/c/{id}', inventory)).toEqual([]);
  });

  it('outside the test suite, a target whose check throws costs only its own findings', () => {
    const picky = analysisFunction('picky', objectOptions({}), {}, function* ({ path }) {
      if (path[1] === '/b/{id}') throw new Error('cannot read this one');
      yield { message: 'found', path: [...path] };
    }) as unknown as (target: unknown, options: unknown, context: unknown) => Array<{ path: unknown[] }>;
    const strict = process.env.SPECTRAL_API_SECURITY_STRICT;
    process.env.SPECTRAL_API_SECURITY_STRICT = '0';
    try {
      const results = picky(data.paths['/a/{id}'], null, { document: { data }, documentInventory: {}, rule: { ...rule, name: 'picky' }, path: ['paths', '/a/{id}'] });
      expect(results.map(r => r.path.join('.'))).toEqual(['paths./a/{id}', 'paths./c/{id}']);
    } finally {
      process.env.SPECTRAL_API_SECURITY_STRICT = strict;
    }
    // In the test suite (strict), the same throw surfaces.
    expect(() => picky(data.paths['/a/{id}'], null, { document: { data }, documentInventory: {}, rule: { ...rule, name: 'picky' }, path: ['paths', '/a/{id}'] })).toThrow('cannot read this one');
  });
});
