// Template inference: values become parameters, words stay literal.
import { describe, expect, it } from 'vitest';
import { inferTemplate, isIdentifier } from '../../../cli/inventory/infer.js';

describe('identifiers', () => {
  it.each([
    '42',
    '2024',
    '550e8400-e29b-41d4-a716-446655440000',
    'd41d8cd98f00b204e9800998ecf8427e',
    '01ARZ3NDEKTSV4RRFFQ69G5FAV',
    'cus_9s6XKzkNRiz8i3',
    'a1b2c3d4e5',
    'jane.doe@example.com',
    '2024-01-31',
    '+1-555-0100',
    'x'.repeat(101),
  ])('%s is a value', segment => expect(isIdentifier(segment)).toBe(true));

  it.each(['users', 'me', 'README', 'internal', 'v1', 'v2.1', 'oauth2', 'sha256', 'base64url', 'x509certificates', 'getAllUsersForOrganization', 'hello-world', 'ipv6', 'utf-8', 'a@b', ''])(
    '%s is a word',
    segment => expect(isIdentifier(segment)).toBe(false),
  );
});

describe('templates', () => {
  it('groups ids and keeps distinct words apart', () => {
    expect(inferTemplate(['internal', 'users', '42'])).toEqual(['internal', 'users', '{id}']);
    expect(inferTemplate(['internal', 'users', '77'])).toEqual(['internal', 'users', '{id}']);
    expect(inferTemplate(['internal', 'accounts', '77'])).toEqual(['internal', 'accounts', '{id}']);
    expect(inferTemplate(['orgs', '9', 'members', 'bob@example.org'])).toEqual(['orgs', '{id}', 'members', '{id2}']);
    expect(inferTemplate(['users', 'me'])).toEqual(['users', 'me']);
  });
});
