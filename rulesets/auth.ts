import {
  adminSharedSecurity,
  credentialParameters,
  exemptionReasons,
  guessableObjectId,
  jwtUndocumented,
  oauthRefreshUndocumented,
  oauthUrlTransport,
  privilegedOperationUnprotected,
  prototypeKey,
  securityRequirementDefined,
  securitySchemeStrength,
  securityUndocumented,
  unauthorizedResponses,
  unprotectedOperation,
} from '../functions/index.js';
import type { Lists } from '../functions/core/defaults.js';
import { roleLists, type ListOverride } from './options.js';
import { OAS3_FORMATS, PATH_ITEMS, ROOT, ROOT_AND_PATH_ITEMS, ROOT_SECURITY_AND_PATH_ITEMS, rule, SECURITY_ARRAYS, SECURITY_SCHEMES, type RuleDefinitions } from './rule.js';

/** Options of the authentication and authorization family. */
export interface AuthOptions {
  /** Query/path parameter names treated as credentials (`auth-credentials-in-url`). */
  credentialParameterNames?: ListOverride;
  /** Header and cookie parameter names that carry credentials (`auth-credential-parameter-undeclared`). */
  credentialHeaderNames?: ListOverride;
  /** Cookie names that hold a session (`auth-credential-parameter-undeclared`). */
  sessionCookieNames?: ListOverride;
  /** Words marking a path segment or tag as administrative (`auth-admin-operation-shared-security`). */
  adminMarkers?: ListOverride;
  /** Final words of a path parameter name that make it an object id (`auth-object-id-guessable`). */
  idWords?: ListOverride;
  /** HTTP schemes reported as weak (`auth-scheme-weak`). */
  weakHttpSchemes?: ListOverride;
  /** OAuth2 flows reported as deprecated (`auth-oauth2-flow-deprecated`). */
  deprecatedOAuthFlows?: ListOverride;
  /** Read methods that must be protected (`auth-read-operation-unprotected`, `auth-read-operation-public`). */
  readMethods?: ListOverride;
  /** Write methods that must be protected (`auth-write-operation-unprotected`). */
  writeMethods?: ListOverride;
  /** Response keys that count as documenting 401/403 (`auth-unauthorized-response-undocumented`). */
  unauthorizedResponseKeys?: ListOverride;
  /** Names that make a submitting operation a credential entry: sign-in, sign-up, token, password reset (docs/roles.md). */
  credentialEntryNames?: ListOverride;
  /** Path names of the caller's own resources: me, user, account, profile (docs/roles.md). */
  selfServiceNames?: ListOverride;
  /** Last path segments that make an operation privileged: staff actions, role and member management, settings, catalogue, audit (docs/roles.md). */
  privilegedNames?: ListOverride;
  /** Path names of public metadata reads: health, status, version, openapi (docs/roles.md). */
  publicMetadataNames?: ListOverride;
}

