// Request inputs that carry a URL, and what the server does with it: fetch it (a callback, a
// webhook, an image to thumbnail, a feed to import: server-side request forgery, OWASP API7), send
// the user's browser to it (a redirect target: open redirect), or only store and show it (a
// profile's website, a homepage: neither). Shared by the SSRF, open-redirect and webhook rules.
//
// Names are compared on words (`avatarUrl`, `avatar_url` and `AvatarURL` alike). A URL the server
// only stores is not reported: a name counts as fetched only when it says so (a fetch word such as
// callback, webhook, import, image, proxy), when its description says the server will call it, or
// when a bare `url`/`uri`/`endpoint`/`host` is sent to an operation whose purpose is fetching
// (`/webhooks`, `/imports`, `/preview`, a `ping`, a schema named `WebhookConfig`).

import type { Analysis } from './analyse.js';
import { cachedPer, optionsKey } from './cache.js';
import { asArray, deref, entries, isObject, type JsonObject, type JsonPath, type Located } from './json.js';
import { literalSegments, leadingWords, words } from './names.js';
import type { Operation } from './operations.js';
import { allOfMembers, valueTypes, type Members } from './schema.js';
import { schemaGraph, type UseContext } from './schema-graph.js';
import { isTokenEndpoint, tokenUrlPaths } from './security.js';

/** String formats that say a value is a URL (JSON Schema, OpenAPI registry and common spellings). */
export const URL_FORMATS: ReadonlySet<string> = new Set(['uri', 'url', 'uri-reference', 'iri', 'iri-reference']);

/** Last words that make a name a URL: `callback_url`, `imageUri`, `href`, `webhook_endpoint`. */
const URL_NOUNS = new Set(['url', 'urls', 'uri', 'uris', 'href']);
/** Last words that name a service to call, which is a URL only when the schema shows one (`webhook_endpoint` is often an id). */
const ENDPOINT_NOUNS = new Set(['endpoint', 'endpoints']);

/** Names made only of these are a bare URL: which URL it is, only the operation can say. */
const BARE_NAMES = new Set([...URL_NOUNS, ...ENDPOINT_NOUNS, 'host', 'hostname', 'address', 'location', 'link']);

/**
 * Last words that make a name something about a URL rather than the URL: `callback_method`,
 * `webhook_secret`, `redirect_code`, `image_id`, `feed_type`. A URL `format` overrides them.
 */
const NOT_URL_LAST = new Set([
  'method', 'methods', 'verb', 'code', 'type', 'types', 'kind', 'status', 'state', 'id', 'ids', 'uuid', 'secret', 'token', 'key',
  'event', 'events', 'enabled', 'enable', 'disabled', 'count', 'version', 'format', 'mode', 'timeout', 'retries', 'header',
  'headers', 'name', 'names', 'sid', 'at', 'time', 'date', 'data', 'size', 'width', 'height', 'policy', 'config', 'settings',
]);

/** Words of an operation (path segments, operationId, summary) or schema that make its bare `url` one the server fetches. */
const FETCHING_PURPOSES = new Set([
  // Not a singular `callback` segment: that is usually the endpoint answering one (`/interactions/{id}/callback`).
  'webhook', 'webhooks', 'hook', 'hooks', 'callbacks', 'import', 'imports', 'fetch', 'preview', 'previews', 'proxy',
  'unfurl', 'oembed', 'crawl', 'crawler', 'scrape', 'screenshot', 'screenshots', 'thumbnail', 'thumbnails', 'ping', 'mirror',
  'mirrors', 'feed', 'feeds', 'subscribe',
]);

/**
 * Purposes that are an action on a URL given in the request (`GET /preview?url=`), as opposed to
 * a collection of stored objects (`GET /webhooks?url=` filters the registered webhooks).
 */
const FETCHING_ACTIONS = new Set([
  'fetch', 'preview', 'previews', 'proxy', 'unfurl', 'oembed', 'crawl', 'scrape', 'screenshot', 'screenshots', 'thumbnail', 'thumbnails', 'ping', 'import',
]);

/** Words that make a fetched URL a callback the API sends its own requests to (for `webhook-url-plain-http`). */
export const CALLBACK_WORDS: ReadonlySet<string> = new Set([
  'callback', 'callbacks', 'webhook', 'webhooks', 'hook', 'hooks', 'notification', 'notifications', 'notify', 'postback', 'listener',
  'receiver', 'ipn',
]);

/** Redirect words too common in other senses (a pagination cursor, a flag): they need a URL shown. */
const AMBIGUOUS_REDIRECT_WORDS = new Set(['next', 'continue', 'then', 'to', 'target', 'destination', 'goto', 'back']);

/** Prose in which the server says it will request the URL: "we call", "will be fetched", "sends a POST request to". */
const SERVER_REQUESTS_PROSE =
  /\b(?:we|it|the (?:server|service|api|platform|system))(?: will| should| would| shall| then)? (?:call|calls|fetch|fetches|request|requests|notify|notifies|download|downloads|retrieve|retrieves|poll|polls|ping|pings)\b|\bwill be (?:called|fetched|requested|downloaded|retrieved|polled|pinged|notified|crawled|imported)\b|\b(?:send|sends|sent|post|posts|posted|deliver|delivers|delivered)(?: an?)?(?: http| https| post| get)? (?:request|requests|notification|notifications|event|events|callback|callbacks|webhook|webhooks|payload|payloads) to\b/i;

