// Property names matched by the words they end with: qualified names count, look-alikes do not.
import { describe, expect, it } from 'vitest';
import { vocabularyMatcher } from '../../../functions/analysis/index.js';

const match = vocabularyMatcher(['role', 'is_admin', 'admin', 'balance', 'status', 'account_status', 'owner_id', 'id', 'created_at']);

describe('vocabularyMatcher', () => {
  it.each([
    ['role', 'role', true, []],
    ['userRole', 'role', false, ['user']],
    ['is_admin', 'isadmin', true, []],
    ['walletBalance', 'balance', false, ['wallet']],
    ['accountStatus', 'accountstatus', true, []],
    ['billingAccountStatus', 'accountstatus', false, ['billing']],
    ['ownerUserId', 'ownerid', false, ['user']],
    ['repoCreatedAt', 'createdat', false, ['repo']],
    ['userId', 'id', false, ['user']],
  ])('%s is a %s', (name, entry, whole, qualifiers) => {
    expect(match(name)).toEqual({ entry, whole, qualifiers });
  });

  it.each(['roleName', 'statusMessage', 'balanceCurrency', 'created', 'administrator', 'owner', 'ownerName', '', 'x'.repeat(10_000)])('%s is none', name => {
    expect(match(name)).toBeUndefined();
  });

  it('ignores entries that are not names', () => {
    expect(vocabularyMatcher([7 as unknown as string, '', 'role'])('role')).toEqual({ entry: 'role', whole: true, qualifiers: [] });
  });
});
