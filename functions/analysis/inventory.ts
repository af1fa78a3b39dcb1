// What a description says about its own inventory (OWASP API9): which environments its servers
// are, which parts are marked internal, whether it names a version. Shared by the inventory rules.
// Nothing here throws; every regular expression is anchored or bounded and linear in its input.

import { asArray, deref, entries, has, isObject, type JsonObject, type JsonPath } from './json.js';
import { words } from './names.js';
import type { Operation } from './operations.js';
import type { SpecVersion } from './spec.js';
import { urlSchemeAndHost } from './urls.js';

// ---------------------------------------------------------------------------------------------
// Internal markers

/**
 * One internal marker: `x-internal` (the extension is `true` or `"true"`) or
 * `x-audience=company-internal` (the extension's string value, compared without case).
 */
interface Marker {
  key: string;
  value?: string;
}

export type MarkerMatcher = (node: unknown) => { key: string; value: unknown } | undefined;

/** Parses the `internalMarkers` option once: `x-internal`, `x-audience=company-internal`. */
export function internalMarkerMatcher(markers: readonly string[]): MarkerMatcher {
  const parsed: Marker[] = [];
  for (const entry of markers) {
    if (typeof entry !== 'string') continue;
    const at = entry.indexOf('=');
    const key = (at < 0 ? entry : entry.slice(0, at)).trim().toLowerCase();
    if (!key.startsWith('x-')) continue;
    parsed.push(at < 0 ? { key } : { key, value: entry.slice(at + 1).trim().toLowerCase() });
  }
  return node => {
    if (!isObject(node)) return undefined;
    for (const [rawKey, value] of Object.entries(node)) {
      if (!rawKey.startsWith('x-') && !rawKey.startsWith('X-')) continue;
      const key = rawKey.toLowerCase();
      for (const marker of parsed) {
        if (marker.key !== key) continue;
        if (marker.value === undefined ? value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true') : typeof value === 'string' && value.trim().toLowerCase() === marker.value) {
          return { key: rawKey, value };
        }
      }
    }
    return undefined;
  };
}

/**
 * The description itself says it is for internal use (the root or `info` carries an internal
 * marker: `x-internal: true`, `info.x-audience: company-internal`): nothing in it is published.
 */
export function documentMarkedInternal(root: JsonObject, isInternal: MarkerMatcher): boolean {
  return isInternal(root) !== undefined || isInternal(root.info) !== undefined;
}

/** Prose that names an audience outside the organisation: a sandbox "for customers", "to test your integration". */
const EXTERNAL_AUDIENCE = /\b(?:public|publicly|customers?|partners?|third[- ]part(?:y|ies)|external|anyone|everyone|your (?:integration|integrations|application|applications|app|apps|code|client))\b/i;
const INTERNAL_AUDIENCE = /\b(?:internal|internally|employees?|staff|private|team only|not public)\b/i;

/**
 * An audience named only to be excluded ("Not for customer use", "no external access", "not
 * available to partners", "non-public"): it says who may not use the server, so it is no audience.
 * A few linking words may stand between the negation and the audience, none of them a verb that
 * could start another clause ("No sign-up needed for partners" keeps its audience); a list of
 * audiences is excluded as a whole ("not available to partners or customers").
 */
const NEGATED_AUDIENCE = /\b(?:not|no|never|nor|without|non)[- ](?:(?:for|to|by|with|the|our|any|use|usage|access|available|accessible|open|intended|meant|exposed|shared|be|used|visible|allowed|suitable|of|in) ){0,4}(?:public|publicly|customers?|partners?|third[- ]part(?:y|ies)|external|anyone|everyone)(?:,? (?:or |and |nor )?(?:public|publicly|customers?|partners?|third[- ]part(?:y|ies)|external|anyone|everyone)){0,3}\b/gi;

/**
 * A server whose own description says it is offered outside the organisation (`Public sandbox for
 * testing your integration`): a test environment published on purpose, which is the audience
 * marker written in prose.
 */
export function describedAsExternal(server: JsonObject): boolean {
  const text = typeof server.description === 'string' ? server.description.slice(0, 2000).replace(NEGATED_AUDIENCE, ' ') : '';
  return EXTERNAL_AUDIENCE.test(text) && !INTERNAL_AUDIENCE.test(text);
}

