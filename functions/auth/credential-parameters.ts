import { capabilityParameters, compact, compactSet, namesCollectionItem } from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt } from '../core/targets.js';

export interface CredentialParametersOptions {
  /**
   * `url`: credentials in query or path parameters;
   * `authorization-header`: an `Authorization` header parameter standing in for a security scheme.
   */
  check: 'url' | 'authorization-header';
  /** Parameter names that carry credentials, compared without case or separators (`api_key` = `apiKey` = `API-Key`). */
  credentialParameterNames: string[];
}


export const credentialParameters = analysisFunction<CredentialParametersOptions>(
  'credentialParameters',
  objectOptions({
    check: { enum: ['url', 'authorization-header'] },
    credentialParameterNames: stringList('Parameter names that carry credentials.'),
  }),
  { check: 'url', ...defaultLists('credentialParameterNames') },
  function* ({ analysis, options, path }): Iterable<Finding> {
    const names = compactSet(options.credentialParameterNames);
    for (const operation of operationsAt(analysis, path)) {
      // A capability URL's secret (`{webhook_token}`) is a credential in the path too, whatever the list says.
      const capabilities = options.check === 'url' ? new Set(capabilityParameters(operation)) : new Set();
      for (const parameter of operation.parameters) {
        if (options.check === 'url') {
          const named = (parameter.in === 'query' || parameter.in === 'path') && names.has(compact(parameter.name));
          if (!named && !capabilities.has(parameter)) continue;
          if (parameter.in === 'path' && namesCollectionItem(operation.pathKey, parameter.name)) continue;
          yield {
            message: `Parameter ${quote(parameter.name)} carries a credential in the ${parameter.in}, where logs, proxies and browser history keep it: move it to a header declared as a security scheme.`,
            path: parameter.path,
            operation,
          };
        } else if (parameter.in === 'header' && compact(parameter.name) === 'authorization') {
          // The message names no operation: a shared (component or path-level) parameter must be reported once.
          yield {
            message: `Parameter ${quote(parameter.name)} declares the Authorization header as a parameter: declare a security scheme (http bearer, oauth2, …) and require it with \`security\`, so tools and readers know how callers authenticate.`,
            path: parameter.path,
            operation,
          };
        }
      }
    }
  },
);
