import { getAt, isExempt, perDocument, schemaGraph, type Analysis, type JsonObject, type Parameter, type PropertyUse, type UseContext } from '../analysis/index.js';
import { words } from '../analysis/names.js';
import { analysisFunction, objectOptions, operationsAt, stringList, type Finding } from '../core/rule-function.js';
import { quote } from '../core/message.js';
import {
  canCarryText,
  DEFAULT_CREDENTIAL_NAMES,
  DEFAULT_PERSONAL_DATA_NAMES,
  DEFAULT_URL_PERSONAL_DATA_FORMATS,
  DEFAULT_URL_PERSONAL_DATA_NAMES,
  examplesMasked,
  formatOf,
  isPasswordFormat,
  matchName,
  membersOf,
  phrases,
  qualifiedWords,
  type Dictionary,
  type Phrase,
} from './sensitive-names.js';

export type SensitiveDataCheck = 'credential-in-response' | 'personal-data-in-response' | 'personal-data-in-url';

export interface SensitiveDataOptions {
  /**
   * `credential-in-response`: credentials and secrets returned in responses;
   * `personal-data-in-response`: highly sensitive personal data returned in responses;
   * `personal-data-in-url`: personal data in query or path parameters.
   */
  check: SensitiveDataCheck;
  /** Names (phrases) to look for; defaults to the check's own dictionary. Compared as whole words, ignoring case and separators. */
  names?: string[];
  /** `personal-data-in-url`: string formats that carry personal data whatever the parameter's name. */
  formats?: string[];
}

const DEFAULT_NAMES: Record<SensitiveDataCheck, readonly string[]> = {
  'credential-in-response': DEFAULT_CREDENTIAL_NAMES,
  'personal-data-in-response': DEFAULT_PERSONAL_DATA_NAMES,
  'personal-data-in-url': DEFAULT_URL_PERSONAL_DATA_NAMES,
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

/** The schema object a property is declared in (`<schema>.properties.<name>`). */
function owner(analysis: Analysis, use: PropertyUse): JsonObject | undefined {
  const node = getAt(analysis.root, use.path.slice(0, -2));
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as JsonObject) : undefined;
}

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
      exemptIn: owner(analysis, use),
      uses,
    };
  }
}

const parameterJudgements = perDocument<Map<object, string | undefined>>();

export const sensitiveData = analysisFunction<SensitiveDataOptions>(
  'sensitiveData',
  objectOptions({
    check: { enum: ['credential-in-response', 'personal-data-in-response', 'personal-data-in-url'] },
    names: stringList('Names (phrases) that denote the sensitive data, compared as whole words.'),
    formats: stringList('String formats that carry personal data (personal-data-in-url).'),
  }),
  { check: 'credential-in-response' },
  function* ({ analysis, options, path, rule }): Iterable<Finding> {
    const check = options.check;
    const dictionary = phrases(options.names ?? DEFAULT_NAMES[check]);
    if (check !== 'personal-data-in-url') {
      yield* responseFindings(analysis, rule, check, dictionary);
      return;
    }
    const formats = new Set((options.formats ?? DEFAULT_URL_PERSONAL_DATA_FORMATS).map(f => String(f).toLowerCase()));
    // Path-level and `$ref`ed parameters are shared by many operations and path items: each is judged once per document.
    const judged = parameterJudgements(analysis, JSON.stringify([options.names ?? null, [...formats]]), () => new Map());
    const personalData = (parameter: Parameter): string | undefined => {
      if (judged.has(parameter.node)) return judged.get(parameter.node);
      const members = parameter.schema ? membersOf(analysis.root, parameter.schema) : [];
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
