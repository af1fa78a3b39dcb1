import { asArray, deref, isObject, type JsonObject, type JsonPath } from '../analysis/index.js';
import { words } from '../analysis/names.js';
import type { Analysis } from '../analysis/index.js';
import { analysisFunction, objectOptions, operationsAt, stringList, type Finding } from '../core/rule-function.js';
import { quote } from '../core/message.js';

export interface GuessableObjectIdOptions {
  /** Last words of a parameter name that make it an object identifier (`id` covers `id`, `userId`, `user_id`, `user-id`). */
  idWords: string[];
}

/** Whether a schema (or a Swagger 2.0 non-body parameter) is an integer, looking through `$ref` and `allOf`. */
function isIntegerTyped(analysis: Analysis, node: unknown, path: JsonPath, depth = 0): boolean {
  if (!isObject(node) || depth > 16) return false;
  const type = node.type;
  if (type === 'integer' || (Array.isArray(type) && type.includes('integer'))) return true;
  return asArray(node.allOf).some((branch, i) => {
    const located = deref(analysis.root, branch, [...path, 'allOf', i]);
    return isIntegerTyped(analysis, located.node, located.path, depth + 1);
  });
}

/**
 * Sequential integer ids in paths invite enumeration of other users' objects (OWASP API1).
 * Reported at the parameter where it is written, so a shared `components.parameters` entry
 * is reported once.
 */
export const guessableObjectId = analysisFunction<GuessableObjectIdOptions>(
  'guessableObjectId',
  objectOptions({ idWords: stringList('Final words of a parameter name that make it an identifier.') }),
  { idWords: ['id'] },
  function* ({ analysis, options, path }): Iterable<Finding> {
    const idWords = new Set(options.idWords.map(w => w.toLowerCase()));
    for (const operation of operationsAt(analysis, path)) {
      for (const parameter of operation.parameters) {
        if (parameter.in !== 'path') continue;
        const nameWords = words(parameter.name);
        if (nameWords.length === 0 || !idWords.has(nameWords[nameWords.length - 1])) continue;
        const schema = parameter.schema;
        if (!schema || !isIntegerTyped(analysis, schema.node as JsonObject, schema.path)) continue;
        yield {
          message: `Path parameter ${quote(parameter.name)} is an integer identifier that callers can enumerate: use a random, non-sequential id (e.g. \`format: uuid\`) and check the caller owns the object.`,
          path: parameter.path,
          operation,
        };
      }
    }
  },
);
