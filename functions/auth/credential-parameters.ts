import {
  appliedSchemes,
  capabilityParameters,
  compact,
  compactSet,
  credentialParameterNames,
  echoedApiKeyScheme,
  isAuthorizationHeader,
  isCredentialHeader,
  namesCollectionItem,
  schemeToDeclare,
} from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { quote, shown } from '../core/message.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt } from '../core/targets.js';

export interface CredentialParametersOptions {
  /**
   * `url`: credentials in query or path parameters;
   * `authorization-header`: an `Authorization` header parameter standing in for a security scheme;
   * `undeclared`: other header and cookie parameters that carry a credential no security scheme declares.
   */
  check: 'url' | 'authorization-header' | 'undeclared';
  /** Parameter names that carry credentials, compared without case or separators (`api_key` = `apiKey` = `API-Key`). */
  credentialParameterNames: string[];
  /** Header and cookie names that carry credentials (`undeclared`), a leading `X-` ignored. */
  credentialHeaderNames: string[];
  /** Cookie names that hold a session (`undeclared`). */
  sessionCookieNames: string[];
}

const LOCATION: Record<string, string> = { header: 'Header', cookie: 'Cookie' };

export const credentialParameters = analysisFunction<CredentialParametersOptions>(
  'credentialParameters',
  objectOptions({
    check: { enum: ['url', 'authorization-header', 'undeclared'] },
    credentialParameterNames: stringList('Parameter names that carry credentials.'),
    credentialHeaderNames: stringList('Header and cookie parameter names that carry credentials.'),
    sessionCookieNames: stringList('Cookie names that hold a session.'),
  }),
  { check: 'url', ...defaultLists('credentialParameterNames', 'credentialHeaderNames', 'sessionCookieNames') },
  function* ({ analysis, options, path }): Iterable<Finding> {
    const names = compactSet(options.credentialParameterNames);
    const headerNames = credentialParameterNames(options.credentialParameterNames, options.credentialHeaderNames, options.sessionCookieNames);
    for (const operation of operationsAt(analysis, path)) {
      // Webhooks are calls the API makes: their parameters are not how its callers authenticate.
      if (operation.container !== 'paths') continue;
      // A capability URL's secret (`{webhook_token}`) is a credential in the path too, whatever the list says.
      const capabilities = options.check === 'url' ? new Set(capabilityParameters(operation)) : new Set();
      for (const parameter of operation.parameters) {
        // Messages name no operation: a shared (component or path-level) parameter must be reported once.
        if (options.check === 'url') {
          const named = (parameter.in === 'query' || parameter.in === 'path') && names.has(compact(parameter.name));
          if (!named && !capabilities.has(parameter)) continue;
          if (parameter.in === 'path' && namesCollectionItem(operation.pathKey, parameter.name)) continue;
          // A parameter that repeats an API key scheme in the query is that scheme's flaw, reported once by `auth-apikey-in-url`.
          if (parameter.in === 'query' && echoedApiKeyScheme(analysis.schemes, parameter)) continue;
          yield {
            message: `Parameter ${quote(parameter.name)} carries a credential in the ${parameter.in}, where logs, proxies and browser history keep it: move it to a header declared as a security scheme.`,
            path: parameter.path,
            operation,
          };
        } else if (options.check === 'authorization-header') {
          if (!isAuthorizationHeader(parameter)) continue;
          yield {
            message: `Parameter ${quote(parameter.name)} declares the Authorization header as a parameter: declare a security scheme (http bearer, oauth2, …) and require it with \`security\`, so tools and readers know how callers authenticate.`,
            path: parameter.path,
            operation,
          };
        } else {
          if (isAuthorizationHeader(parameter) || !isCredentialHeader(parameter, headerNames, analysis.version)) continue;
          // Generators echo the API key scheme an operation requires as a parameter: that scheme says how callers authenticate.
          const echoed = echoedApiKeyScheme(analysis.schemes, parameter);
          if (echoed && appliedSchemes(operation).has(echoed.name)) continue;
          if (echoed) {
            yield {
              message: `${LOCATION[parameter.in]} parameter ${quote(parameter.name)} repeats the API key scheme ${quote(echoed.name)}, which an operation that takes it does not require: require the scheme with \`security\` (root or per operation) and drop the parameter, so gateways, SDK generators and reviewers see how callers authenticate.`,
              path: parameter.path,
              operation,
            };
            continue;
          }
          yield {
            message: `${LOCATION[parameter.in]} parameter ${quote(parameter.name)} carries a credential that no security scheme declares: declare it as one (${schemeToDeclare(parameter, shown(parameter.name), analysis.version)}), require it with \`security\` and drop the parameter, so gateways, SDK generators and reviewers see how callers authenticate.`,
            path: parameter.path,
            operation,
          };
        }
      }
    }
  },
);
