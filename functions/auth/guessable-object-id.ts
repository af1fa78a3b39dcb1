import { membersAt, typesOf, words, type Members } from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt } from '../core/targets.js';

export interface GuessableObjectIdOptions {
  /** Last words of a parameter name that make it an object identifier (`id` covers `id`, `userId`, `user_id`, `user-id`). */
  idWords: string[];
}

/** An anchored pattern of digits only (`^[0-9]+$`, `^\d{1,12}$`): a number written as a string. */
const DIGITS_ONLY = /^\^(?:\\d|\[0-9\])(?:\+|\*|\{\d{1,3}(?:,\d{0,3})?\})\$$/;

/** What makes the id sequential-looking: an integer, another number, or a string of digits only. */
function numericKind(members: Members): string | undefined {
  const types = typesOf(members);
  if (types.has('integer')) return 'an integer';
  if (types.has('number')) return 'a numeric';
  const digits = members.some(({ node }) => typeof node.pattern === 'string' && DIGITS_ONLY.test(node.pattern));
  return types.has('string') && digits ? 'a digits-only' : undefined;
}

/**
 * Sequential integer ids in paths invite enumeration of other users' objects (OWASP API1).
 * Reported at the parameter where it is written, so a shared `components.parameters` entry
 * is reported once.
 */
export const guessableObjectId = analysisFunction<GuessableObjectIdOptions>(
  'guessableObjectId',
  objectOptions({ idWords: stringList('Final words of a parameter name that make it an identifier.') }),
  defaultLists('idWords'),
  function* ({ analysis, options, path }): Iterable<Finding> {
    const idWords = new Set(options.idWords.map(w => w.toLowerCase()));
    for (const operation of operationsAt(analysis, path)) {
      for (const parameter of operation.parameters) {
        if (parameter.in !== 'path') continue;
        const nameWords = words(parameter.name);
        if (nameWords.length === 0 || !idWords.has(nameWords[nameWords.length - 1])) continue;
        // The schema (or a Swagger 2.0 non-body parameter) and its `allOf` members.
        const kind = numericKind(membersAt(analysis.root, parameter.schema));
        if (kind === undefined) continue;
        yield {
          message: `Path parameter ${quote(parameter.name)} is ${kind} identifier that callers can enumerate: use a random, non-sequential id (e.g. \`format: uuid\`) and check the caller owns the object.`,
          path: parameter.path,
          operation,
        };
      }
    }
  },
);
