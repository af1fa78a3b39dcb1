import { compact, compactSet, words } from '../analysis/names.js';
import { analysisFunction, objectOptions, operationsAt, stringList, type Finding } from '../core/rule-function.js';
import { quote } from '../core/message.js';

export interface CredentialParametersOptions {
  /**
   * `url`: credentials in query or path parameters;
   * `authorization-header`: an `Authorization` header parameter standing in for a security scheme.
   */
  check: 'url' | 'authorization-header';
  /** Parameter names that carry credentials, compared without case or separators (`api_key` = `apiKey` = `API-Key`). */
  names: string[];
}

/**
 * Whole names only: `page_token` and `next_token` are pagination cursors, not credentials,
 * so matching on any word "token" would flood real APIs with false positives.
 */
export const DEFAULT_CREDENTIAL_PARAMETER_NAMES = [
  'token', 'access_token', 'accessToken', 'auth_token', 'id_token', 'refresh_token', 'bearer', 'jwt',
  'api_key', 'apikey', 'api_token', 'x-api-key', 'access_key', 'secret_key',
  'password', 'passwd', 'secret', 'client_secret', 'private_key', 'session_id', 'session_token',
];

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
    names: stringList('Parameter names that carry credentials.'),
  }),
  { check: 'url', names: DEFAULT_CREDENTIAL_PARAMETER_NAMES },
  function* ({ analysis, options, path }): Iterable<Finding> {
    const names = compactSet(options.names);
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
