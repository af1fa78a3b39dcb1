import type { SecurityScheme } from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { schemeAt } from '../core/targets.js';

export interface SecuritySchemeStrengthOptions {
  /**
   * `weak-scheme`: HTTP schemes that send reusable or weakly protected credentials;
   * `apikey-in-url`: API keys carried in the query or path;
   * `deprecated-flow`: OAuth2 flows the OAuth 2.0 Security BCP (RFC 9700) deprecates.
   */
  check: 'weak-scheme' | 'apikey-in-url' | 'deprecated-flow';
  /** Lower-case HTTP authentication schemes treated as weak. */
  weakHttpSchemes: string[];
  /** OAuth2 flow names treated as deprecated (3.x names and their Swagger 2.0 equivalents). */
  deprecatedOAuthFlows: string[];
}

// Maps, not objects: the keys looked up come from the document and the user's options (`constructor`, `__proto__`…).
const WHY: ReadonlyMap<string, string> = new Map(Object.entries({
  basic: 'HTTP Basic sends a reusable password with every request',
  digest: 'HTTP Digest relies on MD5 and shared passwords',
  negotiate: 'Negotiate falls back to NTLM, which is open to relay and cracking attacks',
  ntlm: 'NTLM is open to relay and cracking attacks',
  oauth: 'OAuth 1.0 is superseded by OAuth 2.0',
}));

const FLOW_WHY: ReadonlyMap<string, string> = new Map(Object.entries({
  implicit: 'the implicit flow returns tokens in the redirect URL, where they leak (RFC 9700 §2.1.2)',
  password: 'the resource owner password flow hands the user\'s password to the client (RFC 9700 §2.4)',
}));

function weakHttpScheme(scheme: SecurityScheme, weak: Set<string>): string | undefined {
  if (scheme.type === 'basic') return weak.has('basic') ? 'basic' : undefined;
  if (scheme.type === 'http' && scheme.httpScheme && weak.has(scheme.httpScheme)) return scheme.httpScheme;
  return undefined;
}

/** Given one security scheme (`$.components.securitySchemes[*]` or `$.securityDefinitions[*]`). */
export const securitySchemeStrength = analysisFunction<SecuritySchemeStrengthOptions>(
  'securitySchemeStrength',
  objectOptions({
    check: { enum: ['weak-scheme', 'apikey-in-url', 'deprecated-flow'] },
    weakHttpSchemes: stringList('HTTP authentication schemes (case-insensitive) to report as weak.'),
    deprecatedOAuthFlows: stringList('OAuth2 flow names to report as deprecated.'),
  }),
  { check: 'weak-scheme', ...defaultLists('weakHttpSchemes', 'deprecatedOAuthFlows') },
  function* ({ analysis, options, path }): Iterable<Finding> {
    const scheme = schemeAt(analysis, path);
    if (!scheme) return;
    if (options.check === 'weak-scheme') {
      const weak = weakHttpScheme(scheme, new Set(options.weakHttpSchemes.map(s => s.toLowerCase())));
      if (weak === undefined) return;
      const where = scheme.type === 'basic' ? [...scheme.path, 'type'] : [...scheme.path, 'scheme'];
      yield {
        message: `Security scheme ${quote(scheme.name)} uses ${weak === 'oauth' ? 'OAuth 1.0' : `HTTP ${weak}`}: ${WHY.get(weak) ?? 'it is weak'}; use OAuth 2.0 or OpenID Connect, or short-lived bearer tokens.`,
        path: where,
        exemptIn: scheme.node,
      };
    } else if (options.check === 'apikey-in-url') {
      const location = typeof scheme.node.in === 'string' ? scheme.node.in.toLowerCase() : '';
      if (scheme.type !== 'apikey' || (location !== 'query' && location !== 'path')) return;
      yield {
        message: `API key ${quote(scheme.name)} is sent in the ${location}, where proxies, logs and browser history keep it: send it in a header (\`in: header\`) instead.`,
        path: [...scheme.path, 'in'],
        exemptIn: scheme.node,
      };
    } else {
      const deprecated = new Set(options.deprecatedOAuthFlows.map(f => f.toLowerCase()));
      for (const flow of scheme.flows) {
        const flowName = flow.name.toLowerCase();
        if (!deprecated.has(flowName)) continue;
        yield {
          message: `OAuth2 scheme ${quote(scheme.name)} offers the ${flowName} flow: ${FLOW_WHY.get(flowName) ?? 'it is deprecated'}; use the authorization code flow with PKCE (or client credentials between services).`,
          path: analysis.version === '2.0' ? [...flow.path, 'flow'] : flow.path,
          exemptIn: scheme.node,
        };
      }
    }
  },
);