const MAX_TEXT = 4_000;
const text = (value: unknown): string => (typeof value === 'string' ? (value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value) : '');

export type UrlRole = 'fetched' | 'redirect';

export interface UrlInput {
  name: string;
  /** `property` of a request body, or a parameter's location (`query`, `path`, `header`, `cookie`, `formdata`). */
  kind: string;
  /** Where the finding belongs: the property's declaration, or the parameter where written. */
  path: JsonPath;
  /** The object holding the input's own keywords (a property's schema as written, a parameter). */
  declared: JsonObject;
  /** The value's schema with its `allOf` members (the items' for an array of URLs). */
  members: Members;
  role: UrlRole;
  /** Why it reads as fetched or a redirect target, for the message. */
  reason: string;
  /** The words that qualify it (its name's, and the fetching operation's or schema's when the name is bare). */
  contextWords: readonly string[];
  operation?: Operation;
  uses?: Iterable<UseContext>;
}

/** The options the classification reads. */
export interface UrlVocabulary {
  outboundUrlNames: readonly string[];
  redirectTargetNames: readonly string[];
}

interface Phrases {
  /** Compact phrase → as written. */
  byCompact: Map<string, string>;
  longest: number;
}

function phraseSet(entries: readonly string[]): Phrases {
  const byCompact = new Map<string, string>();
  let longest = 1;
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (typeof entry !== 'string') continue;
    const list = words(entry);
    if (list.length === 0 || list.length > 4) continue;
    byCompact.set(list.join(''), entry);
    longest = Math.max(longest, list.length);
  }
  return { byCompact, longest };
}

/** The first phrase of the set that a run of the name's words (or their singular) spells. */
function findPhrase(list: readonly string[], phrases: Phrases): { entry: string; start: number; length: number } | undefined {
  for (let start = 0; start < list.length && start < 12; start++) {
    for (let length = Math.min(phrases.longest, list.length - start); length >= 1; length--) {
      const run = list.slice(start, start + length).join('');
      const entry = phrases.byCompact.get(run) ?? (run.endsWith('s') ? phrases.byCompact.get(run.slice(0, -1)) : undefined);
      if (entry !== undefined) return { entry, start, length };
    }
  }
  return undefined;
}

function formatOfMembers(members: Members): string | undefined {
  for (const { node } of members) if (typeof node.format === 'string') return node.format.toLowerCase();
  return undefined;
}

/** The literal values a schema shows: examples, defaults, enum and const entries (strings only, a few). */
export function shownValues(members: Members, declared: JsonObject): Array<{ value: string; keyword: string; path?: JsonPath }> {
  const out: Array<{ value: string; keyword: string; path?: JsonPath }> = [];
  const add = (value: unknown, keyword: string, path?: JsonPath) => {
    if (typeof value === 'string' && out.length < 32) out.push({ value, keyword, path });
  };
  const nodes: Array<{ node: JsonObject; path?: JsonPath }> = [{ node: declared }, ...members];
  for (const { node, path } of nodes) {
    for (const key of ['example', 'x-example', 'default', 'const']) add(node[key], key, path ? [...path, key] : undefined);
    asArray(node.enum).forEach((value, index) => add(value, 'enum', path ? [...path, 'enum', index] : undefined));
    asArray(node.examples).forEach((value, index) => add(value, 'examples', path ? [...path, 'examples', index] : undefined));
  }
  return out;
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]{0,30}:\/\//i;

/** Whether a schema shows its value is a URL: a URL format, a URL in an example or default, or a description that says URL. */
function showsUrl(members: Members, declared: JsonObject): boolean {
  const format = formatOfMembers(members) ?? (typeof declared.format === 'string' ? declared.format.toLowerCase() : undefined);
  if (format !== undefined && URL_FORMATS.has(format)) return true;
  if (shownValues(members, declared).some(({ value }) => ABSOLUTE_URL.test(value.trim()))) return true;
  const prose = [declared.description, ...members.map(m => m.node.description)].map(text).join(' ');
  return /\b(?:url|uri)s?\b/i.test(prose) && !/\b(?:token|cursor|page token)\b/i.test(prose);
}

/** Whether a schema's value is a string (or an array of strings), as far as it says. */
function stringValued(members: Members): boolean {
  const types = valueTypes(members);
  return types.size === 0 || (types.size === 1 && types.has('string'));
}

function describedAsRequested(members: Members, declared: JsonObject): boolean {
  return [declared.description, ...members.map(m => m.node.description)].some(d => SERVER_REQUESTS_PROSE.test(text(d)));
}

export interface Classified {
  role: UrlRole;
  reason: string;
  /** The words that make it a callback, when it is one: the name's or its context's. */
  words: readonly string[];
}

/**
 * What a request input named `name` with schema `members` is, as a URL: fetched, a redirect
 * target, or neither (undefined). `where` holds the words of the schemas it is declared in and of
 * the fetching operation it is sent to: they decide for bare names (`url`, `endpoint`), and the
 * operation's for URL-named inputs that are not links to show.
 */
