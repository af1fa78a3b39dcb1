import { cacheControlHeader, corsCredentials, hstsHeader } from '../functions/index.js';
import type { Lists } from '../functions/core/defaults.js';
import { PATH_ITEMS, ROOT, rule, type RuleDefinitions } from './rule.js';

/**
 * Response headers (OWASP API8): what responses declare about CORS is judged as declared; the
 * browser security headers (HSTS, Cache-Control) are opt-in, for APIs that browsers call.
 * No list options of its own: the cache rule reads the data rules' dictionaries.
 */
export function headersRules(lists: Lists) {
  const { credentialNames, personalDataNames, taxIdNames } = lists;
  return {
    'cors-credentials-any-origin': rule('cors-credentials-any-origin', {
      owasp: 'API8', severity: 'error',
      description: 'Responses that declare `Access-Control-Allow-Credentials: true` with an `Access-Control-Allow-Origin` that admits any site (`*` or `null` among its values, or prose saying it echoes the request\'s Origin without an allow-list). A `*` origin without credentials is fine for a public API.',
      given: PATH_ITEMS, then: { function: corsCredentials },
    }),
    'headers-hsts-missing': rule('headers-hsts-missing', {
      owasp: 'API8', severity: 'warn', recommended: false,
      description: 'Off by default, for browser-facing APIs: an API served over https whose responses declare headers, none of them `Strict-Transport-Security` (reported once, on the servers).',
      given: ROOT, then: { function: hstsHeader },
    }),
    'headers-cache-control-missing': rule('headers-cache-control-missing', {
      owasp: 'API8', severity: 'warn', recommended: false,
      description: 'Off by default, for browser-facing APIs: successful responses that return credentials or personal data (the data rules\' dictionaries; token endpoints included) without `Cache-Control: no-store` (once per operation).',
      given: PATH_ITEMS, then: { function: cacheControlHeader, functionOptions: { credentialNames, personalDataNames, taxIdNames } },
    }),
  } satisfies RuleDefinitions;
}
