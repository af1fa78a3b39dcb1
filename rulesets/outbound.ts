import { urlInputsUnrestricted, webhookPlainHttp, webhookVerification } from '../functions/index.js';
import type { Lists } from '../functions/core/defaults.js';
import type { ListOverride } from './options.js';
import { ALL_FORMATS, ROOT, rule, type RuleDefinitions } from './rule.js';

/** Options of the outbound family (SSRF, open redirects, webhooks) for `createRuleset`; every field optional. */
export interface OutboundOptions {
  /** Words that make a request input's URL one the server fetches: callback, webhook, image, import… (`ssrf-url-input-unrestricted`, `webhook-url-plain-http`). */
  outboundUrlNames?: ListOverride;
  /** Names of request inputs that say where to send the user's browser: redirect, return_to, success_url… (`ssrf-redirect-target-unrestricted`). */
  redirectTargetNames?: ListOverride;
  /** Header parameters that document how a webhook or callback is verified (`webhook-verification-undocumented`). */
  webhookSignatureHeaders?: ListOverride;
}

/** Requests the API makes or makes others make: SSRF and open redirects (OWASP API7), webhooks and callbacks (API10). */
export function outboundRules(lists: Lists) {
  const { outboundUrlNames, redirectTargetNames, webhookSignatureHeaders, transportAllowedHosts } = lists;
  const urls = { outboundUrlNames, redirectTargetNames };
  return {
    'ssrf-url-input-unrestricted': rule('ssrf-url-input-unrestricted', {
      owasp: 'API7', severity: 'warn', formats: ALL_FORMATS,
      description: 'Request inputs that carry a URL the server fetches (callbacks, webhooks, images, feeds, imports, a bare `url` sent to a fetching operation) need an `enum`, a `pattern` pinned to a host, or a documented allow-list (`x-allowed-hosts`).',
      given: ROOT, then: { function: urlInputsUnrestricted, functionOptions: { role: 'fetched', ...urls } },
    }),
    'ssrf-redirect-target-unrestricted': rule('ssrf-redirect-target-unrestricted', {
      owasp: 'API7', severity: 'warn', formats: ALL_FORMATS,
      description: 'Request inputs that name where to redirect the user (`redirect_uri`, `return_to`, `success_url`, a URL `next`) need an `enum`, a `pattern` pinned to a host or a same-site path, or a documented allow-list (`x-allowed-hosts`).',
      given: ROOT, then: { function: urlInputsUnrestricted, functionOptions: { role: 'redirect', ...urls } },
    }),
    'webhook-verification-undocumented': rule('webhook-verification-undocumented', {
      owasp: 'API10', severity: 'warn', formats: ALL_FORMATS,
      description: 'Webhooks (3.1 `webhooks`, `x-webhooks`), callbacks and operations that receive webhooks need a documented way to verify them: a signature header, a security requirement, or a description of the signature check.',
      given: ROOT, then: { function: webhookVerification, functionOptions: { webhookSignatureHeaders } },
    }),
    'webhook-url-plain-http': rule('webhook-url-plain-http', {
      owasp: 'API10', severity: 'warn', formats: ALL_FORMATS,
      description: 'Callback and webhook URL inputs whose example, default or allowed values are plain `http://` URLs (loopback excepted): the API would send its callbacks unencrypted.',
      given: ROOT, then: { function: webhookPlainHttp, functionOptions: { ...urls, transportAllowedHosts } },
    }),
  } satisfies RuleDefinitions;
}
