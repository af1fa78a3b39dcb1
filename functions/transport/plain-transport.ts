import { allowedHostCheck, asArray, deref, displayUrl, entries, has, isObject, urlSchemeAndHost, type Analysis, type HostCheck, type JsonObject, type JsonPath, type Operation } from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { MAX_QUOTED_NAME, MAX_QUOTED_URL, redactSecrets } from '../core/message.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt, targetAt } from '../core/targets.js';

export interface PlainTransportOptions {
  /**
   * Hosts that may be reached over plain http:// or ws:// besides loopback (`localhost`,
   * `*.localhost`, `127.x.x.x`, `[::1]`) and the unspecified `0.0.0.0` / `[::]`, always allowed.
   * `*.example.internal` matches every subdomain of example.internal (not example.internal
   * itself). Compared without case; a port written in an entry is ignored.
   */
  transportAllowedHosts: string[];
}

/** Plain-text schemes and the TLS scheme that replaces each (a Map: document values index it, `__proto__` included). */
const SECURE: ReadonlyMap<string, string> = new Map([
  ['http', 'https'],
  ['ws', 'wss'],
]);

/** Longest URL template read, and bounds that keep a server's variable combinations cheap. */
const MAX_TEMPLATE = 2048;
const MAX_VALUES_PER_VARIABLE = 64;
const MAX_PLACES_PER_VALUE = 32;
const MAX_COMBINATIONS = 4096;

/** The plain scheme of an absolute URL whose host is not allowed; undefined otherwise. */
function plainScheme(url: string, allowed: HostCheck): string | undefined {
  const parsed = urlSchemeAndHost(url);
  if (!parsed || !SECURE.has(parsed.scheme) || allowed(parsed.host)) return undefined;
  return parsed.scheme;
}

type Piece = { literal: string } | { variable: string };

/** Splits a server URL template into literal text and `{variable}` references. */
function templatePieces(template: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{([^{}]{0,128})\}/g)) {
    const index = match.index ?? 0;
    if (index > last) pieces.push({ literal: template.slice(last, index) });
    pieces.push({ variable: match[1] });
    last = index + match[0].length;
  }
  if (last < template.length) pieces.push({ literal: template.slice(last) });
  return pieces;
}

interface Candidate {
  value: string;
  /** Where this value is written: the variable's `default` and/or `enum` entries. */
  paths: JsonPath[];
}

/** The values a server variable can take (default and enum, deduplicated), or the reference itself when undefined. */
function variableCandidates(variables: unknown, name: string, serverPath: JsonPath): Candidate[] {
  const definition = has(variables, name) ? (variables as JsonObject)[name] : undefined;
  const candidates: Candidate[] = [];
  const add = (value: unknown, path: JsonPath) => {
    if (typeof value !== 'string') return;
    const known = candidates.find(c => c.value === value);
    if (known) {
      if (known.paths.length < MAX_PLACES_PER_VALUE) known.paths.push(path);
    } else if (candidates.length < MAX_VALUES_PER_VARIABLE) candidates.push({ value, paths: [path] });
  };
  if (isObject(definition)) {
    const base = [...serverPath, 'variables', name];
    add(definition.default, [...base, 'default']);
    asArray(definition.enum).forEach((value, index) => add(value, [...base, 'enum', index]));
  }
  return candidates.length > 0 ? candidates : [{ value: `{${name}}`, paths: [] }];
}

interface ServerVerdict {
  /** The plain scheme is written in the URL itself. */
  url?: string;
  /** Variable values that make the URL plain, by where they are written. */
  values: Map<string, { path: JsonPath; variable: string; value: string; scheme: string }>;
}

/**
 * Substitutes every combination of the server's variable values into its URL template. A
 * combination that yields a plain URL to a host that is not allowed is blamed on the variables
 * that write the scheme (those starting before its `://`), or on the URL when the scheme is
 * written there literally.
 */
