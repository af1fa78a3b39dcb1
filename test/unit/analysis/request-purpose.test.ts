// What a request body is for, read from where it is sent.
import { describe, expect, it } from 'vitest';
import { analyse, hasStatusSubresource, isSearch, lastSegmentNamed, lastSegmentWord } from '../../../functions/analysis/index.js';
import { doc, oneOperation, onlyOperation, operationOf } from './fixtures.js';

const ASSIGNMENT = new Set(['role', 'member']);
const SEARCH = new Set(['search', 'query', 'filter', 'find', 'list']);

describe('lastSegmentNamed', () => {
  it.each(['/users/{id}/roles', '/users/{id}/roles/{roleId}', '/orgs/{org}/members/{user}', '/role'])('%s assigns by purpose', pathKey => {
    expect(lastSegmentNamed(pathKey, ASSIGNMENT)).toBe(true);
  });
  it.each(['/roles/{id}/users', '/users/{id}', '/membersOnly', '/'])('%s does not', pathKey => {
    expect(lastSegmentNamed(pathKey, ASSIGNMENT)).toBe(false);
  });
});

describe('lastSegmentWord', () => {
  it.each([['/users/{id}', 'user'], ['/Accounts/{Sid}/ConnectApps/{Sid}.json', 'app'], ['/users/@me', 'me'], ['/', undefined]])('%s → %s', (pathKey, word) => {
    expect(lastSegmentWord(pathKey)).toBe(word);
  });
});

describe('isSearch', () => {
  it.each([
    ['/search', {}],
    ['/users/_search', {}],
    ['/items:query', {}],
    ['/reports/filter', {}],
    ['/orders/lookup', { operationId: 'searchOrders' }],
    ['/orders/lookup', { summary: 'Find orders by status' }],
  ])('POST %s %j searches', (pathKey, operation) => {
    expect(isSearch(onlyOperation(oneOperation('post', pathKey, operation)), SEARCH)).toBe(true);
  });
  it.each([
    ['/researchers', {}],
    ['/orders', { operationId: 'createOrder', summary: 'Place an order' }],
    ['/filters/{id}', { operationId: 'updateFilterSettings' }],
  ])('POST %s %j does not', (pathKey, operation) => {
    expect(isSearch(onlyOperation(oneOperation('post', pathKey, operation)), SEARCH)).toBe(false);
  });
});

describe('hasStatusSubresource', () => {
  const ok = { responses: { '200': { description: 'OK' } } };
  const analysis = analyse(
    doc('3.1', {
      paths: {
        '/deployments': { post: ok },
        '/deployments/{name}': { put: ok },
        '/deployments/{deploymentName}/status': { put: ok },
        '/orders/{id}': { put: ok },
      },
    }),
  );
  it.each([
    ['post', '/deployments', true],
    ['put', '/deployments/{name}', true],
    ['put', '/deployments/{deploymentName}/status', true],
    ['put', '/orders/{id}', false],
  ])('%s %s: %s', (method, pathKey, expected) => {
    expect(hasStatusSubresource(analysis, operationOf(analysis, method, pathKey))).toBe(expected);
  });
});
