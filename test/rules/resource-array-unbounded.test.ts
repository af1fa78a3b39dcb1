import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, lint, param, response, testRule, VERSIONS } from '../helpers.js';
import { at, bodyPath, EXEMPTIONS, object, ref, returns } from '../fixtures/documents.js';
import { ARRAY, body, BOUNDED, paramType, post, valuesDoc } from '../fixtures/values.js';

testRule(ARRAY, VERSIONS.flatMap(version => [
  {
    name: `${version}: a request array without maxItems, where it is written`,
    document: valuesDoc(version, { '/things': { post: post(version, object({ ids: { type: 'array', items: { type: 'string', format: 'uuid' } } })) } }),
    errors: [
      {
        path: [...bodyPath(version, '/things', 'post'), 'properties', 'ids'],
        severity: DiagnosticSeverity.Warning,
        message: 'Array has no `maxItems`: set one so a single request cannot carry an unbounded number of items.',
      },
    ],
  },
  {
    name: `${version}: not an array with maxItems, a readOnly one, nor one in a response`,
    document: valuesDoc(version, {
      '/things': {
        post: post(version, object({ ids: { type: 'array', maxItems: 10, items: BOUNDED }, history: { type: 'array', readOnly: true, items: BOUNDED } })),
        get: returns(version, object({ items: { type: 'array', items: BOUNDED } })),
      },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${ARRAY} (%s)`, version => {
  it('flags a request array without maxItems, where it is written, as a warning', async () => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ ids: { type: 'array', items: { type: 'string', format: 'uuid' } }, ok: { type: 'array', maxItems: 5, items: BOUNDED } })) } });
    const own = (await lint(d)).filter(r => r.code === ARRAY);
    expect(own.map(r => r.path.join('.'))).toEqual([`${body(version)}.properties.ids`]);
    expect(own[0].severity).toBe(DiagnosticSeverity.Warning);
    expect(own[0].message).toBe('Array has no `maxItems`: set one so a single request cannot carry an unbounded number of items.');
  });

  it('flags a top-level array body, nested arrays, and array query parameters', async () => {
    const d = valuesDoc(version, {
      '/things': {
        post: post(version, { type: 'array', items: { type: 'array', maxItems: 3, items: { type: 'array', items: { type: 'integer', maximum: 9 } } } }),
        get: { parameters: [param(version, 'ids', 'query', { type: 'array', items: { type: 'string', format: 'uuid' } })], responses: { '200': response(version) } },
      },
    });
    expect(await found(ARRAY, d)).toEqual([body(version), `${body(version)}.items.items`, paramType(version, 'paths./things.get.parameters.0')].sort());
  });

  it('through $ref and allOf: maxItems on the wrapper bounds the referenced array; the component alone is reported once', async () => {
    const d = valuesDoc(
      version,
      {
        '/a': { post: post(version, object({ ids: { allOf: [ref(version, 'Ids')], maxItems: 100 } })) },
        '/b': { post: post(version, object({ ids: ref(version, 'Ids') })), put: post(version, object({ more: ref(version, 'Ids') })) },
      },
      { Ids: { type: 'array', items: { type: 'string', format: 'uuid' } } },
    );
    expect(await found(ARRAY, d)).toEqual([at(version, 'Ids')]);
  });

  it('does not flag response arrays, readOnly arrays or enum-bounded arrays', async () => {
    const d = valuesDoc(version, {
      '/things': {
        get: returns(version, object({ items: { type: 'array', items: BOUNDED } })),
        post: post(version, object({ history: { type: 'array', readOnly: true, items: BOUNDED }, pair: { type: 'array', enum: [['a', 'b']], items: BOUNDED } })),
      },
    });
    expect(await found(ARRAY, d)).toEqual([]);
  });

  it('honours an exemption on the array schema and on the operation', async () => {
    const reason = { [ARRAY]: 'Batch import; size enforced by the job runner.' };
    const d = valuesDoc(version, {
      '/a': { post: post(version, object({ rows: { type: 'array', items: BOUNDED, [EXEMPTIONS]: reason } })) },
      '/b': { post: post(version, object({ rows: { type: 'array', items: BOUNDED } }), { [EXEMPTIONS]: reason }) },
    });
    expect(await found(ARRAY, d)).toEqual([]);
  });
});