export function classifyUrlInput(name: string, members: Members, declared: JsonObject, where: UrlContext, vocabulary: CompiledVocabulary): Classified | undefined {
  const verdict = classifyByName(name, members, declared, where, vocabulary);
  if (verdict?.role !== 'fetched' || describedAsRequested(members, declared)) return verdict;
  // The input's own description outranks its name and operation: a link it says is shown to people
  // is not requested ("Link shown in the delivery log"), and one the user's browser is sent to is
  // a redirect target ("URLs to redirect to after someone authorizes"), not a fetched URL.
  const prose = [declared.description, ...members.map(m => m.node.description)].map(text).join(' ');
  if (DISPLAYED_PROSE.test(prose)) return undefined;
  if (REDIRECTED_PROSE.test(prose) && !/\bfollow/i.test(prose)) return { role: 'redirect', reason: 'described as where the user is redirected', words: verdict.words };
  return verdict;
}

/** Prose saying a URL is a link shown to people. */
const DISPLAYED_PROSE = /\b(?:displayed|for display|shown (?:in|on|to|as))\b/i;
/** Prose saying the user's browser is sent to the URL ("redirect to", "the customer will be redirected to"). */
const REDIRECTED_PROSE = /\b(?:redirect|redirected|redirects)(?: (?:the|a|your) (?:user|users|customer|customers|browser|visitor|visitors))? (?:back )?to\b/i;

function classifyByName(name: string, members: Members, declared: JsonObject, where: UrlContext, vocabulary: CompiledVocabulary): Classified | undefined {
  const schemaContext = where.schema;
  const context = [...where.schema, ...where.purpose];
  const list = words(name).slice(0, 12);
  if (list.length === 0 || !stringValued(members)) return undefined;
  const format = formatOfMembers(members) ?? (typeof declared.format === 'string' ? declared.format.toLowerCase() : undefined);
  const urlFormat = format !== undefined && URL_FORMATS.has(format);
  const last = list[list.length - 1];
  if (!urlFormat && NOT_URL_LAST.has(last)) return undefined;
  const urlNamed = URL_NOUNS.has(last);
  const shown = urlNamed || urlFormat || showsUrl(members, declared);

  const redirect = findPhrase(list, vocabulary.redirect);
  if (redirect) {
    const ambiguous = redirect.length === 1 && AMBIGUOUS_REDIRECT_WORDS.has(list[redirect.start]);
    // `next` is a page cursor and `continue` a token unless the value is shown to be a URL; and only
    // alone or before a URL noun (`next_url`): `next_page_uri` is a page, `next_run_at` a time.
    const alone = list.length === 1 || (list.length === 2 && redirect.start === 0 && URL_NOUNS.has(list[1]));
    if (ambiguous ? alone && (showsUrl(members, declared) || urlNamed) : shown) {
      return { role: 'redirect', reason: `named like a redirect target ("${redirect.entry}")`, words: list };
    }
    return undefined;
  }

  // A profile's social-media link is shown, not fetched: `social_media_url`.
  const fetchWord = list.includes('social') ? undefined : findPhrase(list, vocabulary.outbound);
  if (fetchWord && shown) return { role: 'fetched', reason: `named like a URL the server calls ("${fetchWord.entry}")`, words: list };
  // A service's endpoint is something called: `interactions_endpoint_url`, `metrics_endpoint`.
  if (list.length > 1 && list.some(word => ENDPOINT_NOUNS.has(word)) && shown) {
    return { role: 'fetched', reason: 'named like an endpoint the server calls', words: list };
  }
  if (shown && describedAsRequested(members, declared)) return { role: 'fetched', reason: 'described as a URL the server requests', words: list };
  if (list.every(word => BARE_NAMES.has(word)) && (shown || list.includes('host') || list.includes('hostname'))) {
    const purpose = context.find(word => FETCHING_PURPOSES.has(word));
    if (purpose !== undefined) return { role: 'fetched', reason: `a URL where the operation or schema is about "${purpose}", which the server calls`, words: context };
    // The URL of an image, an avatar, a feed: `RichEmbedImage.url`, `SourceRepository.url`.
    const owner = shown ? findPhrase(schemaContext, vocabulary.outbound) : undefined;
    if (owner !== undefined) return { role: 'fetched', reason: `a URL in a schema about "${owner.entry}", which the server fetches`, words: schemaContext };
  }
  // Any URL sent to an import, a webhook registration or a preview is one it calls (`vcs_url` of
  // `PUT /repos/{repo}/import`), unless its name says it is a link to show.
  const purpose = urlNamed && !list.some(word => PLAIN_LINK_WORDS.has(word)) ? where.purpose.find(word => FETCHING_PURPOSES.has(word)) : undefined;
  if (purpose !== undefined) return { role: 'fetched', reason: `a URL sent to a "${purpose}" operation, which the server calls`, words: where.purpose };
  return undefined;
}

/** Where an input is sent: the words of the schemas it is declared in, and of the fetching operation it is sent to (if any). */
export interface UrlContext {
  schema: readonly string[];
  purpose: readonly string[];
}

/** Words that make a URL a link the server stores and shows: `homepage_url`, `support_url`, `privacy_policy_url`. */
const PLAIN_LINK_WORDS = new Set([
  'home', 'homepage', 'website', 'site', 'web', 'html', 'doc', 'docs', 'documentation', 'support', 'privacy', 'terms', 'tos',
  'policy', 'help', 'info', 'about', 'profile', 'blog', 'permalink', 'share', 'public', 'display', 'contact', 'legal', 'license',
]);

