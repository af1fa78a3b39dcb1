import { deref, entries, isObject, asArray, type JsonObject, type JsonPath } from './json.js';
import type { SpecVersion } from './spec.js';

export interface SecurityFlow {
  /** implicit, password, clientCredentials, authorizationCode (3.x); implicit, password, application, accessCode (2.0). */
  name: string;
  node: JsonObject;
  path: JsonPath;
  scopes: ReadonlySet<string>;
}

export interface SecurityScheme {
  name: string;
  node: JsonObject;
  path: JsonPath;
  /** Lower-cased `type`: apikey, http, oauth2, openidconnect, mutualtls, basic (2.0). */
  type: string;
  /** Lower-cased HTTP auth scheme for `type: http`. */
  httpScheme?: string;
  flows: SecurityFlow[];
  /**
   * Entries that `$ref` one definition share it; only one of them reports findings on it:
   * the entry written in place when there is one, else the first that references it.
   */
  reportsDefinition: boolean;
}

export interface RequirementEntry {
  scheme: string;
  scopes: string[];
  /** Where this scheme's name is written inside the requirement object. */
  path: JsonPath;
}

export interface Requirement {
  entries: RequirementEntry[];
  path: JsonPath;
}

export type SecurityState =
  /** At least one scheme must be satisfied. */
  | 'required'
  /** An empty requirement `{}` is one of the alternatives: a caller may send nothing. */
  | 'optional'
  /** `security: []` written on purpose. */
  | 'public'
  /** No security at the operation or the root. */
  | 'none';

export interface EffectiveSecurity {
  state: SecurityState;
  source: 'operation' | 'root' | 'none';
  requirements: Requirement[];
  /** Where the governing `security` array is written; undefined when there is none. */
  path?: JsonPath;
}

function lower(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase() : '';
}

function scopeNames(scopes: unknown): Set<string> {
  return new Set(entries(scopes).map(([name]) => name));
}

export function collectSecuritySchemes(root: JsonObject, version: SpecVersion): Map<string, SecurityScheme> {
  const schemes = new Map<string, SecurityScheme>();
  const containerPath: JsonPath = version === '2.0' ? ['securityDefinitions'] : ['components', 'securitySchemes'];
  const container = version === '2.0' ? root.securityDefinitions : isObject(root.components) ? root.components.securitySchemes : undefined;
  for (const [name, raw] of entries(container)) {
    const { node, path } = deref(root, raw, [...containerPath, name]);
    if (!isObject(node)) continue;
    const type = lower(node.type);
    const flows: SecurityFlow[] = [];
    if (type === 'oauth2') {
      if (version === '2.0') {
        flows.push({ name: typeof node.flow === 'string' ? node.flow : '', node, path, scopes: scopeNames(node.scopes) });
      } else {
        for (const [flowName, flow] of entries(node.flows)) {
          if (isObject(flow)) flows.push({ name: flowName, node: flow, path: [...path, 'flows', flowName], scopes: scopeNames(flow.scopes) });
        }
      }
    }
    schemes.set(name, { name, node, path, type, httpScheme: type === 'http' ? lower(node.scheme) : undefined, flows, reportsDefinition: false });
  }
  const reporters = new Map<JsonObject, SecurityScheme>();
  for (const scheme of schemes.values()) {
    const current = reporters.get(scheme.node);
    const inPlace = scheme.path.length === containerPath.length + 1 && scheme.path[scheme.path.length - 1] === scheme.name && containerPath.every((s, i) => scheme.path[i] === s);
    if (!current || inPlace) reporters.set(scheme.node, scheme);
  }
  for (const scheme of reporters.values()) scheme.reportsDefinition = true;
  return schemes;
}

export function parseRequirements(value: unknown, path: JsonPath): Requirement[] {
  const requirements: Requirement[] = [];
  asArray(value).forEach((item, index) => {
    if (!isObject(item)) return;
    const reqPath = [...path, index];
    requirements.push({
      path: reqPath,
      entries: entries(item).map(([scheme, scopes]) => ({
        scheme,
        scopes: asArray(scopes).filter((s): s is string => typeof s === 'string'),
        path: [...reqPath, scheme],
      })),
    });
  });
  return requirements;
}

/** Applies the override rule: an operation's own `security` (even `[]`) replaces the root's. */
export function effectiveSecurity(root: JsonObject, operation: JsonObject, operationPath: JsonPath): EffectiveSecurity {
  let source: EffectiveSecurity['source'];
  let path: JsonPath;
  let raw: unknown;
  if (Array.isArray(operation.security)) {
    source = 'operation';
    path = [...operationPath, 'security'];
    raw = operation.security;
  } else if (Array.isArray(root.security)) {
    source = 'root';
    path = ['security'];
    raw = root.security;
  } else {
    return { state: 'none', source: 'none', requirements: [] };
  }
  const requirements = parseRequirements(raw, path);
  let state: SecurityState;
  if ((raw as unknown[]).length === 0) state = 'public';
  else if (requirements.some(r => r.entries.length === 0)) state = 'optional';
  else if (requirements.length === 0) state = 'none';
  else state = 'required';
  return { state, source, requirements, path };
}

/** A stable text for a set of alternatives, so two operations can be compared for "accepts exactly the same callers". */
export function requirementsSignature(requirements: readonly Requirement[]): string {
  return requirements
    .map(r =>
      r.entries
        .map(e => `${e.scheme}(${[...new Set(e.scopes)].sort().join(' ')})`)
        .sort()
        .join('+'),
    )
    .sort()
    .join(' | ');
}

/** Paths of the OAuth2 token URLs the description declares, lower case, without a trailing slash. */
export function tokenUrlPaths(schemes: ReadonlyMap<string, SecurityScheme>): string[] {
  const out: string[] = [];
  for (const scheme of schemes.values()) {
    for (const flow of scheme.flows) {
      const url = flow.node.tokenUrl;
      if (typeof url !== 'string') continue;
      // The lookbehind starts the match only at the first slash of a run: linear on hostile input (`/+$` alone is quadratic).
      const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0].replace(/(?<!\/)\/+$/, '').toLowerCase();
      if (path.length > 0) out.push(path);
    }
  }
  return out;
}

/** A path of the description's own token URLs (their paths may include the server's base path), or a path ending in `/token`. */
export function isTokenEndpoint(pathKey: string, tokenPaths: readonly string[]): boolean {
  // The lookbehind starts the match only at the first slash of a run: linear on hostile keys (`/+$` alone is quadratic).
  const path = pathKey.replace(/(?<!\/)\/+$/, '').toLowerCase();
  return /(^|\/)token$/.test(path) || (path.length > 1 && tokenPaths.some(tokenPath => tokenPath.endsWith(path)));
}
