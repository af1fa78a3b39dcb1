import {
  declaringSchema,
  isExempt,
  leadingWords,
  literalSegments,
  matchName,
  operationRoles,
  phrases,
  qualifiedWords,
  schemaGraph,
  valueTypes,
  vocabularyMatcher,
  words,
  operationsReturning,
  type Analysis,
  type Operation,
  type RoleJudgement,
} from '../analysis/index.js';
import { defaultLists, ROLE_LIST_NAMES } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, roleOptionSchemas, sample, stringList, type Finding } from '../core/rule-function.js';

export type InternalDataOptions = Record<(typeof ROLE_LIST_NAMES)[number], string[]> & {
  /** Names of data for staff or the server only, matched by the words a property name ends with (plurals included). */
  internalDataNames: string[];
  /** Credential names: a property they match (`password_hash`, `password_salt`) is `data-credential-in-response`'s. */
  credentialNames: string[];
};

interface Vocabulary {
  match: (name: string) => { entry: string } | undefined;
  /** Each entry's words by its compact form, singular: the words that make a path about that data. */
  topics: Map<string, readonly string[]>;
}

function vocabularyOf(names: readonly string[]): Vocabulary {
  const list = names.filter((name): name is string => typeof name === 'string');
  const topics = new Map<string, readonly string[]>();
  for (const name of list) {
    const entryWords = words(name);
    if (entryWords.length === 0) continue;
    topics.set(entryWords.join(''), entryWords);
    topics.set(`${entryWords.join('')}s`, entryWords);
  }
  // A plural names the same data (`internal_notes`, `fraud_signals`).
  const match = vocabularyMatcher([...list, ...list.map(name => `${name}s`)]);
  return { match, topics };
}

/** The singular of a path word, for comparing it with an entry's words (`/notes` is about notes). */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/**
 * Whether the operation is about that data itself: a path naming it (`/notes`, `/fraud-reviews`,
 * `/tickets/{id}/notes`), or an operationId, summary or tag naming what the entry qualifies
 * (`checkFraud`, "Fraud screening", `getSalt`), serves it to callers on purpose, as a notes app
 * or a fraud-screening API does.
 */
function servesItOnPurpose(operation: Operation, topic: readonly string[]): boolean {
  const wanted = new Set(topic.map(singular));
  for (const segment of literalSegments(operation.pathKey)) {
    for (const word of words(segment)) if (wanted.has(singular(word))) return true;
  }
  // The rest of an entry (`score`, `info`, `id`) is too common in what operations are named after: only its first word counts there.
  const qualifier = singular(topic[0]);
  const named = [...leadingWords(operation.node.operationId), ...leadingWords(operation.node.summary), ...operation.tags.flatMap(tag => words(tag))];
  return named.some(word => singular(word) === qualifier);
}

function* findings(analysis: Analysis, rule: string, options: InternalDataOptions): Iterable<Finding> {
  const vocabulary = vocabularyOf(options.internalDataNames);
  const credentials = phrases(options.credentialNames);
  let roles: ReadonlyMap<Operation, RoleJudgement> | undefined;
  for (const use of schemaGraph(analysis).properties) {
    // Cheap tests first: the graph's classes say whether any response returns the property at all.
    if (use.writeOnly || ![...use.contexts].some(c => c.direction === 'response' && !c.errorResponse)) continue;
    const match = vocabulary.match(use.name);
    if (!match) continue;
    // Password hashes and salts are credentials: the credential rule reports them, as errors.
    if (matchName(qualifiedWords(use.name, use.path), credentials, { plural: true })) continue;
    // A boolean says something about the record (`debug: true`, `internal: false`); it holds none of the staff's data.
    const types = valueTypes(use.value.members);
    if (types.size > 0 && [...types].every(type => type === 'boolean')) continue;
    roles ??= operationRoles(analysis, options);
    const topic = vocabulary.topics.get(match.entry) ?? [match.entry];
    const ordinary = operationsReturning(analysis, use.path).filter(
      operation => roles!.get(operation)?.role !== 'privileged' && !servesItOnPurpose(operation, topic) && !isExempt(analysis, rule, operation),
    );
    if (ordinary.length === 0) continue;
    yield {
      message: `Property ${quote(use.name)} holds data meant for staff or the server only (${topic.join('_')}), yet operations that are not administrative return it (${sample(ordinary)}): remove it from the response schemas ordinary callers receive, or return it only from staff operations (an admin path or scope).`,
      path: use.path,
      exemptIn: declaringSchema(analysis.root, use.path),
    };
  }
}

/**
 * Response properties for staff or the server only (internal notes, fraud and risk scores,
 * internal ids and flags, debug output, salts) returned by operations that are not
 * administrative (OWASP API3, excessive data exposure). One finding per property, where it is
 * declared.
 */
export const internalData = analysisFunction<InternalDataOptions>(
  'internalData',
  objectOptions({
    ...roleOptionSchemas(),
    internalDataNames: stringList('Names of data for staff or the server only, matched by the words a property name ends with.'),
    credentialNames: stringList('Names (phrases) of credentials: properties they match are data-credential-in-response\'s.'),
  }),
  defaultLists('internalDataNames', 'credentialNames', ...ROLE_LIST_NAMES),
  function* ({ analysis, options, rule }): Iterable<Finding> {
    yield* findings(analysis, rule, options);
  },
);
