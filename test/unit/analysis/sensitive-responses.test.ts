import { describe, expect, it } from 'vitest';
import { analyse, carriedSensitiveData, phrases, type Located } from '../../../functions/analysis/index.js';
import { DEFAULT_LISTS } from '../../../functions/core/defaults.js';
import { oneOperation, operationOf, type Doc } from './fixtures.js';

const vocabulary = { credentials: phrases(DEFAULT_LISTS.credentialNames), personal: phrases(DEFAULT_LISTS.personalDataNames), taxIds: phrases(DEFAULT_LISTS.taxIdNames) };

/** What GET /a's 200 body carries, with these component schemas. */
function carried(schema: Doc, schemas: Doc = {}) {
  const analysis = analyse(oneOperation('get', '/a', { responses: { '200': { description: 'OK', content: { 'application/json': { schema } } } } }, { components: { schemas } }));
  const body = operationOf(analysis, 'get', '/a').responses[0].schemas[0] as Located;
  const found = carriedSensitiveData(analysis, 'test', vocabulary, body);
  return found && { name: found.name, kind: found.kind, path: found.path.join('.') };
}

describe('carriedSensitiveData', () => {
  it('the record, a list of records, an envelope, an embedded record, allOf members', () => {
    expect(carried({ type: 'object', properties: { ssn: { type: 'string' } } })).toEqual({ name: 'ssn', kind: 'personal', path: 'paths./a.get.responses.200.content.application/json.schema.properties.ssn' });
    expect(carried({ type: 'array', items: { $ref: '#/components/schemas/Key' } }, { Key: { type: 'object', properties: { secret: { type: 'string' } } } })).toEqual({ name: 'secret', kind: 'credential', path: 'components.schemas.Key.properties.secret' });
    expect(carried({ type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Key' } } } }, { Key: { properties: { api_key: { type: 'string' } } } })?.name).toBe('api_key');
    expect(carried({ type: 'object', properties: { user: { allOf: [{ $ref: '#/components/schemas/Person' }] } } }, { Person: { properties: { passport_number: { type: 'string' } } } })?.name).toBe('passport_number');
  });

  it('not writeOnly properties, properties three levels deep, objects behind an id-or-object alternative, nor cycles', () => {
    expect(carried({ type: 'object', properties: { password: { type: 'string', writeOnly: true } } })).toBeUndefined();
    expect(carried({ type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'object', properties: { ssn: { type: 'string' } } } } } } })).toBeUndefined();
    expect(carried({ type: 'object', properties: { owner: { anyOf: [{ type: 'string' }, { $ref: '#/components/schemas/Person' }] } } }, { Person: { properties: { ssn: { type: 'string' } } } })).toBeUndefined();
    expect(carried({ $ref: '#/components/schemas/Node' }, { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' }, name: { type: 'string' } } } })).toBeUndefined();
  });
});