/** Authentication and authorization (OWASP API1, API2, API5), and the checks every family relies on: exemptions, and keys that hide the document from every rule. */
export function authRules(lists: Lists) {
  const { readMethods, writeMethods, weakHttpSchemes, deprecatedOAuthFlows, credentialParameterNames, credentialHeaderNames, sessionCookieNames, unauthorizedResponseKeys, idWords, credentialNames, personalDataNames, taxIdNames } = lists;
  const roles = roleLists(lists);
  // A credential taken as a parameter authenticates the operation that takes it (home-made authentication).
  const credentialParameterLists = { credentialParameterNames, credentialHeaderNames, sessionCookieNames };
  return {
    'auth-security-undocumented': rule('auth-security-undocumented', {
      owasp: 'API2', severity: 'error',
      description: 'The description has operations but defines no security scheme and requires no security anywhere (when operations take a credential as a parameter, the message names it as the scheme to declare).',
      given: ROOT, then: { function: securityUndocumented, functionOptions: credentialParameterLists },
    }),
    'auth-write-operation-unprotected': rule('auth-write-operation-unprotected', {
      owasp: 'API2', severity: 'error',
      description: 'Write operations (POST, PUT, PATCH, DELETE) must require authentication: no security, an empty requirement `{}` or `security: []` lets anyone change data. Sign-in, sign-up, token and password-reset operations declared public are public by necessity and not reported.',
      given: ROOT_SECURITY_AND_PATH_ITEMS, then: { function: unprotectedOperation, functionOptions: { methods: writeMethods, states: ['none', 'optional', 'public'], credentialNames, ...credentialParameterLists, ...roles } },
    }),
    'auth-read-operation-unprotected': rule('auth-read-operation-unprotected', {
      owasp: 'API2', severity: 'warn',
      description: 'Read operations should require authentication: they have no security requirement, they inherit an optional one (`{}`) from the root, or they are declared public or optional on the operation yet read one object by its path identifier or return credentials or personal data.',
      given: ROOT_SECURITY_AND_PATH_ITEMS, then: { function: unprotectedOperation, functionOptions: { methods: readMethods, states: ['none', 'optional'], declared: 'private', credentialNames, personalDataNames, taxIdNames, ...credentialParameterLists, ...roles } },
    }),
    'auth-read-operation-public': rule('auth-read-operation-public', {
      owasp: 'API2', severity: 'hint',
      description: 'Read operations declared public (`security: []`) or optional (`{}`) on the operation, or public at the root, that read no private record: confirm they expose nothing private, and record why with an exemption.',
      given: ROOT_SECURITY_AND_PATH_ITEMS, then: { function: unprotectedOperation, functionOptions: { methods: readMethods, states: ['public'], declared: 'other', credentialNames, personalDataNames, taxIdNames, ...credentialParameterLists, ...roles } },
    }),
    'auth-privileged-operation-unprotected': rule('auth-privileged-operation-unprotected', {
      owasp: 'API5', severity: 'error',
      description: 'Privileged operations (admin areas, staff actions such as ban, suspend, impersonate, refund or approve, role and member management, platform settings, catalogue writes, audit data) that require no security, accept anonymous callers or are declared public.',
      given: PATH_ITEMS, then: { function: privilegedOperationUnprotected, functionOptions: { credentialNames, ...credentialParameterLists, ...roles } },
    }),
    'auth-security-scheme-undefined': rule('auth-security-scheme-undefined', {
      owasp: 'API2', severity: 'error',
      description: 'A security requirement names a scheme that is not defined, so the operation has no usable authentication.',
      given: SECURITY_ARRAYS, then: { function: securityRequirementDefined, functionOptions: { check: 'scheme' } },
    }),
    'auth-oauth-scope-undefined': rule('auth-oauth-scope-undefined', {
      owasp: 'API2', severity: 'error',
      description: 'A security requirement asks for an OAuth2 scope that no flow of the scheme declares (OpenID Connect scopes and OAS 3.1 roles are not checked).',
      given: SECURITY_ARRAYS, then: { function: securityRequirementDefined, functionOptions: { check: 'scope' } },
    }),
    'auth-scheme-weak': rule('auth-scheme-weak', {
      owasp: 'API2', severity: 'warn',
      description: 'Security schemes that send reusable or weakly protected credentials: HTTP Basic, Digest, Negotiate/NTLM, OAuth 1.0.',
      given: SECURITY_SCHEMES, then: { function: securitySchemeStrength, functionOptions: { check: 'weak-scheme', weakHttpSchemes } },
    }),
    'auth-apikey-in-url': rule('auth-apikey-in-url', {
      owasp: 'API2', severity: 'error',
      description: 'API key security schemes that carry the key in the query string or path, where logs and caches keep it.',
      given: SECURITY_SCHEMES, then: { function: securitySchemeStrength, functionOptions: { check: 'apikey-in-url' } },
    }),
    'auth-oauth2-flow-deprecated': rule('auth-oauth2-flow-deprecated', {
      owasp: 'API2', severity: 'warn',
      description: 'OAuth2 implicit and resource owner password flows, deprecated by the OAuth 2.0 Security Best Current Practice (RFC 9700).',
      given: SECURITY_SCHEMES, then: { function: securitySchemeStrength, functionOptions: { check: 'deprecated-flow', deprecatedOAuthFlows } },
    }),
    'auth-oauth-url-insecure': rule('auth-oauth-url-insecure', {
      owasp: 'API2', severity: 'error',
      description: 'OAuth2 authorization, token and refresh URLs and OpenID Connect discovery URLs must use https (loopback hosts excepted).',
      given: SECURITY_SCHEMES, then: { function: oauthUrlTransport },
    }),
    'auth-jwt-undocumented': rule('auth-jwt-undocumented', {
      owasp: 'API2', severity: 'info',
      description: 'HTTP bearer schemes with `bearerFormat: JWT` (and API key schemes named or described as JWT) whose description names no signing algorithm (RS256, ES256, EdDSA, …, or a JWKS) or no token lifetime (expiry, `exp`, TTL, "valid for 15 minutes"); the message says which is missing.',
      given: SECURITY_SCHEMES, then: { function: jwtUndocumented },
    }),
    'auth-oauth-refresh-undocumented': rule('auth-oauth-refresh-undocumented', {
      owasp: 'API2', severity: 'info', formats: OAS3_FORMATS,
      description: 'OAuth2 authorization code and password flows (OpenAPI 3.x) without a `refreshUrl`, when the description neither documents refreshing (refresh tokens, `grant_type=refresh_token`, the `offline_access` scope) nor says tokens are short-lived.',
      given: SECURITY_SCHEMES, then: { function: oauthRefreshUndocumented },
    }),
    'auth-credentials-in-url': rule('auth-credentials-in-url', {
      owasp: 'API2', severity: 'error',
      description: 'Query or path parameters named like credentials (token, api_key, password, client_secret, …) put secrets in URLs.',
      given: PATH_ITEMS, then: { function: credentialParameters, functionOptions: { check: 'url', credentialParameterNames } },
    }),
    'auth-authorization-header-parameter': rule('auth-authorization-header-parameter', {
      owasp: 'API2', severity: 'hint',
      description: 'An `Authorization` header declared as a parameter instead of a security scheme.',
      given: PATH_ITEMS, then: { function: credentialParameters, functionOptions: { check: 'authorization-header' } },
    }),
    'auth-credential-parameter-undeclared': rule('auth-credential-parameter-undeclared', {
      owasp: 'API2', severity: 'warn',
      description: 'Header and cookie parameters that carry a credential (`X-Api-Key`, `X-Access-Token`, a session cookie, …) instead of a security scheme: home-made authentication that gateways, SDK generators and reviewers cannot see.',
      // Given the root, not each path item: the check reads every operation at once, and Spectral's call per path item
      // (tens of thousands on the largest descriptions) costs more than the check itself.
      given: ROOT, then: { function: credentialParameters, functionOptions: { check: 'undeclared', credentialHeaderNames, sessionCookieNames } },
    }),
    'auth-unauthorized-response-undocumented': rule('auth-unauthorized-response-undocumented', {
      owasp: 'API2', severity: 'warn',
      description: 'Operations that require authentication should document 401 and 403 responses (a `4XX` or `default` response counts).',
      given: PATH_ITEMS, then: { function: unauthorizedResponses, functionOptions: { unauthorizedResponseKeys } },
    }),
    'auth-admin-operation-shared-security': rule('auth-admin-operation-shared-security', {
      owasp: 'API5', severity: 'warn',
      description: 'Privileged operations (admin areas, staff actions, role and member management, platform settings, catalogue writes, audit data) that accept exactly the security requirements of ordinary operations.',
      given: ROOT_AND_PATH_ITEMS, then: { function: adminSharedSecurity, functionOptions: roles },
    }),
    'auth-object-id-guessable': rule('auth-object-id-guessable', {
      owasp: 'API1', severity: 'info',
      description: 'Integer and other numeric object identifiers in paths (also strings of digits only) can be enumerated; prefer random identifiers such as UUIDs.',
      given: PATH_ITEMS, then: { function: guessableObjectId, functionOptions: { idWords } },
    }),
    'security-exemption-reason-missing': rule('security-exemption-reason-missing', {
      owasp: 'API8', severity: 'warn',
      description: 'An `x-api-security-exemptions` entry has no reason; without one it exempts nothing.',
      given: ROOT, then: { function: exemptionReasons },
    }),
    'document-prototype-key': rule('document-prototype-key', {
      owasp: 'API8', severity: 'warn',
      description: 'A `__proto__` key with an object value: JavaScript tools, Spectral included, hide it and every key beside it, so nothing in that object was checked.',
      given: ROOT, then: { function: prototypeKey },
    }),
  } satisfies RuleDefinitions;
}
