// Credentials a description takes as plain parameters instead of a security scheme: an API key in
// an `X-Api-Key` header, a session cookie, an `Authorization` header, an `access_token` in the
// query. The operation does authenticate its callers; the description hides how from every tool
// that reads security schemes (gateways, SDK generators, scanners, and the rules of this ruleset).

import { isObject } from './json.js';
import { compact, compactSet, words } from './names.js';
import type { Operation, Parameter } from './operations.js';
import type { SecurityScheme } from './security.js';
import type { SpecVersion } from './spec.js';

/**
 * The last words of a listed name that may follow a vendor's prefix: `X-RapidAPI-Key` and
 * `Ocp-Apim-Subscription-Key` end with a listed API key, `X-Shopify-Access-Token` with a listed
 * token. Only names of two words or more: a bare `token` or `key` after a prefix is as often a
 * CAPTCHA answer, a device token or an idempotency key as a credential.
 */
const SECRET_LAST_WORDS: ReadonlySet<string> = new Set(['key', 'token', 'secret']);
/** Frameworks name their session cookie after the application: `laravel_session`, `_myapp_session`. */
const SESSION_WORD = 'session';
/** Anti-forgery tokens prove where a request comes from, not who sends it. */
const ANTI_FORGERY_WORDS: ReadonlySet<string> = new Set(['csrf', 'xsrf']);

/** Header or cookie names that carry credentials, compiled from the word lists. */
export interface CompiledCredentialNames {
  /** Whole names, compacted, a leading `X-` dropped. */
  whole: ReadonlySet<string>;
  /** Listed names a prefix may precede (see SECRET_LAST_WORDS; for cookies, also names ending in `session`). */
  prefixable: ReadonlySet<string>;
}

/** The names the credential parameters of an operation are told by, per location. */
export interface CredentialParameterNames {
  /** `credentialParameterNames`: query parameters (compared compacted). */
  query: ReadonlySet<string>;
  /** `credentialHeaderNames`. */
  header: CompiledCredentialNames;
  /** `credentialHeaderNames` and `sessionCookieNames`. */
  cookie: CompiledCredentialNames;
}

/** The words of a header or cookie name without a leading `X-` (`X-Api-Key` and `Api-Key` are the same credential). */
function headerWords(name: string): readonly string[] {
  const list = words(name);
  return list.length > 1 && list[0] === 'x' ? list.slice(1) : list;
}

function compile(names: readonly string[], cookies: boolean): CompiledCredentialNames {
  const whole = new Set<string>();
  const prefixable = new Set<string>();
  for (const name of names) {
    if (typeof name !== 'string') continue;
    const list = headerWords(name);
    if (list.length === 0) continue;
    const last = list[list.length - 1];
    whole.add(list.join(''));
    if ((list.length > 1 && SECRET_LAST_WORDS.has(last)) || (cookies && last === SESSION_WORD)) prefixable.add(list.join(''));
  }
  return { whole, prefixable };
}

/** Compiled once per set of lists: the rule table hands every call of a rule the same arrays. */
const compiled = new WeakMap<readonly string[], WeakMap<readonly string[], WeakMap<readonly string[], CredentialParameterNames>>>();

function cachedOn<K extends object, V>(map: WeakMap<K, V>, key: K, build: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = build()));
  return value;
}

export function credentialParameterNames(query: readonly string[], header: readonly string[], sessionCookies: readonly string[]): CredentialParameterNames {
  const byHeader = cachedOn(compiled, query, () => new WeakMap());
  const byCookie = cachedOn(byHeader, header, () => new WeakMap());
  return cachedOn(byCookie, sessionCookies, () => ({
    query: compactSet(query),
    header: compile(header, false),
    cookie: compile([...header, ...sessionCookies], true),
  }));
}

/** The `Authorization` header, which `auth-authorization-header-parameter` reports on its own. */
export function isAuthorizationHeader(parameter: Parameter): boolean {
  return parameter.in === 'header' && compact(parameter.name) === 'authorization';
}

/**
 * Whether a header or cookie name carries a credential: a listed name (a leading `X-` ignored),
 * or a prefixed listed name of two words or more ending in key, token or secret (`X-RapidAPI-Key`),
 * or for cookies a prefixed listed name ending in `session` (`laravel_session`).
 */
