import {
  canCarryText,
  declaringSchema,
  examplesMasked,
  formatOf,
  isExempt,
  isPasswordFormat,
  matchName,
  membersAt,
  perDocument,
  phrases,
  qualifiedWords,
  schemaGraph,
  words,
  type Analysis,
  type Dictionary,
  type Parameter,
  type Phrase,
  type UseContext,
} from '../analysis/index.js';
import { defaultLists, URL_PERSONAL_DATA_FORMATS, type ListOption } from '../core/defaults.js';
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
  /** `personal-data-in-url`: string formats that carry personal data whatever the parameter's name. */
  urlPersonalDataFormats: string[];
}

/** The dictionary each check reads. */
const NAMES: Record<SensitiveDataCheck, ListOption & keyof SensitiveDataOptions> = {
  'credential-in-response': 'credentialNames',
  'personal-data-in-response': 'personalDataNames',
  'personal-data-in-url': 'urlPersonalDataNames',
};

/**
 * Credentials the API itself issues (a secret, a key, a token) may be returned by the
 * operation that issues them; passwords, PINs, card codes and security answers never.
 */
function isIssued(phrase: Phrase | undefined): boolean {
  return phrase !== undefined && /(secret|key|token)$/.test(phrase.compact);
}

/** Responses of these methods may carry the credential they issue or rotate. */
const ISSUING_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete']);

function* responseFindings(analysis: Analysis, rule: string, check: SensitiveDataCheck, dictionary: Dictionary): Iterable<Finding> {
  const credentials = check === 'credential-in-response';
  for (const use of schemaGraph(analysis).properties.values()) {
    // The graph does not walk writeOnly properties in responses: a property without response contexts is not returned.
    let uses: UseContext[] = [...use.contexts].filter(c => c.direction === 'response');
    if (uses.length === 0 || use.writeOnly) continue;
    const members = use.value.members;
    const phrase = matchName(qualifiedWords(use.name, use.path), dictionary, { plural: credentials });
    const passwordFormat = credentials && isPasswordFormat(analysis.root, members);
    if (!phrase && !passwordFormat) continue;
    if (!passwordFormat && !canCarryText(analysis.root, members)) continue;
    if (examplesMasked(members, use.declared)) continue;
    if (credentials && isIssued(phrase)) {
      // The operations that issue or rotate a key, secret or token (a token endpoint, a write) return it to
      // their caller; the exposure is a read that returns it again to anyone who can read the resource.
      uses = uses.filter(c => !c.tokenEndpoint && !ISSUING_METHODS.has(c.method));
      if (uses.length === 0) continue;
    }
    if (isExempt(analysis, rule, undefined, use.declared)) continue;
    const what = phrase ? phrase.entry : 'format: password';
    yield {
      message: credentials
        ? `Property ${quote(use.name)} returns a credential (${what}) in responses: remove it from response schemas or mark it \`writeOnly: true\`; a key or secret the API issues may be returned only once, by the operation that creates it.`
        : `Property ${quote(use.name)} returns highly sensitive personal data (${what}) in responses: return a masked form (e.g. the last four digits) or mark it \`writeOnly: true\`.`,
      path: use.path,
      exemptIn: declaringSchema(analysis.root, use.path),
      uses,
    };
  }
}

const parameterJudgements = perDocument<Map<object, string | undefined>>();

export const sensitiveData = analysisFunction<SensitiveDataOptions>(
  'sensitiveData',
  objectOptions({
    check: { enum: ['credential-in-response', 'personal-data-in-response', 'personal-data-in-url'] },
    credentialNames: stringList('Names (phrases) of credentials and secrets, compared as whole words.'),
    personalDataNames: stringList('Names (phrases) of highly sensitive personal data.'),
    urlPersonalDataNames: stringList('Names (phrases) of personal data that must not travel in URLs.'),
    urlPersonalDataFormats: stringList('String formats that carry personal data (personal-data-in-url).'),
  }),
  { check: 'credential-in-response', ...defaultLists('credentialNames', 'personalDataNames', 'urlPersonalDataNames'), urlPersonalDataFormats: [...URL_PERSONAL_DATA_FORMATS] },
  function* ({ analysis, options, path, rule }): Iterable<Finding> {
    const check = options.check;
    const names = options[NAMES[check]];
    const dictionary = phrases(names);
    if (check !== 'personal-data-in-url') {
      yield* responseFindings(analysis, rule, check, dictionary);
      return;
    }
    const formats = new Set(options.urlPersonalDataFormats.map(f => String(f).toLowerCase()));
    // Path-level and `$ref`ed parameters are shared by many operations and path items: each is judged once per document.
    const judged = parameterJudgements(analysis, JSON.stringify([names, [...formats]]), () => new Map());
    const personalData = (parameter: Parameter): string | undefined => {
      if (judged.has(parameter.node)) return judged.get(parameter.node);
      const members = membersAt(analysis.root, parameter.schema);
      const phrase = matchName(words(parameter.name), dictionary);
      const format = formatOf(members);
      const byFormat = format !== undefined && formats.has(format);
      const what = !phrase && !byFormat ? undefined : members.length > 0 && !canCarryText(analysis.root, members) ? undefined : phrase ? phrase.entry : `format: ${format}`;
      judged.set(parameter.node, what);
      return what;
    };
    for (const operation of operationsAt(analysis, path)) {
      for (const parameter of operation.parameters) {
        if (parameter.in !== 'query' && parameter.in !== 'path') continue;
        const what = personalData(parameter);
        if (what === undefined) continue;
        yield {
          message: `Parameter ${quote(parameter.name)} puts personal data (${what}) in the ${parameter.in}, where server, proxy and CDN logs and browser history keep it: send it in the request body or a header, or refer to the person by an opaque id.`,
          path: parameter.path,
          operation,
        };
      }
    }
  },
);