export interface CompiledVocabulary {
  outbound: Phrases;
  redirect: Phrases;
}

export function compileVocabulary(vocabulary: UrlVocabulary): CompiledVocabulary {
  return { outbound: phraseSet(vocabulary.outboundUrlNames), redirect: phraseSet(vocabulary.redirectTargetNames) };
}

/** The words of an operation's purpose: its literal path segments, operationId and summary. */
export function operationWords(operation: Operation): string[] {
  const out: string[] = [];
  for (const segment of literalSegments(operation.pathKey)) out.push(...words(segment));
  out.push(...leadingWords(operation.node.operationId), ...leadingWords(operation.node.summary));
  return out;
}

/** Segments of a schema path that are not names: composition and structure keywords, list positions. */
const STRUCTURE = new Set(['allOf', 'oneOf', 'anyOf', 'items', 'schema', 'properties', 'additionalProperties', 'content', 'components', 'schemas', 'definitions', 'requestBody', 'requestBodies', 'parameters', 'paths']);

/** The words of the schemas and properties a declaration sits in (`components.schemas.WebhookConfig.properties.url` → webhook, config). */
function declarationWords(path: JsonPath): string[] {
  const out: string[] = [];
  for (const segment of path.slice(0, -1)) {
    if (typeof segment === 'number' || STRUCTURE.has(String(segment)) || /^\d+$/.test(String(segment)) || String(segment).includes('/')) continue;
    out.push(...words(String(segment)));
  }
  return out;
}

/** Array of URLs: judge what the items are, keep the property's name. */
function valueMembers(root: unknown, members: Members, cache: Map<JsonObject, Members>): Members {
  if (!valueTypes(members).has('array')) return members;
  const items = members.find(m => isObject(m.node.items));
  if (!items) return members;
  const located = deref(root, items.node.items, [...items.path, 'items']);
  return isObject(located.node) ? allOfMembers(root, located as Located<JsonObject>, cache) : members;
}

const vocabularyKey = optionsKey<UrlVocabulary>(['outboundUrlNames', 'redirectTargetNames']);

/**
 * Every request input that carries a URL the server fetches or redirects to: request-body
 * properties (through `$ref`, `allOf` and nesting, `readOnly` ones left out) and parameters of
 * the operations under `paths` (3.1 webhooks are messages the API sends, not inputs).
 */
export function urlInputs(analysis: Analysis, vocabulary: UrlVocabulary): UrlInput[] {
  return inputsFor(analysis)(vocabularyKey(vocabulary), vocabulary);
}

const inputsFor = cachedPer<Analysis, (key: string, vocabulary: UrlVocabulary) => UrlInput[]>(analysis => {
  const byKey = new Map<string, UrlInput[]>();
  return (key, vocabulary) => {
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = collectUrlInputs(analysis, compileVocabulary(vocabulary))));
    return found;
  };
});

/** Schema nodes reached from the requests of operations whose purpose is fetching, with that purpose's words. */
function fetchingContexts(analysis: Analysis, cache: Map<JsonObject, Members>): Map<JsonObject, string[]> {
  const out = new Map<JsonObject, string[]>();
  for (const operation of analysis.operations) {
    if (operation.container !== 'paths') continue;
    const purpose = operationWords(operation);
    if (!purpose.some(word => FETCHING_PURPOSES.has(word))) continue;
    // The body and the objects directly in it (`config.url` of a hook): deeper URLs belong to
    // what they describe (an embed's link), not to the operation's purpose.
    const stack: Array<{ at: Located; depth: number }> = operation.requestSchemas.map(at => ({ at, depth: 0 }));
    for (const parameter of operation.parameters) if (parameter.in === 'body' && parameter.schema) stack.push({ at: parameter.schema, depth: 0 });
    const visited = new Set<JsonObject>();
    while (stack.length > 0) {
      const { at, depth } = stack.pop()!;
      if (!isObject(at.node) || visited.has(at.node)) continue;
      visited.add(at.node);
      if (!out.has(at.node)) out.set(at.node, purpose);
      if (depth >= 2) continue;
      for (const member of allOfMembers(analysis.root, at as Located<JsonObject>, cache)) {
        for (const [name, raw] of entries(member.node.properties)) {
          // Keyed by the declaration too: a shared `$ref`ed value is sent to other operations as well.
          if (isObject(raw) && !out.has(raw)) out.set(raw, purpose);
          stack.push({ at: deref(analysis.root, raw, [...member.path, 'properties', name]), depth: depth + 1 });
        }
      }
    }
  }
  return out;
}

