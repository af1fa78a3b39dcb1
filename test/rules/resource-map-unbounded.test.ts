import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, lint, testRule, VERSIONS } from '../helpers.js';
import { at, bodyPath, EXEMPTIONS, object, ref, returns } from '../fixtures/documents.js';
import { body, BOUNDED, MAP, post, valuesDoc } from '../fixtures/values.js';

testRule(MAP, VERSIONS.flatMap(version => [
  {
    name: `${version}: a request map without maxProperties, at the object`,
    document: valuesDoc(version, { '/things': { post: post(version, object({ labels: { type: 'object', additionalProperties: BOUNDED } })) } }),
    errors: [
      {
        path: [...bodyPath(version, '/things', 'post'), 'properties', 'labels'],
        severity: DiagnosticSeverity.Warning,
        message: 'Map (schema-valued `additionalProperties`) has no `maxProperties`: set one so a request cannot carry unboundedly many keys.',
      },
    ],
  },
  {
    name: `${version}: not a map with maxProperties, a free-form object, nor a map in a response`,
    document: valuesDoc(version, {
      '/things': {
        post: post(version, object({ labels: { type: 'object', additionalProperties: BOUNDED, maxProperties: 20 }, extra: { type: 'object', additionalProperties: true } })),
        get: returns(version, { type: 'object', additionalProperties: BOUNDED }),
      },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${MAP} (%s)`, version => {
  it('flags an object with schema-valued additionalProperties and no maxProperties, at the object', async () => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ labels: { type: 'object', additionalProperties: BOUNDED } })) } });
    const own = (await lint(d)).filter(r => r.code === MAP);
    expect(own.map(r => r.path.join('.'))).toEqual([`${body(version)}.properties.labels`]);
    expect(own[0].severity).toBe(DiagnosticSeverity.Warning);
    expect(own[0].message).toBe('Map (schema-valued `additionalProperties`) has no `maxProperties`: set one so a request cannot carry unboundedly many keys.');
  });

  it.each([
    ['maxProperties', { additionalProperties: BOUNDED, maxProperties: 20 }],
    ['additionalProperties: true (free-form object, not a map)', { additionalProperties: true }],
    ['additionalProperties: {} (the same as true)', { additionalProperties: {} }],
    ['additionalProperties: false', { additionalProperties: false, properties: { a: BOUNDED } }],
    ['no additionalProperties', { properties: { a: BOUNDED } }],
  ])('does not flag an object with %s', async (_, keywords) => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ labels: { type: 'object', ...keywords } })) } });
    expect(await found(MAP, d)).toEqual([]);
  });

  it('through $ref and allOf: maxProperties on the wrapper bounds it; otherwise reported where additionalProperties is written', async () => {
    const d = valuesDoc(
      version,
      {
        '/a': { post: post(version, object({ labels: { allOf: [ref(version, 'Labels')], maxProperties: 10 } })) },
        '/b': { post: post(version, object({ tags: { allOf: [ref(version, 'Labels')], description: 'Tags.' } })) },
      },
      { Labels: { type: 'object', additionalProperties: BOUNDED } },
    );
    expect(await found(MAP, d)).toEqual([at(version, 'Labels')]);
  });

  it('does not flag response maps (by default) nor readOnly ones', async () => {
    const d = valuesDoc(version, {
      '/things': { get: returns(version, { type: 'object', additionalProperties: BOUNDED }), post: post(version, object({ stats: { type: 'object', readOnly: true, additionalProperties: BOUNDED } })) },
    });
    expect(await found(MAP, d)).toEqual([]);
  });

  it('honours an exemption on the map schema', async () => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ labels: { type: 'object', additionalProperties: BOUNDED, [EXEMPTIONS]: { [MAP]: 'Keys are validated against a fixed registry.' } } })) } });
    expect(await found(MAP, d)).toEqual([]);
  });
});
