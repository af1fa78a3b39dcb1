import { membersAt, typesOf, words } from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt } from '../core/targets.js';

export interface GuessableObjectIdOptions {
  /** Last words of a parameter name that make it an object identifier (`id` covers `id`, `userId`, `user_id`, `user-id`). */
  idWords: string[];
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
        if (!typesOf(membersAt(analysis.root, parameter.schema)).has('integer')) continue;
        yield {
          message: `Path parameter ${quote(parameter.name)} is an integer identifier that callers can enumerate: use a random, non-sequential id (e.g. \`format: uuid\`) and check the caller owns the object.`,
          path: parameter.path,
          operation,
        };
      }
    }
  },
);
