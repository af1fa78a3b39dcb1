import type { RulesetDefinition } from '@stoplight/spectral-core';
import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import ruleset from '../../index.js';
import { found, lint, param, pathParam, testRule, VERSIONS, type Doc } from '../helpers.js';
import { at, EXEMPTIONS, object, ref, responsePath, returns } from '../fixtures/documents.js';
import { ALL, BOUNDED, byValueRule, post, RESPONSE, responseSchema, STRING, valuesDoc } from '../fixtures/values.js';

// Off by default (`recommended: false`): testRule turns it on, as a team would with a severity.
testRule(RESPONSE, VERSIONS.flatMap(version => [
  {
    name: `${version}: a response string without maxLength, as info`,
    document: valuesDoc(version, { '/things': { get: returns(version, object({ name: { type: 'string' }, code: BOUNDED })) } }),
    errors: [
      {
        path: [...responsePath(version, '/things', 'get'), 'properties', 'name'],
        severity: DiagnosticSeverity.Information,
        message: 'Response string has no `maxLength`: document one so clients can size their buffers and storage.',
      },
    ],
  },
  {
    name: `${version}: not a date, a writeOnly property, nor a request string`,
    document: valuesDoc(version, {
      '/things': { get: returns(version, object({ born: { type: 'string', format: 'date' }, password: { type: 'string', writeOnly: true } })), post: post(version, object({ name: { type: 'string' } })) },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${RESPONSE} (%s)`, version => {
  const payload = object({
    name: { type: 'string' },
    born: { type: 'string', format: 'date' },
    tags: { type: 'array', items: BOUNDED },
    score: { type: 'number' },
    extra: { type: 'object', additionalProperties: BOUNDED },
    password: { type: 'string', writeOnly: true },
  });
  const d = () => valuesDoc(version, { '/things': { get: returns(version, payload), post: post(version, object({ sent: { type: 'string', maxLength: 5 } })) } });
  const expected = (prefix: string) => [`${prefix}.properties.extra`, `${prefix}.properties.name`, `${prefix}.properties.score`, `${prefix}.properties.tags`];

  it('is off by default: a response string without maxLength is not flagged', async () => {
    expect(await found(RESPONSE, d())).toEqual([]);
    expect(await byValueRule(d(), ruleset)).toEqual({});
  });

  it('once enabled with extends [ruleset, all], flags unbounded response values (not dates, not writeOnly properties), as info', async () => {
    const own = (await lint(d(), ALL)).filter(r => r.code === RESPONSE);
    expect(own.map(r => r.path.join('.')).sort()).toEqual(expected(responseSchema(version)));
    expect(new Set(own.map(r => r.severity))).toEqual(new Set([DiagnosticSeverity.Information]));
    expect(own.find(r => r.path.join('.').endsWith('.name'))?.message).toBe('Response string has no `maxLength`: document one so clients can size their buffers and storage.');
    // The request rules do not look at responses.
    expect(await byValueRule(d(), ruleset)).toEqual({});
  });

  it('once enabled by a rules override with a severity, flags them at that severity', async () => {
    const rules = { extends: [ruleset], rules: { [RESPONSE]: 'warn' } } as unknown as RulesetDefinition;
    const own = (await lint(d(), rules)).filter(r => r.code === RESPONSE);
    expect(own.map(r => r.path.join('.')).sort()).toEqual(expected(responseSchema(version)));
    expect(new Set(own.map(r => r.severity))).toEqual(new Set([DiagnosticSeverity.Warning]));
  });

  it('does not look at request values, and reports a schema used both ways once per rule', async () => {
    const both = valuesDoc(version, { '/things': { get: returns(version, ref(version, 'Thing')), post: post(version, ref(version, 'Thing')) } }, { Thing: object({ name: { type: 'string' }, code: { type: 'string', maxLength: 4 } }) });
    expect(await byValueRule(both)).toEqual({ [RESPONSE]: [`${at(version, 'Thing')}.properties.name`], [STRING]: [`${at(version, 'Thing')}.properties.name`] });
    const requestOnly = valuesDoc(version, { '/things': { post: post(version, object({ name: { type: 'string' } })) } });
    expect(await found(RESPONSE, requestOnly, ALL)).toEqual([]);
  });

  it('honours operation and schema exemptions', async () => {
    const reason = { [RESPONSE]: 'Legacy payload, documented in the migration guide.' };
    const exempt = valuesDoc(version, {
      '/things': { get: returns(version, object({ name: { type: 'string' } }), { [EXEMPTIONS]: reason }) },
      '/others': { get: returns(version, object({ name: { type: 'string', [EXEMPTIONS]: reason } })) },
    });
    expect(await found(RESPONSE, exempt, ALL)).toEqual([]);
  });

  describe('arrays a bounded page size limits', () => {
    const limit = (schema: Doc) => param(version, 'limit', 'query', schema);
    const items = { type: 'array', items: object({ id: { type: 'string', format: 'uuid' } }) };
    const envelope = (list: Doc) => object({ data: list, next: { type: 'string', format: 'uuid' } });
    const arrays = async (d: Doc) => (await found(RESPONSE, d, ALL)).filter(p => !p.endsWith('.next'));

    it('does not flag the bare array or the envelope array of a collection GET whose page size has a maximum', async () => {
      const bare = valuesDoc(version, { '/things': { get: returns(version, items, { parameters: [limit({ type: 'integer', maximum: 100 })] }) } });
      expect(await arrays(bare)).toEqual([]);
      const wrapped = valuesDoc(version, { '/things': { get: returns(version, ref(version, 'Page'), { parameters: [limit({ type: 'integer', maximum: 100 })] }) } }, { Page: envelope(ref(version, 'Things')), Things: items });
      expect(await arrays(wrapped)).toEqual([]);
    });

    it('flags them when the page size has no maximum, or there is no page size', async () => {
      const unbounded = valuesDoc(version, { '/things': { get: returns(version, items, { parameters: [limit({ type: 'integer' })] }) } });
      expect(await arrays(unbounded)).toEqual([responseSchema(version)]);
      const none = valuesDoc(version, { '/things': { get: returns(version, ref(version, 'Page')) } }, { Page: envelope(items) });
      expect(await arrays(none)).toEqual([`${at(version, 'Page')}.properties.data`]);
    });

    it('flags a shared list that another collection GET returns without a bounded page size', async () => {
      const d = valuesDoc(
        version,
        {
          '/things': { get: returns(version, ref(version, 'Things'), { parameters: [limit({ type: 'integer', maximum: 100 })] }) },
          '/others': { get: returns(version, ref(version, 'Things')) },
        },
        { Things: items },
      );
      expect(await arrays(d)).toEqual([at(version, 'Things')]);
    });

    it('still flags arrays nested deeper than the page, and arrays of a single-object GET', async () => {
      const nested = valuesDoc(version, { '/things': { get: returns(version, { type: 'array', items: object({ tags: { type: 'array', items: BOUNDED } }) }, { parameters: [limit({ type: 'integer', maximum: 100 })] }) } });
      expect(await arrays(nested)).toEqual([`${responseSchema(version)}.items.properties.tags`]);
      const single = valuesDoc(version, {
        '/things/{id}': { get: returns(version, object({ parts: { type: 'array', items: BOUNDED } }), { parameters: [pathParam(version, 'id', { type: 'string' }), limit({ type: 'integer', maximum: 10 })] }) },
      });
      expect(await arrays(single)).toEqual([`${responseSchema(version, '/things/{id}')}.properties.parts`]);
    });
  });
});

describe('3.1 webhook payloads are messages the API sends', () => {
  it('judges a webhook request body like a response: not flagged as unbounded input', async () => {
    const d = {
      openapi: '3.1.0',
      info: { title: 'Webhooks', version: '1.0.0' },
      webhooks: {
        newPet: {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
            responses: { '200': { description: 'Received' } },
          },
        },
      },
      components: { schemas: { Pet: { type: 'object', properties: { name: { type: 'string' }, id: { type: 'integer' } } } } },
    };
    const results = await lint(d);
    expect(results.filter(r => r.code === 'resource-string-unbounded' || r.code === 'resource-number-unbounded').map(r => r.path.join('.'))).toEqual([]);
    const all = await lint(d, ALL);
    expect(all.filter(r => r.code === 'resource-response-unbounded').map(r => r.path.join('.')).sort()).toEqual([
      'components.schemas.Pet.properties.id',
      'components.schemas.Pet.properties.name',
    ]);
  });
});