function collectUrlInputs(analysis: Analysis, vocabulary: CompiledVocabulary): UrlInput[] {
  const out: UrlInput[] = [];
  const cache = new Map<JsonObject, Members>();
  const graph = schemaGraph(analysis);
  const fetching = fetchingContexts(analysis, cache);
  for (const use of graph.properties) {
    if (use.readOnly) continue;
    const requests = [...use.contexts].filter(context => context.direction === 'request');
    if (requests.length === 0) continue;
    const members = valueMembers(analysis.root, use.value.members, cache);
    const where = { schema: declarationWords(use.path), purpose: fetching.get(use.declared) ?? [] };
    const verdict = classifyUrlInput(use.name, members, use.declared, where, vocabulary);
    if (!verdict) continue;
    // A token request's `redirect_uri` is only compared with the authorization request's (RFC 6749 §4.1.3).
    if (verdict.role === 'redirect' && requests.every(context => context.tokenRequest)) continue;
    out.push({ name: use.name, kind: 'property', path: use.path, declared: use.declared, members, role: verdict.role, reason: verdict.reason, contextWords: verdict.words, uses: requests });
  }
  const seen = new Set<JsonObject>();
  const tokenPaths = tokenUrlPaths(analysis.schemes);
  for (const operation of analysis.operations) {
    if (operation.container !== 'paths') continue;
    const purpose = operationWords(operation);
    for (const parameter of operation.parameters) {
      // A path segment holds an id, never a URL to fetch (`/webhook_endpoints/{webhook_endpoint}`).
      if (parameter.in === 'body' || parameter.in === 'path' || !parameter.schema || !isObject(parameter.schema.node)) continue;
      // A shared parameter is one input, judged in the context of the first operation that uses it.
      if (seen.has(parameter.node)) continue;
      const base = allOfMembers(analysis.root, parameter.schema as Located<JsonObject>, cache);
      const members = valueMembers(analysis.root, base, cache);
      const fetchingPurpose = purpose.some(word => FETCHING_PURPOSES.has(word)) ? purpose : [];
      const verdict = classifyUrlInput(parameter.name, members, parameter.node, { schema: [], purpose: fetchingPurpose }, vocabulary);
      if (!verdict) continue;
      if (verdict.role === 'redirect' && isTokenEndpoint(operation.pathKey, tokenPaths)) continue;
      // The query of a read filters what exists (`GET /webhooks?url=`): only a read that acts on
      // the URL it is given (`GET /preview?url=`) fetches it. A redirect target is followed on any method.
      const reads = (operation.method === 'get' || operation.method === 'head') && (parameter.in === 'query' || parameter.in === 'header');
      if (verdict.role === 'fetched' && reads && !purpose.some(word => FETCHING_ACTIONS.has(word))) continue;
      seen.add(parameter.node);
      out.push({ name: parameter.name, kind: parameter.in, path: parameter.path, declared: parameter.node, members, role: verdict.role, reason: verdict.reason, contextWords: verdict.words, operation });
    }
  }
  return out;
}

/** Extension names (besides `x-allowed-hosts`) that document where a URL may point, compared on words. */
const ALLOW_WORDS = new Set(['allowlist', 'allowlisted', 'whitelist', 'whitelisted', 'safelist']);
const ALLOW_QUALIFIERS = new Set(['allowed', 'allow', 'permitted', 'trusted']);
const ALLOW_TARGETS = new Set(['host', 'hosts', 'domain', 'domains', 'url', 'urls', 'uri', 'uris', 'origin', 'origins', 'prefix', 'prefixes', 'destination', 'destinations', 'target', 'targets']);

/** Whether an extension key documents an allow-list: `x-allowed-hosts`, `x-allowed-domains`, `x-url-allowlist`, `x-trusted-origins`. */
export function isAllowListExtension(key: string): boolean {
  if (!key.startsWith('x-')) return false;
  const list = words(key.slice(2));
  if (list.some(word => ALLOW_WORDS.has(word))) return true;
  return list.some(word => ALLOW_QUALIFIERS.has(word)) && list.some(word => ALLOW_TARGETS.has(word));
}

/** Prose that names an allow-list the server checks the URL against. */
const ALLOW_LIST_PROSE = /\b(?:allow[- ]?list(?:ed)?|white[- ]?list(?:ed)?|safe[- ]?list(?:ed)?|(?:allowed|permitted|trusted|registered|pre-registered|verified) (?:hosts?|domains?|origins?|urls?|uris?|redirect urls?|redirect uris?))\b/i;

/**
 * Words of a sentence naming the list a redirect target is checked against, in any order: "must
 * exactly match one of the redirect URIs registered for the client", "must match one of the
 * redirect URLs configured in your app's settings", "must be listed in the Allowed Logout URLs".
 * A constraint word is needed too, so "any URL is allowed" or "the redirect URL configured for the
 * app is used when omitted" do not count.
 */
const REGISTRATION_WORDS = new Set(['registered', 'preregistered', 'configured', 'allowed', 'permitted', 'whitelisted', 'whitelist', 'allowlisted', 'allowlist', 'safelisted', 'safelist']);
const REDIRECT_WORDS = new Set(['redirect', 'redirects', 'callback', 'callbacks', 'logout', 'return', 'signout']);
const URL_WORDS = new Set(['url', 'urls', 'uri', 'uris', 'domain', 'domains', 'origin', 'origins', 'host', 'hosts']);
const CONSTRAINT_WORDS = new Set(['must', 'match', 'matches', 'matched', 'matching', 'listed', 'only', 'exactly', 'among', 'validated', 'checked', 'compared', 'against', 'required']);

