import {
  optionsKey,
  asArray,
  carriedSensitiveData,
  compact,
  deref,
  entries,
  getAt,
  headerValueTexts,
  isObject,
  isSuccessStatus,
  phrases,
  responseExamples,
  responseHeaders,
  walkExample,
  type Analysis,
  type CarriedData,
  type JsonPath,
  type Response,
  type ResponseAccess,
  type SensitiveVocabulary,
} from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt, targetAt } from '../core/targets.js';

const HSTS = 'strict-transport-security';

/** The API's own operations: webhook responses are what subscribers answer. */
function apiResponses(analysis: Analysis): Response[] {
  return analysis.operations.filter(op => op.container === 'paths').flatMap(op => op.responses);
}

/** Where the description says it is served over https: the first https root server (3.x), or `schemes` listing https (2.0). */
function httpsServers(analysis: Analysis): JsonPath | undefined {
  const root = analysis.root;
  if (analysis.version === '2.0') {
    return asArray(root.schemes).some(s => typeof s === 'string' && s.toLowerCase() === 'https') ? ['schemes'] : undefined;
  }
  const servers = asArray(root.servers);
  return servers.some(s => isObject(s) && typeof s.url === 'string' && /^https:\/\//i.test(s.url.trim())) ? ['servers'] : undefined;
}

/** A Strict-Transport-Security header on any response, or among the reusable headers (3.x `components.headers`). */
function documentsHsts(analysis: Analysis): boolean {
  if (apiResponses(analysis).some(response => response.headers.has(HSTS))) return true;
  const components = isObject(analysis.root.components) ? analysis.root.components.headers : undefined;
  return entries(components).some(([name]) => name.toLowerCase() === HSTS);
}

/**
 * Opt-in, once per description: an API served over https whose responses document their headers
 * but never Strict-Transport-Security. A description that declares no response header at all
 * documents none, and is not told about this one.
 */
export const hstsHeader = analysisFunction<Record<string, never>>(
  'hstsHeader',
  objectOptions({}),
  {},
  function* ({ analysis, path }): Iterable<Finding> {
    if (targetAt(path).kind !== 'root') return;
    const servers = httpsServers(analysis);
    if (!servers) return;
    const responses = apiResponses(analysis);
    if (!responses.some(response => response.headers.size > 0) || documentsHsts(analysis)) return;
    yield {
      message: 'The API is served over https and its responses declare headers, but none declares `Strict-Transport-Security`: send and document it (e.g. `max-age=31536000; includeSubDomains`) so browsers never try plain http first, where the connection can be downgraded.',
      path: servers,
    };
  },
);

export interface CacheControlOptions {
  /** Names (phrases) of credentials and secrets, compared as whole words. */
  credentialNames: string[];
  /** Names (phrases) of highly sensitive personal data. */
  personalDataNames: string[];
  /** Tax identifiers, personal data only where a person holds them. */
  taxIdNames: string[];
}

type CacheVerdict = { kind: 'missing' } | { kind: 'weak' } | { kind: 'ok' };

/**
 * What a response says about caching: `no-store` among the Cache-Control values or in its prose
 * is enough; a Cache-Control declared without any value cannot be judged and is taken as written.
 */
function cacheVerdict(analysis: Analysis, response: Response): CacheVerdict {
  const header = responseHeaders(analysis.root, response).get('cache-control');
  if (!header) return { kind: 'missing' };
  const values = headerValueTexts(header);
  if (values.some(value => /\bno-store\b/.test(value)) || /\bno-store\b/i.test(header.description)) return { kind: 'ok' };
  return values.length === 0 ? { kind: 'ok' } : { kind: 'weak' };
}

/**
 * Whether an undescribed credential is one the response's own examples leave out: they show the
 * object that declares it (a sibling) and never the property itself. GitHub's hook example shows
 * `config` with `url` and `content_type`, not the legacy `config.password` its schema still
 * declares without a word. A property the description explains is judged by its schema.
 */
function examplesOmit(analysis: Analysis, response: Response, carried: CarriedData): boolean {
  const raw = getAt(analysis.root, carried.path);
  const value = deref(analysis.root, raw, carried.path).node;
  if ([raw, value].some(node => isObject(node) && typeof node.description === 'string' && node.description.trim() !== '')) return false;
  const property = JSON.stringify(carried.path);
  const parent = JSON.stringify(carried.path.slice(0, -2));
  let reachesParent = false;
  for (const example of responseExamples(analysis, response)) {
    if (!example.schema) continue;
    let shown = false;
    walkExample(analysis.root, example, example.schema, declared => {
      if (shown) return;
      if (JSON.stringify(declared.path) === property) shown = true;
      else if (!reachesParent && JSON.stringify(declared.path.slice(0, -2)) === parent) reachesParent = true;
    });
    if (shown) return false;
  }
  return reachesParent;
}

const NEVER_CACHED: ReadonlySet<string> = new Set(['put', 'delete']);

const vocabularyKey = optionsKey<CacheControlOptions>(['credentialNames', 'personalDataNames', 'taxIdNames']);

/**
 * Opt-in: successful responses that return credentials or personal data (the data rules'
 * dictionaries, token endpoints and issuing writes included) must tell caches not to store them
 * (`Cache-Control: no-store`). At most one finding per operation, on its first such response.
 */
export const cacheControlHeader = analysisFunction<CacheControlOptions>(
  'cacheControlHeader',
  objectOptions({
    credentialNames: stringList('Names (phrases) of credentials and secrets, compared as whole words.'),
    personalDataNames: stringList('Names (phrases) of highly sensitive personal data.'),
    taxIdNames: stringList('Tax identifiers, personal data only where a person holds them.'),
  }),
  { ...defaultLists('credentialNames', 'personalDataNames', 'taxIdNames') },
  function* ({ analysis, options, path }): Iterable<Finding> {
    const key = vocabularyKey(options);
    const vocabulary: SensitiveVocabulary = { credentials: phrases(options.credentialNames), personal: phrases(options.personalDataNames), taxIds: phrases(options.taxIdNames) };
    for (const operation of operationsAt(analysis, path)) {
      // Caches never store responses to PUT or DELETE (RFC 9110 §9.3.4, §9.3.5); POST and PATCH
      // responses may be stored when marked fresh, and a token endpoint's must say no-store (RFC 6749 §5.1).
      if (operation.container !== 'paths' || NEVER_CACHED.has(operation.method)) continue;
      const access: ResponseAccess = operation.isWrite ? 'write' : /\/\{[^/{}]*\}$/.test(operation.pathKey) ? 'record-read' : 'read';
      for (const response of operation.responses) {
        if (!isSuccessStatus(response.status)) continue;
        const verdict = cacheVerdict(analysis, response);
        if (verdict.kind === 'ok') continue;
        const carried = response.schemas.map(schema => carriedSensitiveData(analysis, key, vocabulary, schema, access)).find(found => found !== undefined);
        if (!carried || examplesOmit(analysis, response, carried)) continue;
        const kind = carried.kind === 'credential' ? 'a credential' : 'personal data';
        const what = `${kind} (property ${quote(carried.name)}${compact(carried.name) === compact(carried.what) ? '' : `: ${carried.what}`})`;
        yield {
          message: verdict.kind === 'missing'
            ? `This ${response.status} response returns ${what} but declares no \`Cache-Control\` header: send and document \`Cache-Control: no-store\` so browsers and shared caches do not keep it.`
            : `This ${response.status} response returns ${what} but its \`Cache-Control\` does not say \`no-store\`: browsers and shared caches may keep it; use \`no-store\`.`,
          path: response.path,
          operation,
        };
        break;
      }
    }
  },
);
