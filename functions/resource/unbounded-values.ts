import {
  optionsKey,
  acceptsAnyValue,
  alternativesEnumerate,
  compactSet,
  deref,
  entries,
  firstWith,
  hasAny,
  hasLowerBound,
  hasUpperBound,
  isExempt,
  isObject,
  pagedArrays,
  pageSizeParameters,
  patternBoundsLength,
  perDocument,
  quantityMatcher,
  requestValueNames,
  schemaGraph,
  typeOwner,
  typesOf,
  type Analysis,
  type Direction,
  type JsonObject,
  type JsonPath,
  type Located,
  type QuantityMatch,
  type UseContext,
  type ValueSite,
} from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { MAX_QUOTED_URL, quote, shown } from '../core/message.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';

export type ValueKind = 'string' | 'array' | 'number' | 'map' | 'upload' | 'quantity' | 'untyped';

export interface UnboundedValuesOptions {
  kinds: ValueKind[];
  direction: Direction;
  /** String formats whose values have an inherent maximum length. */
  boundedStringFormats: string[];
  /** Keywords that document an upload's maximum size. */
  uploadSizeKeywords: string[];
  /** Page-size parameters are judged by `resource-pagination-unbounded`, not as plain numbers. */
  pageSizeParameterNames: string[];
  /** Words of the names of numbers that scale work or money: they need both bounds. */
  quantityNames: string[];
}


/** Media types of raw binary request bodies (3.1 lets them have no schema at all). */
const BINARY_MEDIA = /^(application\/(octet-stream|pdf|zip|gzip)|image\/|video\/|audio\/)/i;

function isUpload(members: ReadonlyArray<Located<JsonObject>>, types: Set<string>): boolean {
  if (types.has('file')) return true;
  return members.some(m => m.node.format === 'binary' || m.node.contentMediaType !== undefined || m.node.contentEncoding !== undefined);
}

interface Judgement {
  kind: ValueKind;
  at: Located<JsonObject>;
  /** For judgements whose message depends on the value (the word that makes it a quantity, the bound it lacks). */
  message?: string;
}

const ADVICE: Record<Direction, Partial<Record<ValueKind, string>>> = {
  request: {
    untyped: 'Schema accepts any JSON value of any size: it has no `type`, `enum`, `const`, `$ref` or composition. Declare what the value is (its `type`, with `maxLength`, `maximum`, `maxItems` or `properties` as fits, or a `oneOf` of the shapes it takes) or list its values with an `enum`.',
    upload: 'File upload has no documented size limit: give the binary value a `maxLength` (bytes) or an `x-max-size`, and enforce it.',
    string: 'String has no `maxLength`: set one (or an `enum`, a bounded `format` or an anchored `pattern` without `*`/`+`) so oversized input is rejected at the edge.',
    array: 'Array has no `maxItems`: set one so a single request cannot carry an unbounded number of items.',
    number: 'Number has no `maximum`: set one so quantities, sizes and counts cannot be arbitrarily large.',
    map: 'Map (schema-valued `additionalProperties`) has no `maxProperties`: set one so a request cannot carry unboundedly many keys.',
  },
  response: {
    upload: 'Binary response value has no documented size limit: give it a `maxLength` (bytes) or an `x-max-size` so clients can size their buffers.',
    string: 'Response string has no `maxLength`: document one so clients can size their buffers and storage.',
    array: 'Response array has no `maxItems`: paginate it or document a maximum so one response cannot grow without bound.',
    number: 'Response number has no `maximum`: document the range clients must handle.',
    map: 'Response map has no `maxProperties`: document a maximum so one response cannot grow without bound.',
  },
};

/** Request facts the judgement of one site reads besides the site. */
interface RequestFacts {
  /** Numbers not judged here: path parameters and GET page sizes. */
  skip: ReadonlySet<JsonObject>;
  /** Where a value is written: as a property, a parameter (true for a 2.0 parameter, its own schema), a body or array items. */
  positions: ReadonlyMap<JsonObject, boolean>;
  /** The names each value is known by. */
  names: ReadonlyMap<JsonObject, string[]>;
  isQuantity: (name: string) => QuantityMatch | undefined;
}

