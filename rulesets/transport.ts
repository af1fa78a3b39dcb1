import { plainTransport } from '../functions/index.js';
import type { Lists } from '../functions/core/defaults.js';
import type { ListOverride } from './options.js';
import { rule, TRANSPORT_POSITIONS, type RuleDefinitions } from './rule.js';

/** Options of this family for `createRuleset`; every field optional. */
export interface TransportOptions {
  /**
   * Hosts, besides loopback, that may be served over plain http:// or ws:// (`transport-plain-http`);
   * `*.example.internal` matches every subdomain. None by default.
   */
  transportAllowedHosts?: ListOverride;
}

/** Plain-text transport (OWASP API8). */
export function transportRules(lists: Lists) {
  return {
    'transport-plain-http': rule('transport-plain-http', {
      owasp: 'API8', severity: 'error',
      description: 'Servers (root, path item, operation, with their variables), Swagger 2.0 `schemes`, and literal callback and webhook URLs that use plain http:// or ws:// (loopback hosts excepted).',
      given: TRANSPORT_POSITIONS,
      then: { function: plainTransport, functionOptions: { transportAllowedHosts: lists.transportAllowedHosts } },
    }),
  } satisfies RuleDefinitions;
}