function judgeServer(server: JsonObject, serverPath: JsonPath, allowed: HostCheck): ServerVerdict {
  const verdict: ServerVerdict = { values: new Map() };
  const written = String(server.url);
  // A template too long to substitute into is judged as written, whole: cutting it could cut off the `@`
  // that ends a long userinfo and leave `localhost` looking like the host.
  if (written.length > MAX_TEMPLATE) {
    const scheme = plainScheme(written, allowed);
    if (scheme) verdict.url = scheme;
    return verdict;
  }
  const template = written;
  const pieces = templatePieces(template);
  const names = [...new Set(pieces.flatMap(p => ('variable' in p ? [p.variable] : [])))];
  const candidates = new Map(names.map(name => [name, variableCandidates(server.variables, name, serverPath)]));
  const choice = new Map(names.map(name => [name, 0]));

  for (let combination = 0; combination < MAX_COMBINATIONS; combination++) {
    let url = '';
    const starts: Array<{ name: string; start: number }> = [];
    for (const piece of pieces) {
      // Only the scheme and authority are judged, and the authority read is bounded: the rest can go.
      if (url.length > MAX_TEMPLATE + 64) break;
      if ('literal' in piece) url += piece.literal;
      else {
        starts.push({ name: piece.variable, start: url.length });
        url += candidates.get(piece.variable)![choice.get(piece.variable)!].value;
      }
    }
    const scheme = plainScheme(url, allowed);
    if (scheme) {
      const end = url.indexOf('://');
      const writers = starts.filter(s => s.start <= end);
      const blamed = writers.flatMap(w => {
        const candidate = candidates.get(w.name)![choice.get(w.name)!];
        return candidate.paths.map(path => ({ path, variable: w.name, value: candidate.value, scheme }));
      });
      if (blamed.length === 0) verdict.url ??= scheme;
      for (const b of blamed) verdict.values.set(JSON.stringify(b.path), b);
    }
    // Next combination (an odometer over the variables' candidate values).
    let advanced = false;
    for (const name of names) {
      const next = choice.get(name)! + 1;
      if (next < candidates.get(name)!.length) {
        choice.set(name, next);
        advanced = true;
        break;
      }
      choice.set(name, 0);
    }
    if (!advanced) break;
  }
  return verdict;
}

/** A URL or name for a message: credentials masked first (anywhere in it), then userinfo and query dropped and the rest cut. */
function quoted(value: string, max = MAX_QUOTED_NAME): string {
  return `"${displayUrl(redactSecrets(value), max)}"`;
}

/** Server objects in a `servers` array (root, path item or operation), judged one by one. */
function* serverFindings(servers: unknown, base: JsonPath, allowed: HostCheck, scope: Pick<Finding, 'operation' | 'exemptIn'>): Iterable<Finding> {
  const list = asArray(servers);
  for (let index = 0; index < list.length; index++) {
    const server = list[index];
    if (!isObject(server) || typeof server.url !== 'string') continue;
    const path = [...base, index];
    const verdict = judgeServer(server, path, allowed);
    if (verdict.url) {
      yield {
        message: `Server URL ${quoted(server.url, MAX_QUOTED_URL)} uses plain ${verdict.url}://, so requests and responses cross the network unencrypted: serve the API over ${SECURE.get(verdict.url)}:// only.`,
        path: [...path, 'url'],
        ...scope,
      };
    }
    for (const blamed of verdict.values.values()) {
      yield {
        message: `Server variable ${quoted(blamed.variable)} offers ${quoted(blamed.value)}, which makes ${quoted(server.url, MAX_QUOTED_URL)} a plain ${blamed.scheme}:// URL that sends traffic unencrypted: remove that value and offer only ${SECURE.get(blamed.scheme)}://.`,
        path: blamed.path,
        ...scope,
      };
    }
  }
}