/**
 * The quantity message: which bounds a number named like an amount of work or money lacks. It
 * names the word that made it a quantity, not the whole name: the finding's path ends with the
 * name, and a name may hold anything, a pasted credential included.
 */
function quantityAdvice({ entry, share }: QuantityMatch, upper: boolean, lower: boolean): string | undefined {
  const what = `Number named like a quantity (${quote(entry)})`;
  if (!upper && !lower) {
    const example = share === 'percent' ? '`minimum: 0`, `maximum: 100`' : share === 'fraction' ? '`minimum: 0`, `maximum: 1`' : '`minimum: 1`, `maximum: 1000`';
    return `${what} has neither \`maximum\` nor \`minimum\`: one request can ask for a billion (items, seconds, retries or cents), or for a negative amount (the classic refund and balance fraud). Set both (e.g. ${example}).`;
  }
  if (!upper) return `${what} has no \`maximum\`: one request can ask for a billion (items, seconds, retries or cents). Set one.`;
  if (!lower) return `${what} has no \`minimum\` (or \`exclusiveMinimum\`): a negative quantity or amount is the classic refund and balance fraud. Set \`minimum: 0\` (or 1).`;
  return undefined;
}

/**
 * A description that gives `-1` a meaning (Kafka's `retention_ms`: "-1 means no limit"): the
 * negative value is part of the contract, so a missing `minimum` is no oversight.
 */
