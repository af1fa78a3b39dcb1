import {
  alternativesEnumerate,
  compactSet,
  deref,
  entries,
  firstWith,
  hasAny,
  hasUpperBound,
  isExempt,
  isObject,
  pagedArrays,
  pageSizeParameters,
  patternBoundsLength,
  perDocument,
  schemaGraph,
  typeOwner,
  typesOf,
  type Analysis,
  type Direction,
  type JsonObject,
  type JsonPath,
  type Located,
  type UseContext,
  type ValueSite,
} from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { MAX_QUOTED_URL, shown } from '../core/message.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';

export type ValueKind = 'string' | 'array' | 'number' | 'map' | 'upload';

export interface UnboundedValuesOptions {
  kinds: ValueKind[];
  direction: Direction;
  /** String formats whose values have an inherent maximum length. */
  boundedStringFormats: string[];
  /** Keywords that document an upload's maximum size. */
  uploadSizeKeywords: string[];
  /** Page-size parameters are judged by `resource-pagination-unbounded`, not as plain numbers. */
  pageSizeParameterNames: string[];
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
}

const ADVICE: Record<Direction, Record<ValueKind, string>> = {
  request: {
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

function judge(root: unknown, site: ValueSite, options: UnboundedValuesOptions, boundedFormats: ReadonlySet<string>, skip: ReadonlySet<JsonObject>, pages: ReadonlySet<JsonObject>): Judgement[] {
  const members = site.members;
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
  if ((types.has('integer') || types.has('number')) && !enumerated && !hasUpperBound(members) && !skip.has(site.node)) {
    out.push({ kind: 'number', at: owner });
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

interface JudgedSite {
  site: ValueSite;
  uses: UseContext[];
  judgements: Judgement[];
}

const judged = perDocument<JudgedSite[]>();

/**
 * Every site of the schema graph reached in a direction, with what is unbounded there, worked out
 * once per document and shared by the five rules (string, array, number, map, upload) that each
 * report one kind of it, instead of each rule judging every site for every kind.
 */
function judgedSites(analysis: Analysis, options: UnboundedValuesOptions): JudgedSite[] {
  const key = JSON.stringify([options.direction, options.boundedStringFormats, options.uploadSizeKeywords, options.pageSizeParameterNames]);
  return judged(analysis, key, () => {
    const out: JudgedSite[] = [];
    const boundedFormats = new Set(options.boundedStringFormats.map(f => f.toLowerCase()));
    const pageSizeNames = compactSet(options.pageSizeParameterNames);
    const skip = options.direction === 'request' ? numbersNotJudged(analysis, pageSizeNames) : new Set<JsonObject>();
    const pages = options.direction === 'response' ? pagedArrays(analysis, pageSizeNames) : new Set<JsonObject>();
    for (const site of schemaGraph(analysis).sites.values()) {
      const uses: UseContext[] = [];
      for (const context of site.contexts) if (context.direction === options.direction) uses.push(context);
      if (uses.length === 0) continue;
      const judgements = judge(analysis.root, site, options, boundedFormats, skip, pages);
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
    kinds: { type: 'array', items: { enum: ['string', 'array', 'number', 'map', 'upload'] } },
    direction: { enum: ['request', 'response'] },
    boundedStringFormats: stringList('String formats with an inherent maximum length.'),
    uploadSizeKeywords: stringList('Keywords that document an upload size limit.'),
    pageSizeParameterNames: stringList('Page-size parameter names left to the pagination rule.'),
  }),
  { kinds: ['string'], direction: 'request', ...defaultLists('boundedStringFormats', 'uploadSizeKeywords', 'pageSizeParameterNames') },
  function* ({ analysis, options, rule }): Iterable<Finding> {
    const kinds = new Set(options.kinds);
    for (const { site, uses, judgements } of judgedSites(analysis, options)) {
      const mine = judgements.filter(judgement => kinds.has(judgement.kind));
      if (mine.length === 0) continue;
      // A finding may land on an `allOf` member (where `type` is written); an exemption on the value's own schema still applies.
      if (isExempt(analysis, rule, undefined, site.node)) continue;
      for (const judgement of mine) {
        yield { message: ADVICE[options.direction][judgement.kind], path: judgement.at.path, uses, exemptIn: judgement.at.node };
      }
    }
    if (kinds.has('upload') && options.direction === 'request') yield* schemalessUploads(analysis, options);
  },
);
