import { describe, expect, it } from 'vitest';
import { analyse, headerValueTexts, responseHeaders } from '../../../functions/analysis/index.js';
import { doc, oneOperation, operationOf, type Doc } from './fixtures.js';

/** The declared headers of GET /a's 200 response, by lower-cased name. */
function headersOf(document: Doc) {
  const analysis = analyse(document);
  const response = operationOf(analysis, 'get', '/a').responses.find(r => r.status === '200')!;
  return responseHeaders(analysis.root, response);
}

describe('responseHeaders', () => {
  it('3.x: values of the schema (and its allOf members), the header and its content, through components', () => {
    const headers = headersOf(oneOperation('get', '/a', {
      responses: {
        '200': {
          description: 'OK',
          headers: {
            'X-One': { description: 'One.', schema: { allOf: [{ $ref: '#/components/schemas/S' }], enum: ['a', 'b'], default: 'a' }, example: 'c' },
            'x-two': { $ref: '#/components/headers/Two' },
            'X-Three': { content: { 'text/plain': { schema: { type: 'string', const: 'd' }, examples: { e: { value: 'e' } } } } },
          },
        },
      },
    }, { components: { schemas: { S: { type: 'string', examples: ['f'], description: 'From the schema.' } }, headers: { Two: { schema: { type: 'boolean' }, examples: { on: { $ref: '#/components/examples/On' } } } }, examples: { On: { value: true } } } }));
    expect([...headers.keys()].sort()).toEqual(['x-one', 'x-three', 'x-two']);
    expect(headerValueTexts(headers.get('x-one')!).sort()).toEqual(['a', 'a', 'b', 'c', 'f']);
    expect(headers.get('x-one')!.description).toBe('One.\nFrom the schema.');
    expect(headers.get('x-one')!.name).toBe('X-One');
    expect(headers.get('x-two')!.path).toEqual(['components', 'headers', 'Two']);
    expect(headerValueTexts(headers.get('x-two')!)).toEqual(['true']);
    expect(headerValueTexts(headers.get('x-three')!).sort()).toEqual(['d', 'e']);
  });

  it('2.0: the header is its own schema (enum, default, x-example), through a shared response', () => {
    const analysis = analyse(doc('2.0', {
      paths: { '/a': { get: { responses: { '200': { $ref: '#/responses/Ok' } } } } },
      responses: { Ok: { description: 'OK', headers: { 'X-One': { type: 'string', enum: [' A '], default: 'b', 'x-example': 'c' } } } },
    }));
    const response = operationOf(analysis, 'get', '/a').responses[0];
    const headers = responseHeaders(analysis.root, response);
    expect(headers.get('x-one')!.path).toEqual(['responses', 'Ok', 'headers', 'X-One']);
    expect(headerValueTexts(headers.get('x-one')!).sort()).toEqual(['a', 'b', 'c']);
  });

  it('3.x: the alternatives of oneOf/anyOf are values; they limit the header only when every one is an enum/const', () => {
    const headers = headersOf(oneOperation('get', '/a', {
      responses: {
        '200': {
          description: 'OK',
          headers: {
            'X-Open': { schema: { oneOf: [{ $ref: '#/components/schemas/Star' }, { type: 'string', format: 'uri' }] } },
            'X-Listed': { schema: { allOf: [{ anyOf: [{ const: 'a' }, { enum: ['b'] }] }] } },
            'X-Odd': { schema: { oneOf: 'x', anyOf: [null, 7] } },
          },
        },
      },
    }, { components: { schemas: { Star: { type: 'string', const: '*' } } } }));
    expect(headerValueTexts(headers.get('x-open')!)).toEqual(['*']);
    expect(headers.get('x-open')!.allowed).toEqual([]);
    expect(headerValueTexts(headers.get('x-listed')!, true).sort()).toEqual(['a', 'b']);
    expect(headers.get('x-odd')!.values).toEqual([]);
  });

  it('never throws on malformed headers, and bounds what it reads', () => {
    const headers = headersOf(oneOperation('get', '/a', {
      responses: { '200': { description: 'OK', headers: { A: 'text', B: null, C: { schema: { $ref: '#/nowhere' }, examples: [1, 2] }, D: { enum: Array.from({ length: 10_000 }, (_, i) => `v${i}`) } } } },
    }));
    expect([...headers.keys()].sort()).toEqual(['c', 'd']);
    expect(headers.get('d')!.values.length).toBe(64);
  });
});