const NEGATIVE_SENTINEL = /(?:^|[\s(`'"=:,])-1(?![\d.])/;
function documentsNegativeSentinel(members: ReadonlyArray<{ node: JsonObject }>): boolean {
  return members.some(({ node }) => typeof node.description === 'string' && NEGATIVE_SENTINEL.test(node.description.slice(0, 10_000)));
}

function judge(root: unknown, site: ValueSite, options: UnboundedValuesOptions, boundedFormats: ReadonlySet<string>, request: RequestFacts | undefined, pages: ReadonlySet<JsonObject>): Judgement[] {
  const members = site.members;
  if (request && request.positions.has(site.node) && acceptsAnyValue(site.node, request.positions.get(site.node))) {
    return [{ kind: 'untyped', at: members[0] }];
  }
  const types = typesOf(members);
  // Alternatives that are all constants enumerate the values, like an `enum` does.
  const enumerated = alternativesEnumerate(root, members);
  const out: Judgement[] = [];
  const owner = typeOwner(members);
  if (isUpload(members, types)) {
    if (!hasAny(members, options.uploadSizeKeywords)) {
      out.push({ kind: 'upload', at: owner });
    }
    return out;
  }
  if (types.has('string') && !enumerated && !hasAny(members, ['maxLength', 'enum', 'const'])) {
    const format = firstWith(members, 'format')?.node.format;
    const pattern = firstWith(members, 'pattern')?.node.pattern;
    if (!(typeof format === 'string' && boundedFormats.has(format.toLowerCase())) && !patternBoundsLength(pattern)) {
      out.push({ kind: 'string', at: owner });
    }
  }
  if (types.has('array') && !enumerated && !hasAny(members, ['maxItems', 'enum', 'const']) && !pages.has(site.node)) {
    out.push({ kind: 'array', at: owner });
  }
  if ((types.has('integer') || types.has('number')) && !enumerated && !request?.skip.has(site.node)) {
    const upper = hasUpperBound(members);
    // Named like an amount of work or money: both bounds, judged by the quantity rule alone.
    let quantity: QuantityMatch | undefined;
    for (const name of request?.names.get(site.node) ?? []) if ((quantity = request?.isQuantity(name))) break;
    if (quantity) {
      const message = quantityAdvice(quantity, upper, hasLowerBound(members) || documentsNegativeSentinel(members));
      if (message) out.push({ kind: 'quantity', at: owner, message });
    } else if (!upper) out.push({ kind: 'number', at: owner });
  }
  // `additionalProperties: {}` allows any value, like `true`: a free-form object, not a declared map.
  const map = members.find(m => isObject(m.node.additionalProperties) && Object.keys(m.node.additionalProperties).length > 0);
  if (map && !hasAny(members, ['maxProperties'])) {
    out.push({ kind: 'map', at: map });
  }
  return out;
}

/**
 * Numbers not judged as quantities: page sizes (the pagination rule judges them, so they are not
 * reported twice) and path parameters (an id's magnitude costs nothing; guessable integer ids are
 * `auth-object-id-guessable`'s concern).
 */
function numbersNotJudged(analysis: Analysis, names: ReadonlySet<string>): Set<JsonObject> {
  const set = new Set<JsonObject>();
  for (const operation of analysis.operations) {
    for (const parameter of operation.parameters) {
      if (parameter.in === 'path' && parameter.schema && isObject(parameter.schema.node)) set.add(parameter.schema.node);
    }
  }
  for (const operation of analysis.operations) {
    if (operation.method !== 'get') continue;
    for (const { parameter } of pageSizeParameters(analysis.root, operation, names)) {
      if (parameter.schema && isObject(parameter.schema.node)) set.add(parameter.schema.node);
    }
  }
  return set;
}

function* schemalessUploads(analysis: Analysis, options: UnboundedValuesOptions): Iterable<Finding> {
  for (const operation of analysis.operations) {
    if (analysis.version === '2.0' || operation.node.requestBody === undefined) continue;
    const body = deref(analysis.root, operation.node.requestBody, [...operation.path, 'requestBody']);
    if (!isObject(body.node)) continue;
    for (const [mediaType, media] of entries(body.node.content)) {
      if (!isObject(media) || media.schema !== undefined || !BINARY_MEDIA.test(mediaType)) continue;
      if (options.uploadSizeKeywords.some(key => media[key] !== undefined)) continue;
      const path: JsonPath = [...body.path, 'content', mediaType];
      yield { message: `Binary request body (${shown(mediaType, MAX_QUOTED_URL)}) has no documented size limit: add \`x-max-size\` (bytes) to the media type, and enforce it.`, path, operation };
    }
  }
}

/**
 * Where a request value is written as a value of its own: a property, a parameter's schema, a
 * request body (binary media aside: bytes are the upload rule's), array items. Map values
 * (`additionalProperties: {}`) and `oneOf`/`anyOf` alternatives are not: an empty one there is a
 * free-form map or an open alternative, not an undeclared value.
 */
function requestPositions(analysis: Analysis): Map<JsonObject, boolean> {
  const positions = new Map<JsonObject, boolean>();
  const graph = schemaGraph(analysis);
  for (const use of graph.properties) {
    if ([...use.contexts].some(context => context.direction === 'request')) positions.set(use.value.node, false);
  }
  for (const operation of analysis.operations) {
    if (operation.container !== 'paths') continue;
    for (const parameter of operation.parameters) {
      if (parameter.in === 'body' || !parameter.schema || !isObject(parameter.schema.node)) continue;
      positions.set(parameter.schema.node, parameter.schema.node === parameter.node);
    }
    for (const schema of operation.requestSchemas) {
      if (!isObject(schema.node) || (schema.mediaType !== undefined && BINARY_MEDIA.test(schema.mediaType))) continue;
      if (!positions.has(schema.node)) positions.set(schema.node, false);
    }
  }
  for (const site of graph.sites.values()) {
    if (![...site.contexts].some(context => context.direction === 'request')) continue;
    for (const member of site.members) {
      const items: Array<[unknown, JsonPath]> = [[member.node.items, [...member.path, 'items']]];
      if (Array.isArray(member.node.prefixItems)) member.node.prefixItems.forEach((item, i) => items.push([item, [...member.path, 'prefixItems', i]]));
      for (const [item, path] of items) {
        const { node } = deref(analysis.root, item, path);
        if (isObject(node) && !positions.has(node)) positions.set(node, false);
      }
    }
  }
  return positions;
}

