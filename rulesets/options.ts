/** A list option: the defaults, plus `add`, minus `remove` (compared case-insensitively). */
export interface ListOverride {
  add?: string[];
  remove?: string[];
}

/** Options of the authentication and authorization family. */
export interface AuthOptions {
  /** Query/path parameter names treated as credentials (`auth-credentials-in-url`). */
  credentialParameterNames?: ListOverride;
  /** Words marking a path segment or tag as administrative (`auth-admin-operation-shared-security`). */
  adminMarkers?: ListOverride;
  /** Final words of a path parameter name that make it an object id (`auth-object-id-guessable`). */
  idWords?: ListOverride;
  /** HTTP schemes reported as weak (`auth-scheme-weak`). */
  weakHttpSchemes?: ListOverride;
  /** OAuth2 flows reported as deprecated (`auth-oauth2-flow-deprecated`). */
  deprecatedOAuthFlows?: ListOverride;
  /** Read methods that must be protected (`auth-read-operation-unprotected`, `auth-read-operation-public`). */
  readMethods?: ListOverride;
  /** Write methods that must be protected (`auth-write-operation-unprotected`). */
  writeMethods?: ListOverride;
  /** Response keys that count as documenting 401/403 (`auth-unauthorized-response-undocumented`). */
  unauthorizedResponseKeys?: ListOverride;
}

export function applyOverride(defaults: readonly string[], override: ListOverride | undefined): string[] {
  if (!override) return [...defaults];
  const removed = new Set((override.remove ?? []).map(v => String(v).toLowerCase()));
  const out = defaults.filter(v => !removed.has(v.toLowerCase()));
  for (const value of override.add ?? []) {
    if (typeof value === 'string' && !out.some(v => v.toLowerCase() === value.toLowerCase())) out.push(value);
  }
  return out;
}
