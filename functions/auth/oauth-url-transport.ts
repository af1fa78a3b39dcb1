import { isLoopbackHost, urlSchemeAndHost } from '../analysis/index.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, type Finding } from '../core/rule-function.js';
import { schemeAt } from '../core/targets.js';

const URL_FIELDS = ['authorizationUrl', 'tokenUrl', 'refreshUrl'];

/** Given one security scheme: OAuth2 endpoints and OpenID Connect discovery must be fetched over TLS. */
export const oauthUrlTransport = analysisFunction<Record<string, never>>(
  'oauthUrlTransport',
  objectOptions({}),
  {},
  function* ({ analysis, path }): Iterable<Finding> {
    const scheme = schemeAt(analysis, path);
    if (!scheme) return;
    const candidates: Array<{ value: unknown; path: typeof path; field: string }> = [];
    if (scheme.type === 'openidconnect') candidates.push({ value: scheme.node.openIdConnectUrl, path: [...scheme.path, 'openIdConnectUrl'], field: 'openIdConnectUrl' });
    for (const flow of scheme.flows) {
      for (const field of URL_FIELDS) candidates.push({ value: flow.node[field], path: [...flow.path, field], field });
    }
    for (const candidate of candidates) {
      const url = urlSchemeAndHost(candidate.value);
      if (!url || url.scheme === 'https' || isLoopbackHost(url.host)) continue;
      yield {
        message: `\`${candidate.field}\` of ${quote(scheme.name)} uses ${url.scheme}://: tokens and codes would cross the network unencrypted; use an https:// URL.`,
        path: candidate.path,
        exemptIn: scheme.node,
      };
    }
  },
);