/** Whether a description names the registered or allowed redirect URLs the value is checked against. */
export function namesRedirectAllowList(description: string): boolean {
  for (const sentence of proseSentences(description.slice(0, 20_000).toLowerCase())) {
    const list = sentence.split(/[^a-z0-9]+/);
    const registration = list.some((w, i) => REGISTRATION_WORDS.has(w) || (w === 'allow' && (list[i + 1] === 'listed' || list[i + 1] === 'list')));
    if (!registration || !list.some(w => REDIRECT_WORDS.has(w)) || !list.some(w => URL_WORDS.has(w))) continue;
    if (list.some(w => CONSTRAINT_WORDS.has(w)) || /\bone of\b/.test(sentence)) return true;
  }
  return false;
}

/**
 * Words of a sentence saying the server refuses private destinations ("Private, loopback and
 * link-local addresses are rejected"): the defence that fits a URL callers choose freely (a webhook),
 * where no allow-list can. Read per sentence, word by word, so the cost stays linear.
 */
const PRIVATE_WORDS = new Set(['private', 'internal', 'loopback', 'localhost', 'local', 'reserved', 'intranet', 'metadata', 'rfc1918']);
const REFUSAL_WORDS = new Set(['reject', 'rejected', 'rejects', 'refuse', 'refused', 'refuses', 'block', 'blocked', 'blocks', 'deny', 'denied', 'denies', 'disallowed', 'forbidden', 'prohibited']);
/** "not" before one of these refuses too: "are not allowed". */
const NEGATED = new Set(['allowed', 'permitted', 'accepted', 'supported']);
const ADDRESS_WORDS = new Set(['address', 'addresses', 'ip', 'ips', 'network', 'networks', 'range', 'ranges', 'host', 'hosts', 'destination', 'destinations']);

/** Whether a description says private or internal destinations are refused. */
export function refusesPrivateDestinations(description: string): boolean {
  for (const sentence of proseSentences(description.slice(0, 20_000).toLowerCase())) {
    const list = sentence.split(/[^a-z0-9]+/);
    const refuses = list.some((w, i) => REFUSAL_WORDS.has(w) || (w === 'not' && NEGATED.has(list[i + 1])));
    // "RFC 1918" is written with a space as often as without.
    const private_ = list.some((w, i) => PRIVATE_WORDS.has(w) || (w === 'rfc' && list[i + 1] === '1918'));
    if (refuses && private_ && list.some(w => ADDRESS_WORDS.has(w))) return true;
  }
  return false;
}

/** Abbreviations whose dot does not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'eg', 'ie', 'etc', 'vs', 'incl', 'approx']);

/**
 * The sentences of a text: a `.`, `!` or `?` ends one only before whitespace or the end, so the
 * dots of `10.0.0.0/8`, `169.254.169.254` and `e.g.` do not cut a refusal in two; `;` and blank
 * lines end one too.
 */
export function proseSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    const atBreak = next === undefined || next === ' ' || next === '\n' || next === '\t' || next === '\r';
    let ends = c === ';' || (c === '\n' && next === '\n');
    if (!ends && (c === '.' || c === '!' || c === '?') && atBreak) {
      // The word before the dot, back to the last space: `e.g`, `i.e`, `etc`.
      let j = i;
      while (j > start && j > i - 8 && !/\s|\(/.test(text[j - 1])) j--;
      ends = c !== '.' || !ABBREVIATIONS.has(text.slice(j, i));
    }
    if (ends) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** A host name of two labels or more, written out. */
const DOMAIN = /^(?:[a-z0-9-]+\.)+[a-z]{2,63}$/i;

/** A path on the same site: `^/(?!/)`, `^\/(?![/\\])`, `^/account` (a second `/` would make it `//evil.com`). */
const SAME_SITE_PATH = /^\^\\?\/(?:\(\?!(?:\\?\/|\[[^\]]{0,8}\])\)|[A-Za-z0-9_-])/;

// Markers of the literal reading of a pattern. ANY can match text that ends a host (`/ ? # @ : \`),
// so a host containing one is not pinned (`.*`, `[^/]*`: `evil.com/x.example.com`); LABEL matches
// only characters of a host name (`[a-z0-9-]`, `\d`, `(eu|us)`), which cannot leave it.
const ANY = '\u0000';
const END = '\u0001';
const OPTIONAL_GROUP = '\u0002';
const LABEL = '\u0003';
/** Characters that end the host of a URL (browsers read `\` as `/`). */
const HOST_ENDERS = '/?#@:\\';
const MAX_ALTERNATIVES = 16;

function rangeHits(lo: number, hi: number): boolean {
  for (const c of HOST_ENDERS) if (c.charCodeAt(0) >= lo && c.charCodeAt(0) <= hi) return true;
  return false;
}

/** Whether a character class (its body, between `[` and `]`) matches only characters of a host name. */
function classStaysInHost(body: string): boolean {
  if (body.startsWith('^')) return false;
  for (let i = 0; i < body.length; i++) {
    let c = body[i];
    if (c === '\\') {
      const next = body[i + 1] ?? '';
      i++;
      if (next === 'w' || next === 'd' || next === '.' || next === '-' || next === '_') continue;
      if (/[a-zA-Z]/.test(next)) return false;
      c = next;
    }
    if (body[i + 1] === '-' && i + 2 < body.length) {
      let hi = body[i + 2];
      if (hi === '\\') hi = body[i + 3] ?? '';
      if (rangeHits(c.charCodeAt(0), hi.charCodeAt(0))) return false;
      i += body[i + 2] === '\\' ? 3 : 2;
      continue;
    }
    if (HOST_ENDERS.includes(c)) return false;
  }
  return true;
}

