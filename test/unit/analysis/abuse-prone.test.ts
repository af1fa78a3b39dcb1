import { describe, expect, it } from 'vitest';
import { abuseProneReason } from '../../../functions/analysis/index.js';
import { oneOperation, onlyOperation, type Doc } from './fixtures.js';

// Small lists in the shape of the defaults (lower-case whole words, pairs written joined).
const CREDENTIAL = new Set(['login', 'signin', 'signup', 'token', 'password', 'otp']);
const EXPENSIVE = new Set(['search', 'export', 'bulk', 'upload']);

function reason(method: string, pathKey: string, operation: Doc = {}): string | undefined {
  return abuseProneReason(onlyOperation(oneOperation(method, pathKey, operation)), CREDENTIAL, EXPENSIVE);
}

describe('abuseProneReason: credential flows', () => {
  it.each([
    ['post', '/auth/login', 'login'],
    ['put', '/users/{id}/password', 'password'],
    ['patch', '/oauth/token', 'token'],
    // Adjacent words are joined, so every spelling of a two-word flow matches.
    ['post', '/sign-in', 'signin'],
    ['post', '/signIn', 'signin'],
    ['post', '/sign_up', 'signup'],
    ['post', '/signin', 'signin'],
    // Plain plurals.
    ['post', '/tokens', 'token'],
    ['post', '/logins', 'login'],
    ['post', '/passwords/reset', 'password'],
  ])('%s %s is abuse-prone (%s)', (method, pathKey, word) => {
    expect(reason(method, pathKey)).toBe(word);
  });

  it.each([
    ['get', '/auth/login'],
    ['delete', '/oauth/token'],
    ['head', '/sign-in'],
  ])('%s %s submits nothing: not a credential flow', (method, pathKey) => {
    expect(reason(method, pathKey)).toBeUndefined();
  });

  it.each([['/hotpot'], ['/tokenizer'], ['/passwordless-hints'], ['/design'], ['/{token}'], ['/bus']])('post %s is not one (words, not substrings)', pathKey => {
    expect(reason('post', pathKey)).toBeUndefined();
  });

  it('reads the leading verb of the operationId and summary', () => {
    expect(reason('post', '/sessions', { operationId: 'signIn' })).toBe('signin');
    expect(reason('post', '/sessions', { summary: 'Log in' })).toBe('login');
    expect(reason('post', '/sessions', { summary: 'Sign up a new user' })).toBe('signup');
    // GitHub-style ids: the part after the last `/`.
    expect(reason('post', '/x', { operationId: 'apps/login-with-code' })).toBe('login');
    // A credential word later in the id names a thing, not the flow.
    expect(reason('post', '/x', { operationId: 'createPasswordPolicy' })).toBeUndefined();
  });
});

describe('abuseProneReason: expensive operations', () => {
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

  it('an expensive word outranks a credential word on writes', () => {
    expect(reason('post', '/tokens/export')).toBe('export');
  });

  it('an ordinary operation has no reason', () => {
    expect(reason('get', '/users/{id}', { operationId: 'getUser', summary: 'Get a user' })).toBeUndefined();
    expect(reason('post', '/orders', { operationId: 'createOrder' })).toBeUndefined();
  });
});