export function isCredentialName(name: string, names: CompiledCredentialNames): boolean {
  const list = headerWords(name);
  if (list.length === 0 || list.length > 12 || list.some(word => ANTI_FORGERY_WORDS.has(word))) return false;
  if (names.whole.has(list.join(''))) return true;
  for (let start = 1; start < list.length; start++) {
    if (names.prefixable.has(list.slice(start).join(''))) return true;
  }
  return false;
}

/**
 * The API key scheme a parameter repeats (same location, same name ignoring case and
 * separators): Swagger generators often echo the scheme as a parameter, and the scheme already
 * says how callers authenticate.
 */
export function echoedApiKeyScheme(schemes: ReadonlyMap<string, SecurityScheme>, parameter: Parameter): SecurityScheme | undefined {
  const name = compact(parameter.name);
  for (const scheme of schemes.values()) {
    if (scheme.type !== 'apikey' || !isObject(scheme.node)) continue;
    const { in: where, name: schemeName } = scheme.node;
    if (typeof where === 'string' && where.toLowerCase() === parameter.in && typeof schemeName === 'string' && compact(schemeName) === name) return scheme;
  }
  return undefined;
}

/** Header and cookie parameters that carry a credential (the `Authorization` header included); cookies do not exist in Swagger 2.0. */
export function isCredentialHeader(parameter: Parameter, names: CredentialParameterNames, version: SpecVersion): boolean {
  if (parameter.in === 'header') return isAuthorizationHeader(parameter) || isCredentialName(parameter.name, names.header);
  return parameter.in === 'cookie' && version !== '2.0' && isCredentialName(parameter.name, names.cookie);
}

/**
 * The parameters through which an operation takes a credential: headers and cookies named like
 * one, and required query parameters named like one (`auth-credentials-in-url` reports those). An
 * optional query credential is as often a second token the operation takes (GitHub's package
 * `token` on a restore) as the caller's own.
 */
export function credentialParametersOf(operation: Operation, names: CredentialParameterNames, version: SpecVersion): Parameter[] {
  return operation.parameters.filter(parameter =>
    parameter.in === 'query' ? parameter.node.required === true && names.query.has(compact(parameter.name)) : isCredentialHeader(parameter, names, version),
  );
}

/** The schemes an operation's effective security names, in any alternative. */
export function appliedSchemes(operation: Operation): Set<string> {
  return new Set(operation.security.requirements.flatMap(requirement => requirement.entries.map(entry => entry.scheme)));
}

export interface ParameterCredentialContext {
  names: CredentialParameterNames;
  version: SpecVersion;
  schemes: ReadonlyMap<string, SecurityScheme>;
}

/**
 * The credential parameter that authenticates an operation whatever its security says: a
 * required one (an optional credential leaves the operation open to anonymous callers), that is
 * not the echo of a scheme the operation's security already names (then that security, `{}`
 * included, says who may call).
 */
export function authenticatingParameter(operation: Operation, context: ParameterCredentialContext): Parameter | undefined {
  const applied = appliedSchemes(operation);
  return credentialParametersOf(operation, context.names, context.version).find(parameter => {
    if (parameter.node.required !== true) return false;
    const echoed = echoedApiKeyScheme(context.schemes, parameter);
    return !(echoed && applied.has(echoed.name));
  });
}

/** The security scheme that would describe a credential parameter as it is sent, for messages (`name`: the name as the message may show it). */
export function schemeToDeclare(parameter: Parameter, name: string, version: SpecVersion): string {
  if (isAuthorizationHeader(parameter)) {
    return version === '2.0' ? `\`type: apiKey\`, \`in: header\`, \`name: Authorization\`` : '`type: http` with the scheme it carries (`scheme: bearer`, …)';
  }
  // An API key scheme in the query is `auth-apikey-in-url`'s flaw: the scheme to declare moves it to a header.
  if (parameter.in === 'query') return `\`type: apiKey\`, \`in: header\` (a header, not the query)`;
  const apiKey = `\`type: apiKey\`, \`in: ${parameter.in}\`, \`name: ${name}\``;
  const last = words(parameter.name).at(-1);
  const bearer = parameter.in === 'header' && version !== '2.0' && (last === 'token' || last === 'jwt');
  return bearer ? `${apiKey}; or \`type: http\`, \`scheme: bearer\` with the token moved to \`Authorization: Bearer\`` : apiKey;
}