/** The index of the `]` that closes the character class opening at `start` (`to` when unclosed); a leading `]` or `^]` is a member. */
function classEnd(pattern: string, start: number, to: number): number {
  let j = start + 1;
  if (pattern[j] === '^') j++;
  if (pattern[j] === ']') j++;
  while (j < to && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
  return j;
}

/** The index of each `(`'s matching `)` (-1 when unbalanced), skipping escapes and classes. */
function closingParens(pattern: string, from: number, to: number): Map<number, number> | undefined {
  const out = new Map<number, number>();
  const open: number[] = [];
  for (let i = from; i < to; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(pattern, i, to);
    else if (c === '(') open.push(i);
    else if (c === ')') {
      const at = open.pop();
      if (at === undefined) return undefined;
      out.set(at, i);
    }
  }
  return open.length === 0 ? out : undefined;
}

/** The top-level alternatives of `pattern[from, to)`, as [start, end) pairs. */
function alternatives(pattern: string, from: number, to: number, parens: Map<number, number>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(pattern, i, to);
    else if (c === '(') i = parens.get(i) ?? to;
    else if (c === '|') {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, to]);
  return out;
}

const groupBodyStart = (pattern: string, open: number): number => {
  if (pattern[open + 1] !== '?') return open + 1;
  if (pattern[open + 2] === ':') return open + 3;
  if (pattern[open + 2] === '<' && pattern[open + 3] !== '=' && pattern[open + 3] !== '!') {
    const close = pattern.indexOf('>', open);
    return close < 0 ? open + 1 : close + 1;
  }
  return -1; // a lookaround: zero width, it only narrows what matches
};

