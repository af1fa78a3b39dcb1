import { prototypeKeys } from '../analysis/index.js';
import { analysisFunction, objectOptions, type Finding } from '../core/rule-function.js';

/**
 * `__proto__` keys with an object value, wherever they are written. JavaScript parsers (Spectral's
 * among them) make such a key the object's prototype: the key and every key written beside it
 * vanish, so no rule judged that object, and other tools that read the description read it
 * differently from the server. Reported so the user knows what was not judged.
 */
export const prototypeKey = analysisFunction<Record<string, never>>(
  'prototypeKey',
  objectOptions({}),
  {},
  function* ({ analysis }): Iterable<Finding> {
    for (const { path, scope } of prototypeKeys(analysis)) {
      yield {
        message:
          'Key `__proto__` turns this object into something else for JavaScript tools: Spectral, and so this ruleset, cannot see it or any key written beside it, so none of them was checked. Rename the key (or the property it names), then lint again.',
        path,
        operation: scope.operation,
        exemptIn: scope.exemptIn,
      };
    }
  },
);
