import { defaultLists } from '../core/defaults.js';
import { analysisFunction, describe, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt } from '../core/targets.js';

export interface UnauthorizedResponsesOptions {
  /** Response keys that document an authentication or authorization failure (case-insensitive). */
  unauthorizedResponseKeys: string[];
}

/** Only operations that require authentication can answer 401/403; public ones are not asked to. */
export const unauthorizedResponses = analysisFunction<UnauthorizedResponsesOptions>(
  'unauthorizedResponses',
  objectOptions({ unauthorizedResponseKeys: stringList('Response keys that count as documenting 401/403.') }),
  defaultLists('unauthorizedResponseKeys'),
  function* ({ analysis, options, path }): Iterable<Finding> {
    const accepted = new Set(options.unauthorizedResponseKeys.map(code => code.toUpperCase()));
    for (const operation of operationsAt(analysis, path)) {
      if (operation.security.state !== 'required') continue;
      if (operation.responses.some(response => accepted.has(response.status.toUpperCase()))) continue;
      yield {
        message: `${describe(operation)} requires authentication but documents neither 401 nor 403: add a 401 response (missing or invalid credentials) and a 403 response (not allowed).`,
        path: operation.node.responses !== undefined ? [...operation.path, 'responses'] : operation.path,
        operation,
      };
    }
  },
);
