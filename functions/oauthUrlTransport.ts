import { analysisFunction, objectOptions, type Finding } from './rule-function.js';
import { schemeAt } from './securitySchemeStrength.js';

const URL_FIELDS = ['authorizationUrl', 'tokenUrl', 'refreshUrl'];

/** Loopback hosts are where developers run identity providers locally; TLS there protects nothing. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '[::1]' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The scheme and host of an absolute URL; undefined for relative URLs and non-strings. */
export function urlSchemeAndHost(value: unknown): { scheme: string; host: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^([A-Za-z][A-Za-z0-9+.-]{0,30}):\/\/([^/?#]{0,2048})/.exec(value.trim());
  if (!match) return undefined;
  const authority = match[2].slice(match[2].lastIndexOf('@') + 1);
  const host = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.split(':')[0];
  return { scheme: match[1].toLowerCase(), host };
}

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
        message: `\`${candidate.field}\` of "${scheme.name}" uses ${url.scheme}://: tokens and codes would cross the network unencrypted; use an https:// URL.`,
        path: candidate.path,
        exemptIn: scheme.node,
      };
    }
  },
);
