import { describe, expect, it } from 'vitest';
import { analyse, operationsReturning, type JsonPath } from '../../../functions/analysis/index.js';
import { doc, json, type Doc } from './fixtures.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const declared = (schema: string, property: string): JsonPath => ['components', 'schemas', schema, 'properties', property];
const ok = (schema: unknown) => ({ '200': { description: 'OK', content: json(schema) } });

function returning(paths: Doc, schemas: Doc, at: JsonPath): string[] {
  const analysis = analyse(doc('3.1', { paths, components: { schemas } }));
  return operationsReturning(analysis, at).map(op => `${op.method.toUpperCase()} ${op.pathKey}`);
}

describe('operationsReturning', () => {
  it('finds every operation whose success response reaches the property, through $ref, allOf, items, alternatives and maps, in document order', () => {
    const schemas = {
      Note: { type: 'object', properties: { text: { type: 'string' } } },
      Ticket: { allOf: [{ type: 'object', properties: { notes: { type: 'array', items: ref('Note') } } }] },
      Page: { type: 'object', properties: { data: { oneOf: [ref('Ticket'), { type: 'null' }] } } },
    };
    const paths = {
      '/tickets': { get: { responses: ok(ref('Page')) } },
      '/tickets/{id}': { get: { responses: ok(ref('Ticket')) }, delete: { responses: { '204': { description: 'Gone' } } } },
      '/by-key': { get: { responses: ok({ type: 'object', additionalProperties: ref('Note') }) } },
      '/unrelated': { get: { responses: ok({ type: 'object', properties: { n: { type: 'integer' } } }) } },
    };
    expect(returning(paths, schemas, declared('Note', 'text'))).toEqual(['GET /tickets', 'GET /tickets/{id}', 'GET /by-key']);
    expect(returning(paths, schemas, ['components', 'schemas', 'Ticket', 'allOf', 0, 'properties', 'notes'])).toEqual(['GET /tickets', 'GET /tickets/{id}']);
  });

  it('ignores requests, error responses and writeOnly properties', () => {
    const schemas = { Thing: { type: 'object', properties: { secret: { type: 'string', writeOnly: true }, visible: { type: 'string' } } } };
    const paths = {
      '/things': { post: { requestBody: { content: json(ref('Thing')) }, responses: { '201': { description: 'Created' }, '400': { description: 'Bad', content: json(ref('Thing')) }, default: { description: 'Error', content: json(ref('Thing')) } } } },
      '/things/{id}': { get: { responses: ok(ref('Thing')) } },
    };
    expect(returning(paths, schemas, declared('Thing', 'visible'))).toEqual(['GET /things/{id}']);
    expect(returning(paths, schemas, declared('Thing', 'secret'))).toEqual([]);
  });

  it('terminates on cycles and answers for a property nothing returns', () => {
    const schemas = { Node: { type: 'object', properties: { next: ref('Node'), label: { type: 'string' } } }, Orphan: { type: 'object', properties: { x: { type: 'string' } } } };
    const paths = { '/nodes/{id}': { get: { responses: ok(ref('Node')) } } };
    expect(returning(paths, schemas, declared('Node', 'label'))).toEqual(['GET /nodes/{id}']);
    expect(returning(paths, schemas, declared('Orphan', 'x'))).toEqual([]);
  });
});
