import { leakedSecrets } from '../functions/index.js';
import type { Lists } from '../functions/core/defaults.js';
import type { ListOverride } from './options.js';
import { ROOT, rule, type RuleDefinitions } from './rule.js';

/** Options of this family for `createRuleset`; every field optional. */
export interface SecretsOptions {
  /**
   * Key names whose long, high-entropy values are secrets (`secret-high-entropy-value`); a key
   * matches when its words end with a name's words (`password` matches `db_password`).
   */
  secretNames?: ListOverride;
  /** Case-insensitive substrings that make a credential-shaped value a placeholder (every `secret-` rule). */
  secretPlaceholders?: ListOverride;
}

/** Secrets leaked in examples, defaults, enums, extensions, descriptions and URLs (OWASP API8). */
export function secretsRules(lists: Lists) {
  const shared = { secretNames: lists.secretNames, secretPlaceholders: lists.secretPlaceholders };
  return {
    'secret-leaked': rule('secret-leaked', {
      owasp: 'API8', severity: 'error',
      description: 'A credential recognised by its format (AWS, GitHub, npm, Slack, Stripe live, Google and SendGrid keys, private keys, signed JWTs, passwords in URLs or HTTP Basic values) in an example, default, enum, const, extension, description or URL.',
      given: ROOT, then: { function: leakedSecrets, functionOptions: { check: 'leaked', ...shared } },
    }),
    'secret-high-entropy-value': rule('secret-high-entropy-value', {
      owasp: 'API8', severity: 'warn',
      description: 'A long, machine-generated-looking example, default, enum or const value of a key named like a secret (password, client_secret, api_key, …).',
      given: ROOT, then: { function: leakedSecrets, functionOptions: { check: 'high-entropy', ...shared } },
    }),
    'secret-test-key': rule('secret-test-key', {
      owasp: 'API8', severity: 'hint',
      description: 'A Stripe test-mode secret or restricted key (`sk_test_`, `rk_test_`) in the description.',
      given: ROOT, then: { function: leakedSecrets, functionOptions: { check: 'test-key', ...shared } },
    }),
  } satisfies RuleDefinitions;
}