/** Any `x-audience` value: the team has said who a server is for (`external-public` included). */
export function audienceOf(node: unknown): string | undefined {
  if (!isObject(node)) return undefined;
  for (const [key, value] of Object.entries(node)) {
    if (key.toLowerCase() === 'x-audience' && typeof value === 'string' && value.trim().length > 0) return value.trim();
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Servers and environments

export interface ServerEntry {
  node: JsonObject;
  /** Where the server object is written. */
  path: JsonPath;
  /** The operation whose `servers` (or whose path item's) list holds it, for exemptions. */
  operation?: Operation;
  /** The path item holding it, for its exemptions. */
  pathItem?: JsonObject;
}

/** Every server object of a 3.x description: root, path items and operations (each object once). */
export function serverEntries(root: JsonObject, version: SpecVersion, operations: readonly Operation[]): ServerEntry[] {
  if (version !== '3.0' && version !== '3.1') return [];
  const out: ServerEntry[] = [];
  const seen = new Set<object>();
  const add = (list: unknown, base: JsonPath, scope: Pick<ServerEntry, 'operation' | 'pathItem'>) => {
    asArray(list).forEach((raw, index) => {
      const { node, path } = deref(root, raw, [...base, index]);
      if (!isObject(node) || typeof node.url !== 'string' || seen.has(node)) return;
      seen.add(node);
      out.push({ node, path, ...scope });
    });
  };
  add(root.servers, ['servers'], {});
  const items = new Set<object>();
  for (const op of operations) {
    if (op.container !== 'paths') continue;
    if (!items.has(op.pathItem)) {
      items.add(op.pathItem);
      add(op.pathItem.servers, [...op.pathItemPath, 'servers'], { pathItem: op.pathItem });
    }
    add(op.node.servers, [...op.path, 'servers'], { operation: op, pathItem: op.pathItem });
  }
  return out;
}

/** One URL a server can stand for, and the variable values written into it. */
export interface ServerUrl {
  url: string;
  /** Where each variable value used is written (`variables.env.enum.1`), by variable name. */
  values: Array<{ variable: string; value: string; path: JsonPath }>;
}

const MAX_TEMPLATE = 2048;
const MAX_VALUES_PER_VARIABLE = 32;
const MAX_COMBINATIONS = 256;

/** The URLs a server template stands for: every combination of its variables' default and enum values (bounded). */
export function serverUrls(server: JsonObject, serverPath: JsonPath): ServerUrl[] {
  const template = String(server.url);
  if (template.length > MAX_TEMPLATE) return [{ url: template, values: [] }];
  const names = [...new Set([...template.matchAll(/\{([^{}]{1,128})\}/g)].map(m => m[1]))];
  const choices = names.map(name => {
    const definition = has(server.variables, name) ? (server.variables as JsonObject)[name] : undefined;
    const values: Array<{ value: string; path: JsonPath }> = [];
    if (isObject(definition)) {
      const base = [...serverPath, 'variables', name];
      const add = (value: unknown, path: JsonPath) => {
        if (typeof value === 'number') value = String(value);
        if (typeof value !== 'string' || values.length >= MAX_VALUES_PER_VARIABLE || values.some(v => v.value === value)) return;
        values.push({ value, path });
      };
      add(definition.default, [...base, 'default']);
      asArray(definition.enum).forEach((value, index) => add(value, [...base, 'enum', index]));
    }
    return { name, values };
  });
  const out: ServerUrl[] = [];
  const counters = choices.map(() => 0);
  for (let combination = 0; combination < MAX_COMBINATIONS; combination++) {
    let url = template;
    const used: ServerUrl['values'] = [];
    choices.forEach((choice, i) => {
      const picked = choice.values[counters[i]];
      if (!picked) return;
      url = url.split(`{${choice.name}}`).join(picked.value);
      used.push({ variable: choice.name, value: picked.value, path: picked.path });
    });
    out.push({ url, values: used });
    let advanced = false;
    for (let i = 0; i < choices.length; i++) {
      if (counters[i] + 1 < choices[i].values.length) {
        counters[i]++;
        advanced = true;
        break;
      }
      counters[i] = 0;
    }
    if (!advanced) break;
  }
  return out;
}

/** Top-level domains that never resolve on the public internet (RFC 6761, RFC 8375, and common private ones). */
const PRIVATE_TLDS = new Set(['local', 'internal', 'corp', 'lan', 'localhost', 'test', 'intranet', 'private', 'home', 'localdomain']);

/** Second-level labels under a country code that are part of the public suffix (`example.co.uk`). */
const COUNTRY_SECOND_LEVELS = new Set(['co', 'com', 'net', 'org', 'ac', 'gov', 'edu', 'ne', 'or', 'go', 'gob', 'nic']);

function ipv4(host: string): number[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return undefined;
  const octets = match.slice(1).map(Number);
  return octets.every(o => o <= 255) ? octets : undefined;
}

/** Why a host is not production, or undefined when nothing in it says so. */
export type Environment = { kind: 'word'; word: string } | { kind: 'loopback' } | { kind: 'private-ip' } | { kind: 'private-domain'; tld: string };

/**
 * Labels of a host name that the organisation chose for its environments: those left of the
 * registrable domain (`api.staging` of `api.staging.example.com`). The registrable domain is the
 * organisation's name (`testing-api.com`, `contest.com`) and says nothing about the environment.
 */
function subdomainLabels(labels: string[]): string[] {
  if (labels.length <= 2) return [];
  return labels.slice(0, Math.max(0, labels.length - registrableLength(labels)));
}

/** How many labels the registrable domain has: `example.com` 2, `example.co.uk` 3. */
function registrableLength(labels: string[]): number {
  const tld = labels[labels.length - 1];
  const second = labels[labels.length - 2];
  return labels.length >= 3 && tld.length === 2 && COUNTRY_SECOND_LEVELS.has(second) ? 3 : 2;
}

/**
 * What environment a host names. Words are matched whole on the subdomain labels, split at `-`
 * and `_` with trailing digits dropped (`staging2`, `qa-01`), on each label with its separators
 * removed (`non-prod` as `nonprod`) and on two neighbouring parts joined (`api-pre-prod`): `dev-api` and `api.dev` are dev; `devices`,
 * `developer`, `latest` and `contest` are not.
 */
export function hostEnvironment(rawHost: string, environmentWords: ReadonlySet<string>): Environment | undefined {
  const host = rawHost.trim().toLowerCase().replace(/\.$/, '');
  if (host.length === 0 || host.length > 253) return undefined;
  const bracketed = host.startsWith('[') ? host.slice(1, host.indexOf(']') > 0 ? host.indexOf(']') : undefined) : undefined;
  if (bracketed !== undefined) {
    // Loopback, and the unspecified address a local server binds (`http://[::]:8000`): the reader's own machine.
    if (bracketed === '::1' || bracketed === '::' || /^(0{1,4}:){7}0{0,3}1$/.test(bracketed) || /^::ffff:127\./.test(bracketed)) return { kind: 'loopback' };
    if (/^fe[89ab][0-9a-f]?:/.test(bracketed)) return { kind: 'private-ip' };
    if (/^f[cd][0-9a-f]{0,2}:/.test(bracketed)) return { kind: 'private-ip' };
    return undefined;
  }
  const octets = ipv4(host);
  if (octets) {
    if (octets[0] === 127 || octets.every(o => o === 0)) return { kind: 'loopback' };
    // RFC 1918 private ranges and link-local addresses.
    if (octets[0] === 10 || (octets[0] === 172 && octets[1] >= 16 && octets[1] <= 31) || (octets[0] === 192 && octets[1] === 168) || (octets[0] === 169 && octets[1] === 254)) return { kind: 'private-ip' };
    return undefined;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return { kind: 'loopback' };
  const labels = host.split('.');
  const tld = labels[labels.length - 1];
  if (labels.length > 1 && PRIVATE_TLDS.has(tld)) return { kind: 'private-domain', tld };
  if (tld === 'arpa' && labels[labels.length - 2] === 'home') return { kind: 'private-domain', tld: 'home.arpa' };
  // A single-label host (`http://api-dev:8080`) is a machine name on a private network.
  if (labels.length === 1 && /^[a-z0-9_-]+$/.test(host)) {
    const word = environmentWordIn([host], environmentWords);
    return word ? { kind: 'word', word } : { kind: 'private-domain', tld: host };
  }
  const word = environmentWordIn(subdomainLabels(labels), environmentWords);
  return word ? { kind: 'word', word } : undefined;
}

/**
 * Whether a server variable's value names a non-production environment by itself: an environment
 * word in any of its labels (`uat`, `api.staging`), or a loopback, private address or private name
 * (`localhost:3000`, `10.0.0.5`, `orders.internal`). A single label that is no word (`eu-west-1`)
 * names nothing, though a host of one label would be a machine name.
 */
export function valueNamesEnvironment(value: string, environmentWords: ReadonlySet<string>): boolean {
  const text = value.trim().toLowerCase();
  if (text.length === 0 || text.length > 253) return false;
  const host = text.startsWith('[') ? text : text.split(':')[0];
  const labels = host.split('.');
  if (labels.length <= 64 && environmentWordIn(labels, environmentWords) !== undefined) return true;
  const environment = hostEnvironment(host, environmentWords);
  return environment !== undefined && !(environment.kind === 'private-domain' && labels.length === 1);
}

/** A word without its trailing digits (`staging2`, `qa01`). */
function withoutTrailingDigits(word: string): string {
  let end = word.length;
  while (end > 0 && word.charCodeAt(end - 1) >= 48 && word.charCodeAt(end - 1) <= 57) end--;
  return word.slice(0, end);
}

function environmentWordIn(labels: string[], environmentWords: ReadonlySet<string>): string | undefined {
  for (const label of labels) {
    const whole = withoutTrailingDigits(label.replace(/[-_]/g, ''));
    if (environmentWords.has(whole)) return whole;
    const parts = label.split(/[-_]/);
    for (let i = 0; i < parts.length && i < 64; i++) {
      const word = withoutTrailingDigits(parts[i]);
      if (word.length > 0 && environmentWords.has(word)) return word;
      // A hyphenated word among others (`api-pre-prod`, `pre-prod-api`): two parts joined.
      const joined = i + 1 < parts.length ? withoutTrailingDigits(parts[i] + parts[i + 1]) : '';
      if (joined.length > 0 && environmentWords.has(joined)) return joined;
    }
  }
  return undefined;
}

/**
 * Words of the test environments APIs offer their integrators on purpose: a sandbox (payment and
 * banking APIs publish theirs beside production), a demo, a mock or a playground. Such a host is
 * not production, and not reported unless a team adds the word to `nonProductionHostWords`.
 */
const PUBLIC_TEST_WORDS: ReadonlySet<string> = new Set(['sandbox', 'demo', 'mock', 'mocks', 'mockapi', 'prism', 'playground']);

/**
 * Words of a hosted mock. Mock services put them where a team's environment words never go: in
 * the URL path (Stoplight's `stoplight.io/mocks/org/api/123`) or in the service's own domain
 * (`*.mockapi.io`), so these are read there too. Only `mock` words are read in the domain: a
 * company can be named Prism, Sandbox or Demo, but a mock service is what calls itself mock.
 */
const MOCK_WORDS: ReadonlySet<string> = new Set(['mock', 'mocks', 'mockapi', 'prism']);
const MOCK_DOMAIN_WORDS: ReadonlySet<string> = new Set(['mock', 'mocks', 'mockapi']);

/** Hosted mock services whose host names no mock word (SwaggerHub's auto-mocking server). */
const MOCK_SERVICE_HOSTS: ReadonlySet<string> = new Set(['virtserver.swaggerhub.com']);

/**
 * Whether a server URL is a public test environment: a host named for one (`api.sandbox.example.com`,
 * `sandbox-api.example.com`), a hosted mock service, or a mock word as a path segment.
 */
export function isPublicTestServer(url: string): boolean {
  const parsed = urlSchemeAndHost(url);
  if (!parsed) return false;
  const host = parsed.host.trim().toLowerCase().replace(/\.$/, '');
  const labels = host.split('.');
  if (labels.length > 64) return false;
  if (MOCK_SERVICE_HOSTS.has(host)) return true;
  if (environmentWordIn(subdomainLabels(labels), PUBLIC_TEST_WORDS) !== undefined) return true;
  // The service's own domain (`abc.mockapi.io`): its label left of the public suffix.
  if (labels.length >= 2 && environmentWordIn([labels[Math.max(0, labels.length - registrableLength(labels))]], MOCK_DOMAIN_WORDS) !== undefined) return true;
  const at = url.indexOf(parsed.host);
  const path = at < 0 ? '' : url.slice(at + parsed.host.length, at + parsed.host.length + 2048);
  const segments = path.split(/[?#]/)[0].split('/').slice(1, 32);
  return environmentWordIn(segments, MOCK_WORDS) !== undefined;
}

/** The environment words of the option, compared lower-case without separators. */
export function environmentWordSet(list: readonly string[]): Set<string> {
  return new Set(list.filter(w => typeof w === 'string').map(w => w.trim().toLowerCase().replace(/[-_\s.]/g, '')).filter(w => w.length > 0));
}

/** The host of an absolute server URL, or undefined for relative ones and unfilled templates. */
export function serverHost(url: string): string | undefined {
  const parsed = urlSchemeAndHost(url);
  if (!parsed || parsed.host.length === 0 || /[{}]/.test(parsed.host)) return undefined;
  return parsed.host;
}

// ---------------------------------------------------------------------------------------------
// Versions

/** A version path segment: `v1`, `v2.1`, `v1beta1`, `2024-01-01`, `2.0`. */
const VERSION_SEGMENT = /^(v\d{1,4}([._-]\d{1,4}){0,3}([a-z]{1,10}\d{0,4})?|\d{4}-\d{2}(-\d{2})?|\d{1,4}(\.\d{1,4}){1,3})$/i;

export function isVersionSegment(segment: string): boolean {
  return segment.length <= 40 && VERSION_SEGMENT.test(segment);
}

/** Whether a URL or path (`https://api.example.com/v2`, `/api/2024-01-01/users`) has a version segment in its path. */
export function pathHasVersion(pathOrUrl: string): boolean {
  let path = pathOrUrl;
  const scheme = /^[a-z][a-z0-9+.-]{0,30}:\/\/[^/]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length);
  return path.split(/[/?#]/).some(isVersionSegment);
}

/**
 * Whether `info.version` names a release: a string (or number) with a digit that is not a
 * template left unfilled (`${VERSION}`, `{{version}}`, `@version@`). `latest`, `TODO`,
 * `unversioned`, `x.y.z` and the empty string have no digit and name nothing.
 */
export function isRealVersion(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text.length === 0 || text.length > 200) return text.length > 200;
  if (/\$\{|\{\{|^@[^@]{1,60}@$|^<[^>]{1,60}>$|^%[^%]{1,60}%$/.test(text)) return false;
  return /\d/.test(text);
}

/** Header, query and path parameter names that select an API version (`Api-Version`, `X-GitHub-Api-Version`, `Stripe-Version`, `api-version`). */
export function isVersionParameterName(name: string): boolean {
  const w = words(name);
  return w.length > 0 && w[w.length - 1] === 'version' && w.length <= 6;
}

/**
 * A media type that carries a version: `application/vnd.acme.v2+json`, `application/json;
 * version=2`, `application/vnd.acme+json;v=2` (the short parameter vendors use; a number must
 * follow, as `v` alone names nothing).
 */
export function mediaTypeHasVersion(mediaType: string): boolean {
  if (mediaType.length > 200) return false;
  const lower = mediaType.toLowerCase();
  return /[.\-+]v\d{1,4}([.+;]|$)/.test(lower) || /;\s{0,8}(api-)?version=/.test(lower) || /;\s{0,8}v=\s{0,2}"?\d/.test(lower);
}

/** Where a version is documented besides `info.version`, in words for a message; undefined when nowhere. */
export function versionEvidence(root: JsonObject, version: SpecVersion, operations: readonly Operation[]): string | undefined {
  if (version === '2.0' && typeof root.basePath === 'string' && pathHasVersion(root.basePath)) return 'basePath';
  for (const server of serverEntries(root, version, operations)) {
    for (const { url } of serverUrls(server.node, server.path)) if (pathHasVersion(url)) return 'a server URL';
  }
  const keys = version === '3.1' ? [...entries(root.paths), ...entries(root.webhooks)] : entries(root.paths);
  for (const [key] of keys) if (!key.startsWith('x-') && pathHasVersion(key)) return 'the paths';
  for (const op of operations) {
    for (const parameter of op.parameters) {
      if (['header', 'query', 'path'].includes(parameter.in) && isVersionParameterName(parameter.name)) return `the ${parameter.in} parameter "${parameter.name}"`;
    }
    for (const response of op.responses) {
      for (const name of response.headers.keys()) if (isVersionParameterName(name)) return `the response header "${name}"`;
      for (const schema of response.schemas) if (schema.mediaType && mediaTypeHasVersion(schema.mediaType)) return 'a media type';
    }
    for (const schema of op.requestSchemas) if ('mediaType' in schema && typeof schema.mediaType === 'string' && mediaTypeHasVersion(schema.mediaType)) return 'a media type';
    for (const key of ['produces', 'consumes']) for (const type of asArray(op.node[key])) if (typeof type === 'string' && mediaTypeHasVersion(type)) return 'a media type';
  }
  for (const key of ['produces', 'consumes']) for (const type of asArray(root[key])) if (typeof type === 'string' && mediaTypeHasVersion(type)) return 'a media type';
  // Shared header parameters a description declares once (`components.parameters.ApiVersion`).
  const shared = version === '2.0' ? root.parameters : isObject(root.components) ? root.components.parameters : undefined;
  for (const [, raw] of entries(shared)) {
    if (isObject(raw) && typeof raw.name === 'string' && typeof raw.in === 'string' && ['header', 'query'].includes(raw.in.toLowerCase()) && isVersionParameterName(raw.name)) return `the ${raw.in} parameter "${raw.name}"`;
  }
  return undefined;
}
