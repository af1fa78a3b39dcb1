import { documentedReplacement, documentedSunset, isDeprecated, isGone } from '../analysis/index.js';
import { analysisFunction, describe, objectOptions, type Finding } from '../core/rule-function.js';

/**
 * Deprecated operations that document neither when they go away (a `Sunset` or `Deprecation`
 * response header, a sunset-date extension, a removal date in the description) nor what replaces
 * them (OWASP API9): the message says which of the two is missing.
 */
export const deprecationUndocumented = analysisFunction<Record<string, never>>(
  'deprecationUndocumented',
  objectOptions({}),
  {},
  function* ({ analysis }): Iterable<Finding> {
    const deprecated = analysis.operations.filter(op => op.container === 'paths' && isDeprecated(op));
    if (deprecated.length === 0) return;
    const operationIds = new Set(analysis.operations.map(op => op.node.operationId).filter((id): id is string => typeof id === 'string'));
    const pathKeys = [...analysis.operationsByPathKey.keys()];
    for (const operation of deprecated) {
      // Already retired: nothing left to schedule, and callers learn it from every response.
      if (isGone(operation)) continue;
      const sunset = documentedSunset(operation);
      const replacement = documentedReplacement(operation, operationIds, pathKeys);
      if (sunset && replacement) continue;
      const missing = !sunset && !replacement
        ? 'when it will be removed or what replaces it'
        : !sunset
          ? 'when it will be removed (it does name its replacement)'
          : 'what replaces it (it does say when it will be removed)';
      const advice = !sunset && !replacement
        ? 'declare a `Sunset` (RFC 8594) or `Deprecation` response header or an `x-sunset` date, and name the replacement in the description ("use … instead") or in `x-replaced-by`'
        : !sunset
          ? 'declare a `Sunset` (RFC 8594) or `Deprecation` response header, an `x-sunset` date, or the removal date in the description'
          : 'name the replacement in the description ("use … instead") or in `x-replaced-by`';
      yield {
        message: `${describe(operation)} is deprecated but does not document ${missing}: callers keep using it and it stays running, unowned, as a zombie endpoint. ${advice[0].toUpperCase()}${advice.slice(1)}.`,
        path: [...operation.path, 'deprecated'],
        operation,
      };
    }
  },
);
