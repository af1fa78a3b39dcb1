import {
  optionsKey,
  canCarryText,
  declaringSchema,
  formatOf,
  holderOf,
  isExempt,
  matchNameAt,
  membersAt,
  pathContext,
  pathThroughPerson,
  returnedOnlyOnCreation,
  perDocument,
  phrases,
  schemaGraph,
  sensitiveProperty,
  words,
  type Analysis,
  type Parameter,
  type SensitiveVocabulary,
  type UseContext,
} from '../analysis/index.js';
import { defaultLists, URL_PERSONAL_DATA_FORMATS } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt } from '../core/targets.js';

export type SensitiveDataCheck = 'credential-in-response' | 'personal-data-in-response' | 'personal-data-in-url';

export interface SensitiveDataOptions {
  /**
   * `credential-in-response`: credentials and secrets returned in responses;
   * `personal-data-in-response`: highly sensitive personal data returned in responses;
   * `personal-data-in-url`: personal data in query or path parameters.
   */
  check: SensitiveDataCheck;
  /** Names (phrases) of credentials and secrets (`credential-in-response`), compared as whole words, ignoring case and separators. */
  credentialNames: string[];
  /** Names of highly sensitive personal data (`personal-data-in-response`). */
  personalDataNames: string[];
  /** Names of personal data (`personal-data-in-url`). */
  urlPersonalDataNames: string[];
  /** Tax identifiers, personal data only where a person holds them (both personal-data checks). */
  taxIdNames: string[];
  /** `personal-data-in-url`: string formats that carry personal data whatever the parameter's name. */
  urlPersonalDataFormats: string[];
}

/** Responses of these methods may carry the credential they issue or rotate. */
const ISSUING_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete']);

function* responseFindings(analysis: Analysis, rule: string, check: SensitiveDataCheck, vocabulary: SensitiveVocabulary): Iterable<Finding> {
  const credentials = check === 'credential-in-response';
  for (const use of schemaGraph(analysis).properties.values()) {
    // The graph does not walk writeOnly properties in responses: a property without response contexts is not returned.
    let uses: UseContext[] = [...use.contexts].filter(c => c.direction === 'response');
    if (uses.length === 0 || use.writeOnly) continue;
    const found = sensitiveProperty(analysis.root, use.name, use.path, use.value.members, use.declared, vocabulary);
    if (!found) continue;
    if (found.issuable) {
      // The operations that issue or rotate a key, secret or token (a token endpoint, a write) return it to
      // their caller; the exposure is a read that returns it again to anyone who can read the resource.
      // Passwords, PINs, card codes and security answers are never issued back. A description
      // that says the key is returned only on creation says the reads do not return it.
      uses = uses.filter(c => !c.tokenEndpoint && !ISSUING_METHODS.has(c.method));
      if (uses.length === 0 || returnedOnlyOnCreation(use.declared, use.value.members)) continue;
    }
    if (isExempt(analysis, rule, undefined, use.declared)) continue;
    yield {
      message: credentials
        ? `Property ${quote(use.name)} returns a credential (${found.what}) in responses: remove it from response schemas or mark it \`writeOnly: true\`; a key or secret the API issues may be returned only once, by the operation that creates it.`
        : `Property ${quote(use.name)} returns highly sensitive personal data (${found.what}) in responses: return a masked form (e.g. the last four digits) or mark it \`writeOnly: true\`.`,
      path: use.path,
      exemptIn: declaringSchema(analysis.root, use.path),
      uses,
    };
  }
}

/**
 * Words that open a search hint about a place rather than a person's data: Twilio's `NearNumber`
 * (numbers near this one), `near_lat_long`, `InRegion`, `InPostalCode`, `within_radius`.
 */
const SEARCH_HINT_WORDS: ReadonlySet<string> = new Set(['near', 'nearby', 'nearest', 'closest', 'around', 'within', 'in']);

/** Personal data that is a phone number, by the dictionary entry or the format. */
function isPhone(what: string): boolean {
  return /phone|mobile|msisdn|\btel\b/.test(what);
}

/**
 * A collection of phone numbers (`/IncomingPhoneNumbers`, `/phone_numbers`, `/account/numbers`)
 * is a telephony provider's inventory: the numbers an account rents. Filtering it by number looks
 * up the account's own line, not a person, unless the path goes through a person's records
 * (`/users/{id}/phone_numbers`).
 */
function isNumberInventory(pathKey: string): boolean {
  return pathKey.split('/').some(segment => !segment.startsWith('{') && words(segment).includes('numbers')) && !pathThroughPerson(pathKey);
}

