import { describe, expect, it } from 'vitest';
import { expensiveOperationReason } from '../../../functions/analysis/index.js';
import { oneOperation, onlyOperation, type Doc } from './fixtures.js';

// A small list in the shape of the defaults (lower-case whole words, pairs written joined).
// Credential entries, the other abuse-prone operations, are roles: see roles.test.ts.
const EXPENSIVE = new Set(['search', 'export', 'bulk', 'upload']);

function reason(method: string, pathKey: string, operation: Doc = {}): string | undefined {
  return expensiveOperationReason(onlyOperation(oneOperation(method, pathKey, operation)), EXPENSIVE);
}

describe('expensiveOperationReason', () => {
  it.each([
    ['get', '/search', 'search'],
    ['get', '/reports/export', 'export'],
    ['get', '/reports/exports', 'export'],
    ['get', '/files/searches', 'search'],
    ['post', '/bulk/users', 'bulk'],
    ['post', '/users/{id}/upload', 'upload'],
    ['delete', '/uploads', 'upload'],
  ])('%s %s is abuse-prone (%s)', (method, pathKey, word) => {
    expect(reason(method, pathKey)).toBe(word);
  });

  it('on reads, only the last literal segment names the operation', () => {
    // Lists past exports: it does not run one.
    expect(reason('get', '/export/cve/executions')).toBeUndefined();
    expect(reason('get', '/search/history')).toBeUndefined();
    // Writes count every segment.
    expect(reason('post', '/export/cve/executions')).toBe('export');
  });

  it('on reads, the leading verb of the operationId or summary counts, later words do not', () => {
    expect(reason('get', '/users', { operationId: 'searchUsers' })).toBe('search');
    expect(reason('get', '/users', { summary: 'Export all users' })).toBe('export');
    expect(reason('get', '/sarif/{id}', { summary: 'Get a SARIF upload' })).toBeUndefined();
    expect(reason('get', '/rates', { operationId: 'GetBulkRates' })).toBeUndefined();
  });

  it('an ordinary operation has no reason', () => {
    expect(reason('get', '/users/{id}', { operationId: 'getUser', summary: 'Get a user' })).toBeUndefined();
    expect(reason('post', '/orders', { operationId: 'createOrder' })).toBeUndefined();
  });
});