/** Whether a literal reading holds only host-name characters. */
const staysInHost = (literal: string): boolean => /^[a-z0-9._\u0003\u0002-]*$/i.test(literal);
/** Whether it is a required end of the host: `/…`, `:…`, `?…`, `#…` or `$`. */
const endsHost = (literal: string): boolean => /^[/:?#\u0001]/.test(literal);

/**
 * Reads `pattern[from, to)` as literal characters and markers, or undefined when it cannot tell
 * (unbalanced). Linear: each character is read once per nesting level of alternatives, which are few.
 */
function literalOf(pattern: string, from: number, to: number, parens: Map<number, number>): string | undefined {
  let literal = '';
  for (let i = from; i < to; i++) {
    const c = pattern[i];
    let unit: string;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      i++;
      unit = /[./:\-?#&=_~@]/.test(next) ? next : next === 'd' || next === 'w' ? LABEL : ANY;
    } else if (c === '[') {
      const j = classEnd(pattern, i, to);
      unit = classStaysInHost(pattern.slice(i + 1, j)) ? LABEL : ANY;
      i = j;
    } else if (c === '(') {
      const close = parens.get(i);
      if (close === undefined || close >= to) return undefined;
      const bodyStart = groupBodyStart(pattern, i);
      const quantifier = pattern[close + 1] ?? '';
      const optional = quantifier === '?' || quantifier === '*' || (quantifier === '{' && pattern[close + 2] === '0');
      if (bodyStart < 0) {
        i = close;
        continue;
      }
      const alts = alternatives(pattern, bodyStart, close, parens);
      if (alts.length > MAX_ALTERNATIVES) return undefined;
      const read: string[] = [];
      for (const [a, b] of alts) {
        const sub = literalOf(pattern, a, b, parens);
        if (sub === undefined) return undefined;
        read.push(sub);
      }
      i = close;
      if ('?*+{'.includes(quantifier) && quantifier !== '') {
        if (quantifier === '{') i = Math.max(i, pattern.indexOf('}', close));
        else i++;
      }
      if (read.length === 1) {
        const [sub] = read;
        // `(/.*)?$`: either the host ends the URL or a `/` follows it.
        if (optional && endsHost(sub) && pattern[i + 1] === '$') literal += sub;
        else if (optional || quantifier === '+') literal += staysInHost(sub) ? sub + OPTIONAL_GROUP : sub.startsWith(':') ? sub + OPTIONAL_GROUP : ANY;
        else literal += sub;
      } else if (!optional && read.every(endsHost)) {
        // `(/|$)`, `(:\d+/|/)`: every way on ends the host.
        literal += read.every(r => r.startsWith('/')) ? '/' : END;
      } else literal += read.every(staysInHost) ? LABEL : ANY;
      continue;
    } else if (c === '$') unit = END;
    else if (c === '.') unit = ANY;
    else if (c === '*' || c === '+' || c === '?' || c === '{') {
      // A quantifier applies to the last unit read: `https?` is still one host; an optional or
      // repeated host ender (`/?`, `/*`) is no longer a required end; `[a-z]+` stays a label.
      const last = literal.slice(-1);
      if (c === '{') i = Math.max(i, pattern.indexOf('}', i));
      const zero = c === '*' || c === '?' || (c === '{' && pattern[i + 1] === '0');
      if (c === '?' && last === 's' && literal.endsWith('https')) {
        literal = literal.slice(0, -1);
        continue;
      }
      if (!zero) {
        if (!staysInHost(last) && !HOST_ENDERS.includes(last)) literal += ANY;
        continue;
      }
      // `/?$`: the host ends either way.
      if (HOST_ENDERS.includes(last) && pattern[i + 1] === '$' && c !== '{') continue;
      literal = literal.slice(0, -1) + (staysInHost(last) ? LABEL : ANY);
      continue;
    } else if (c === '|' || c === ')') return undefined;
    else unit = c;
    literal += unit;
  }
  return literal;
}

/** Whether a literal reading (after `^`) pins a host, or for redirects a path on the same site. */
function literalPinsHost(literal: string, allowRelative: boolean): boolean {
  if (allowRelative && /^\/[^/\u0000\u0003\\]/.test(literal)) return true;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(literal);
  if (!scheme) return false;
  const rest = literal.slice(scheme[0].length);
  const end = rest.search(/[/\u0001?#]/);
  if (end < 0) return false;
  const authority = rest.slice(0, end).replace(/:[\d\u0003\u0002]*$/, '');
  if (authority.includes(ANY) || /[@:\\]/.test(authority)) return false;
  // The host must end in a literal registrable domain: after the last wildcard, a dot, then two
  // labels or more written out (`[a-z]+\.example\.com`, `(eu|us)\.example\.com`), or an optional
  // subdomain group right before one (`([a-z]+\.)?example\.com`). `[a-z]+example\.com` is not
  // pinned: `evilexample.com` matches it.
  const wild = Math.max(authority.lastIndexOf(LABEL), authority.lastIndexOf(OPTIONAL_GROUP));
  if (wild < 0) return DOMAIN.test(authority);
  const host = authority.slice(wild + 1);
  if (authority[wild] === OPTIONAL_GROUP && authority[wild - 1] === '.' && DOMAIN.test(host)) return true;
  const dot = host.indexOf('.');
  return dot >= 0 && DOMAIN.test(host.slice(dot + 1));
}

/**
 * The pattern pins the URL to a host (`^https://hooks\.example\.com/`, `^https://([a-z]+\.)?example\.com(/|$)`)
 * or, for redirects, to a path on the same site (`^/(?!/)`, `^/account/`): anchored at the start,
 * every alternative pinned, and an authority that cannot hold text ending a host (`.*`, `[^/]*`)
 * and ends in a literal domain of two labels or more followed by a required `/`, `:port`, `?`, `#` or `$`.
 */
export function patternPinsHost(pattern: string, allowRelative: boolean): boolean {
  if (typeof pattern !== 'string' || pattern.length > 2_000 || !pattern.startsWith('^')) return false;
  if (allowRelative && SAME_SITE_PATH.test(pattern)) return true;
  const parens = closingParens(pattern, 1, pattern.length);
  if (!parens) return false;
  const top = alternatives(pattern, 1, pattern.length, parens);
  if (top.length > 1) return false;
  // A leading group of alternatives (`^(https://a\.example\.com/|/.*)$`) pins only if each does.
  const close = pattern[1] === '(' ? parens.get(1) : undefined;
  if (close !== undefined && groupBodyStart(pattern, 1) > 0 && !'?*+{'.includes(pattern[close + 1] ?? 'x')) {
    const alts = alternatives(pattern, groupBodyStart(pattern, 1), close, parens);
    if (alts.length > 1) {
      if (alts.length > MAX_ALTERNATIVES) return false;
      const after = literalOf(pattern, close + 1, pattern.length, parens);
      if (after === undefined) return false;
      return alts.every(([a, b]) => {
        if (allowRelative && SAME_SITE_PATH.test(`^${pattern.slice(a, b)}`)) return true;
        const sub = literalOf(pattern, a, b, parens);
        return sub !== undefined && literalPinsHost(sub + after, allowRelative);
      });
    }
  }
  const literal = literalOf(pattern, 1, pattern.length, parens);
  return literal !== undefined && literalPinsHost(literal, allowRelative);
}

export interface Restriction {
  /** Where the limit is written, described for a message. */
  how: string;
}

/**
 * What limits where a URL input may point: an `enum` or `const`, a pattern pinned to a host (or,
 * for redirects, to a same-site path), an allow-list extension, or a description naming the
 * allow-list it is checked against. Undefined when nothing does.
 */
export function urlRestriction(input: Pick<UrlInput, 'members' | 'declared' | 'role'>): Restriction | undefined {
  const nodes = [input.declared, ...input.members.map(m => m.node)];
  for (const node of nodes) {
    if (Array.isArray(node.enum) && node.enum.length > 0) return { how: '`enum`' };
    if (Object.prototype.hasOwnProperty.call(node, 'const')) return { how: '`const`' };
    if (typeof node.pattern === 'string' && patternPinsHost(node.pattern, input.role === 'redirect')) return { how: '`pattern`' };
    for (const key of Object.keys(node)) if (isAllowListExtension(key)) return { how: `\`${key}\`` };
    if (ALLOW_LIST_PROSE.test(text(node.description))) return { how: 'its description' };
    if (input.role === 'redirect' && namesRedirectAllowList(text(node.description))) return { how: 'its description' };
    if (input.role !== 'redirect' && refusesPrivateDestinations(text(node.description))) return { how: 'its description' };
  }
  return undefined;
}