/**
 * What a parameter carries by itself (its name, format and type), judged once per parameter
 * node; whose it is depends on the path of the operation that uses it.
 */
interface ParameterData {
  what: string;
  nameWords: readonly string[];
  /** Where the phrase starts in the name (the name's length for a format). */
  start: number;
  /** A tax id: personal only where a person holds it; anything else unless an organisation does. */
  taxId: boolean;
}

const parameterJudgements = perDocument<Map<object, ParameterData | undefined>>();

const urlDataKey = optionsKey<SensitiveDataOptions>(['urlPersonalDataNames', 'taxIdNames', 'urlPersonalDataFormats']);

export const sensitiveData = analysisFunction<SensitiveDataOptions>(
  'sensitiveData',
  objectOptions({
    check: { enum: ['credential-in-response', 'personal-data-in-response', 'personal-data-in-url'] },
    credentialNames: stringList('Names (phrases) of credentials and secrets, compared as whole words.'),
    personalDataNames: stringList('Names (phrases) of highly sensitive personal data.'),
    urlPersonalDataNames: stringList('Names (phrases) of personal data that must not travel in URLs.'),
    taxIdNames: stringList('Tax identifiers, personal data only where a person holds them.'),
    urlPersonalDataFormats: stringList('String formats that carry personal data (personal-data-in-url).'),
  }),
  { check: 'credential-in-response', ...defaultLists('credentialNames', 'personalDataNames', 'urlPersonalDataNames', 'taxIdNames'), urlPersonalDataFormats: [...URL_PERSONAL_DATA_FORMATS] },
  function* ({ analysis, options, path, rule }): Iterable<Finding> {
    const check = options.check;
    const taxIds = phrases(options.taxIdNames);
    if (check !== 'personal-data-in-url') {
      const vocabulary: SensitiveVocabulary = check === 'credential-in-response' ? { credentials: phrases(options.credentialNames) } : { personal: phrases(options.personalDataNames), taxIds };
      yield* responseFindings(analysis, rule, check, vocabulary);
      return;
    }
    const names = options.urlPersonalDataNames;
    const dictionary = phrases(names);
    const formats = new Set(options.urlPersonalDataFormats.map(f => String(f).toLowerCase()));
    // Path-level and `$ref`ed parameters are shared by many operations and path items: what each carries is judged once.
    const judged = parameterJudgements(analysis, urlDataKey(options), () => new Map());
    const carried = (parameter: Parameter): ParameterData | undefined => {
      const nameWords = words(parameter.name);
      if (nameWords.length > 0 && SEARCH_HINT_WORDS.has(nameWords[0])) return undefined;
      const members = membersAt(analysis.root, parameter.schema);
      let found: ParameterData | undefined;
      const match = matchNameAt(nameWords, dictionary, { personal: true });
      const taxId = match ? undefined : matchNameAt(nameWords, taxIds, { personal: true });
      if (match) found = { what: match.phrase.entry, nameWords, start: match.start, taxId: false };
      else if (taxId) found = { what: taxId.phrase.entry, nameWords, start: taxId.start, taxId: true };
      else {
        const format = formatOf(members);
        if (format !== undefined && formats.has(format)) found = { what: `format: ${format}`, nameWords, start: nameWords.length, taxId: false };
      }
      if (!found || (members.length > 0 && !canCarryText(analysis.root, members))) return undefined;
      return found;
    };
    const personalData = (data: ParameterData, pathKey: string): boolean => {
      const holder = holderOf(data.nameWords, data.start, pathContext(pathKey));
      if (data.taxId ? holder !== 'person' : holder === 'organization') return false;
      return !(isPhone(data.what) && isNumberInventory(pathKey));
    };
    for (const operation of operationsAt(analysis, path)) {
      for (const parameter of operation.parameters) {
        if (parameter.in !== 'query' && parameter.in !== 'path') continue;
        if (!judged.has(parameter.node)) judged.set(parameter.node, carried(parameter));
        const data = judged.get(parameter.node);
        if (data === undefined || !personalData(data, operation.pathKey)) continue;
        const what = data.what;
        yield {
          message: `Parameter ${quote(parameter.name)} puts personal data (${what}) in the ${parameter.in}, where server, proxy and CDN logs and browser history keep it: send it in the request body or a header, or refer to the person by an opaque id.`,
          path: parameter.path,
          operation,
        };
      }
    }
  },
);
