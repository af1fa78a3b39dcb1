import { perDocument, requirementsSignature, words, type Analysis, type Operation } from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { analysisFunction, describe, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt } from '../core/targets.js';

export interface AdminSharedSecurityOptions {
  /** Words that mark an operation as administrative, in a path segment or a tag. */
  adminMarkers: string[];
}

/** A word is a marker as written or as a plain plural (`administrators` for `administrator`). */
function isMarker(word: string, markers: ReadonlySet<string>): boolean {
  return markers.has(word) || (word.length > 1 && word.endsWith('s') && markers.has(word.slice(0, -1)));
}

export function isAdministrative(operation: Operation, markers: ReadonlySet<string>): boolean {
  const inPath = operation.pathKey.split('/').some(segment => !segment.startsWith('{') && words(segment).some(w => isMarker(w, markers)));
  return inPath || operation.tags.some(tag => words(tag).some(w => isMarker(w, markers)));
}

/** Signatures of ordinary operations' requirements, computed once per document and marker list. */
const ordinaryCache = perDocument<Map<string, Operation>>();

function ordinarySignatures(analysis: Analysis, markers: ReadonlySet<string>, key: string): Map<string, Operation> {
  return ordinaryCache(analysis, key, () => {
    const signatures = new Map<string, Operation>();
    for (const operation of analysis.operations) {
      if (operation.container !== 'paths' || operation.security.state !== 'required' || isAdministrative(operation, markers)) continue;
      const signature = requirementsSignature(operation.security.requirements);
      if (!signatures.has(signature)) signatures.set(signature, operation);
    }
    return signatures;
  });
}

/**
 * Function-level authorization (OWASP API5): an administrative operation that accepts
 * exactly the callers an ordinary operation accepts cannot, by its description, be
 * restricted to administrators.
 */
export const adminSharedSecurity = analysisFunction<AdminSharedSecurityOptions>(
  'adminSharedSecurity',
  objectOptions({ adminMarkers: stringList('Words that mark a path segment or tag as administrative.') }),
  defaultLists('adminMarkers'),
  function* ({ analysis, options, path }): Iterable<Finding> {
    const markers = new Set(options.adminMarkers.map(m => m.toLowerCase()));
    const key = [...markers].sort().join(',');
    for (const operation of operationsAt(analysis, path)) {
      if (operation.security.state !== 'required' || !isAdministrative(operation, markers)) continue;
      const ordinary = ordinarySignatures(analysis, markers, key).get(requirementsSignature(operation.security.requirements));
      if (!ordinary) continue;
      const inherited = operation.security.source === 'root' ? ' (inherited from the root)' : '';
      yield {
        message: `Administrative operation ${describe(operation)} accepts the same security requirements${inherited} as ${describe(ordinary)}: require an admin-only scope or scheme so ordinary callers cannot reach it.`,
        path: operation.security.source === 'operation' && operation.security.path ? operation.security.path : operation.path,
        operation,
      };
    }
  },
);