/** Swagger 2.0 `schemes` (root or operation): `http` and `ws` entries, unless `host` is allowed. */
function* schemesFindings(analysis: Analysis, schemes: unknown, base: JsonPath, allowed: HostCheck, operation?: Operation): Iterable<Finding> {
  const rawHost = analysis.root.host;
  // Without `host` the API is served from the host serving this description: in a published
  // description that is a real network host, so a declared plain scheme is judged against it.
  const host = typeof rawHost === 'string' && rawHost.trim().length > 0 ? urlSchemeAndHost(`x://${rawHost.trim()}`)?.host : undefined;
  if (host !== undefined && allowed(host)) return;
  const where = host !== undefined ? `host ${quoted(host)}` : 'the host serving this description (no `host` is set)';
  const list = asArray(schemes);
  for (let index = 0; index < list.length; index++) {
    const value = list[index];
    if (typeof value !== 'string') continue;
    const scheme = value.trim().toLowerCase();
    if (!SECURE.has(scheme)) continue;
    yield {
      message: `\`schemes\` offers plain ${scheme} to ${where}, so requests and responses can cross the network unencrypted: drop "${scheme}" from \`schemes\` and serve the API over ${SECURE.get(scheme)} only.`,
      path: [...base, index],
      operation,
    };
  }
}

/** Callback keys that are literal plain URLs (not runtime expressions such as `{$request.body#/callbackUrl}`). */
function* callbackFindings(analysis: Analysis, operation: Operation, allowed: HostCheck): Iterable<Finding> {
  for (const [name, raw] of entries(operation.node.callbacks)) {
    const callback = deref(analysis.root, raw, [...operation.path, 'callbacks', name]);
    for (const [expression] of entries(callback.node)) {
      const scheme = plainScheme(expression, allowed);
      if (!scheme) continue;
      yield {
        message: `Callback URL ${quoted(expression, MAX_QUOTED_URL)} uses plain ${scheme}://, so the API would send callback requests unencrypted: use ${SECURE.get(scheme)}:// instead.`,
        path: [...callback.path, expression],
        operation,
      };
    }
  }
}

/**
 * Plain-text transport (OWASP API8): http:// and ws:// servers at every level (with their
 * variables substituted), Swagger 2.0 `schemes`, and literal callback and webhook URLs.
 * Loopback hosts and the hosts in `allowedHosts` are not reported.
 */
export const plainTransport = analysisFunction<PlainTransportOptions>(
  'plainTransport',
  objectOptions({ transportAllowedHosts: stringList('Hosts besides loopback that may be reached over plain http/ws; `*.example.internal` matches subdomains.') }),
  defaultLists('transportAllowedHosts'),
  function* ({ analysis, options, target, path }): Iterable<Finding> {
    const allowed = allowedHostCheck(options.transportAllowedHosts);
    const { version } = analysis;
    const oas3 = version === '3.0' || version === '3.1';
    const at = targetAt(path);
    if (at.kind === 'servers') {
      if (oas3) yield* serverFindings(target, ['servers'], allowed, {});
      return;
    }
    if (at.kind === 'schemes') {
      if (version === '2.0') yield* schemesFindings(analysis, target, ['schemes'], allowed);
      return;
    }
    if (at.kind !== 'path-item' || at.key.startsWith('x-')) return;
    const key = at.key;
    const webhook = at.container === 'webhooks';
    if (webhook && version !== '3.1') return;
    const item = deref(analysis.root, target, path);
    const pathItem = isObject(item.node) ? item.node : undefined;

    if (oas3 && pathItem) yield* serverFindings(pathItem.servers, [...item.path, 'servers'], allowed, { exemptIn: pathItem });
    if (webhook) {
      // A webhook's key is a name, and the receiver's URL is registered out of band; a key written
      // as a literal plain URL still tells readers where the API sends its requests.
      const scheme = plainScheme(key, allowed);
      if (scheme) {
        yield {
          message: `Webhook ${quoted(key, MAX_QUOTED_URL)} is named by a plain ${scheme}:// URL, so the API would send its requests unencrypted: use ${SECURE.get(scheme)}:// instead.`,
          path: [...path],
          exemptIn: pathItem,
        };
      }
    }
    for (const operation of operationsAt(analysis, path)) {
      if (version === '2.0') {
        yield* schemesFindings(analysis, operation.node.schemes, [...operation.path, 'schemes'], allowed, operation);
      } else if (oas3) {
        yield* serverFindings(operation.node.servers, [...operation.path, 'servers'], allowed, { operation });
        yield* callbackFindings(analysis, operation, allowed);
      }
    }
  },
);