interface JudgedSite {
  site: ValueSite;
  uses: UseContext[];
  judgements: Judgement[];
}

const judged = perDocument<JudgedSite[]>();

const sitesKey = optionsKey<UnboundedValuesOptions>(['direction', 'boundedStringFormats', 'uploadSizeKeywords', 'pageSizeParameterNames', 'quantityNames']);

/**
 * Every site of the schema graph reached in a direction, with what is unbounded there, worked out
 * once per document and shared by the rules (string, array, number, quantity, untyped, map, upload) that each
 * report one kind of it, instead of each rule judging every site for every kind.
 */
function judgedSites(analysis: Analysis, options: UnboundedValuesOptions): JudgedSite[] {
  const key = sitesKey(options);
  return judged(analysis, key, () => {
    const out: JudgedSite[] = [];
    const boundedFormats = new Set(options.boundedStringFormats.map(f => f.toLowerCase()));
    const pageSizeNames = compactSet(options.pageSizeParameterNames);
    const request: RequestFacts | undefined =
      options.direction === 'request'
        ? { skip: numbersNotJudged(analysis, pageSizeNames), positions: requestPositions(analysis), names: requestValueNames(analysis), isQuantity: quantityMatcher(options.quantityNames) }
        : undefined;
    const pages = options.direction === 'response' ? pagedArrays(analysis, pageSizeNames) : new Set<JsonObject>();
    for (const site of schemaGraph(analysis).sites.values()) {
      const uses: UseContext[] = [];
      for (const context of site.contexts) if (context.direction === options.direction) uses.push(context);
      if (uses.length === 0) continue;
      const judgements = judge(analysis.root, site, options, boundedFormats, request, pages);
      if (judgements.length > 0) out.push({ site, uses, judgements });
    }
    return out;
  });
}

/**
 * Values reached from requests (or, for the response rule, responses) that no schema
 * keyword bounds. Each schema is judged once, where it is written, however many
 * operations use it; `allOf` members are judged together, as validators do.
 */
export const unboundedValues = analysisFunction<UnboundedValuesOptions>(
  'unboundedValues',
  objectOptions({
    kinds: { type: 'array', items: { enum: ['string', 'array', 'number', 'map', 'upload', 'quantity', 'untyped'] } },
    direction: { enum: ['request', 'response'] },
    boundedStringFormats: stringList('String formats with an inherent maximum length.'),
    uploadSizeKeywords: stringList('Keywords that document an upload size limit.'),
    pageSizeParameterNames: stringList('Page-size parameter names left to the pagination rule.'),
    quantityNames: stringList('Words of the names of numbers that scale work or money (both bounds needed).'),
  }),
  { kinds: ['string'], direction: 'request', ...defaultLists('boundedStringFormats', 'uploadSizeKeywords', 'pageSizeParameterNames', 'quantityNames') },
  function* ({ analysis, options, rule }): Iterable<Finding> {
    const kinds = new Set(options.kinds);
    for (const { site, uses, judgements } of judgedSites(analysis, options)) {
      const mine = judgements.filter(judgement => kinds.has(judgement.kind));
      if (mine.length === 0) continue;
      // A finding may land on an `allOf` member (where `type` is written); an exemption on the value's own schema still applies.
      if (isExempt(analysis, rule, undefined, site.node)) continue;
      for (const judgement of mine) {
        const message = judgement.message ?? ADVICE[options.direction][judgement.kind];
        if (message) yield { message, path: judgement.at.path, uses, exemptIn: judgement.at.node };
      }
    }
    if (kinds.has('upload') && options.direction === 'request') yield* schemalessUploads(analysis, options);
  },
);
