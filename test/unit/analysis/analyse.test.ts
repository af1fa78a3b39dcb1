import { oas2, oas3_1 } from '@stoplight/spectral-formats';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../functions/analysis/index.js';
import { doc } from './fixtures.js';

const ok = { '200': { description: 'OK' } };

describe('analyse', () => {
  it('analyses a parsed document once: the same object gives the same analysis', () => {
    const document = doc('3.0', { paths: { '/a': { get: { responses: ok } } } });
    const first = analyse(document);
    expect(analyse(document)).toBe(first);
    // An equal but distinct object (another lint run, another document) gets its own.
    const copy = structuredClone(document);
    expect(analyse(copy)).not.toBe(first);
    expect(analyse(copy).operations).toHaveLength(1);
  });

  it('is built from the document as first seen: later changes to it are not read again', () => {
    const document = doc('3.0', { paths: { '/a': { get: { responses: ok } } } });
    analyse(document);
    (document.paths as Record<string, unknown>)['/b'] = { get: { responses: ok } };
    expect(analyse(document).operations.map(op => op.pathKey)).toEqual(['/a']);
  });

  it.each([[undefined], [null], ['openapi: 3.0.0'], [[{ openapi: '3.0.0' }]], [42]])('gives an empty analysis for input that is not an object (%j)', input => {
    const analysis = analyse(input);
    expect(analysis.version).toBe('unknown');
    expect(analysis.operations).toEqual([]);
    expect(analysis.schemes.size).toBe(0);
    expect(analysis.documentsSecurity).toBe(false);
    expect(analysis.exemptions.root.rules.size).toBe(0);
  });

  it.each([
    [{ swagger: '2.0' }, '2.0'],
    [{ openapi: '3.0.3' }, '3.0'],
    [{ openapi: '3.1.0' }, '3.1'],
    [{ openapi: '4.0.0' }, 'unknown'],
    [{ asyncapi: '2.6.0' }, 'unknown'],
  ])('reads the version of %j as %s', (head, version) => {
    expect(analyse({ ...head, paths: {} }).version).toBe(version);
  });

  // YAML reads an unquoted `swagger: 2.0` as the number 2 and `openapi: 3.1` as 3.1. Spectral's
  // formats accept both, so every rule runs on such a document: the analysis reads them too.
  it('`swagger: 2.0` as a number: its securityDefinitions are read', () => {
    const swagger = { swagger: 2.0, info: { title: 'T', version: '1' }, paths: {}, securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'K' } } };
    expect(oas2(swagger, null)).toBe(true);
    expect(analyse(swagger).schemes.size).toBe(1);
  });

  it('`openapi: 3.1` as a number: its webhooks are read', () => {
    const openapi = { openapi: 3.1, info: { title: 'T', version: '1' }, webhooks: { ping: { post: { responses: ok } } } };
    expect(oas3_1(openapi, null)).toBe(true);
    expect(analyse(openapi).operations).toHaveLength(1);
  });
});

describe('documentsSecurity', () => {
  it.each([
    ['a security scheme', { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'K' } } } }],
    ['a root requirement', { security: [{ key: [] }] }],
    ['an operation requirement', { paths: { '/a': { get: { security: [{ key: [] }], responses: ok } } } }],
    ['an operation made public on purpose', { paths: { '/a': { get: { security: [], responses: ok } } } }],
  ])('is true with %s', (_what, extra) => {
    expect(analyse(doc('3.0', extra)).documentsSecurity).toBe(true);
  });

  it.each([
    ['nothing about security', { paths: { '/a': { get: { responses: ok } } } }],
    ['an empty schemes map', { components: { securitySchemes: {} } }],
    ['a root `security` that is not an array', { security: { key: [] } }],
    ['a requirement outside any operation', { paths: { '/a': { security: [{ key: [] }], get: { responses: ok } } } }],
  ])('is false with %s', (_what, extra) => {
    expect(analyse(doc('3.0', extra)).documentsSecurity).toBe(false);
  });
});

describe('operationsByPathKey', () => {
  it('groups the operations of each path item, without webhooks', () => {
    const analysis = analyse(
      doc('3.1', {
        paths: { '/a': { get: { responses: ok }, delete: { responses: ok } }, '/b': { post: { responses: ok } }, '/empty': {} },
        webhooks: { '/a': { post: { responses: ok } } },
      }),
    );
    expect([...analysis.operationsByPathKey].map(([key, ops]) => [key, ops.map(op => op.method)])).toEqual([
      ['/a', ['get', 'delete']],
      ['/b', ['post']],
    ]);
    expect(analysis.operations).toHaveLength(4);
  });
});
