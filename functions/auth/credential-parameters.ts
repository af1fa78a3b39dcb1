import { compact, compactSet, words } from '../analysis/index.js';
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


/**
 * `/tokens/{token}` or `/keys/{access_key}`: a path parameter named after the collection right
 * before it identifies an object of that collection (Stripe's token ids, DigitalOcean's access
 * key ids); it is not the credential itself.
 */
export function namesCollectionItem(pathKey: string, parameter: string): boolean {
  const segments = pathKey.split('/');
  const index = segments.indexOf(`{${parameter}}`);
  if (index < 1) return false;
  const collection = compact(segments[index - 1]);
  const nameWords = words(parameter);
  return [nameWords.join(''), nameWords[nameWords.length - 1] ?? ''].some(
    name => name.length > 0 && (collection === name || collection === `${name}s` || collection === `${name}es`),
  );
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
      for (const parameter of operation.parameters) {
        if (options.check === 'url') {
          if ((parameter.in !== 'query' && parameter.in !== 'path') || !names.has(compact(parameter.name))) continue;
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
