// Every rule's function, exported so a team can reuse one with its own `functionOptions`, and
// the defaults of the list options they take.
export { DEFAULT_LISTS, type ListOption } from './core/defaults.js';
export { analyse, EXEMPTIONS_KEY, type Analysis } from './analysis/index.js';

// Authentication and authorization
export { adminSharedSecurity, type AdminSharedSecurityOptions } from './auth/admin-shared-security.js';
export { credentialParameters, type CredentialParametersOptions } from './auth/credential-parameters.js';
export { exemptionReasons } from './auth/exemption-reasons.js';
export { guessableObjectId, type GuessableObjectIdOptions } from './auth/guessable-object-id.js';
export { oauthUrlTransport } from './auth/oauth-url-transport.js';
export { privilegedOperationUnprotected, type PrivilegedOperationUnprotectedOptions } from './auth/privileged-operation-unprotected.js';
export { prototypeKey } from './auth/prototype-key.js';
export { securityRequirementDefined, type SecurityRequirementDefinedOptions } from './auth/security-requirement-defined.js';
export { securitySchemeStrength, type SecuritySchemeStrengthOptions } from './auth/security-scheme-strength.js';
export { jwtUndocumented, oauthRefreshUndocumented } from './auth/token-hygiene.js';
export { securityUndocumented, type SecurityUndocumentedOptions } from './auth/security-undocumented.js';
export { unauthorizedResponses, type UnauthorizedResponsesOptions } from './auth/unauthorized-responses.js';
export { unprotectedOperation, type UnprotectedOperationOptions } from './auth/unprotected-operation.js';

// Rate limiting and resource consumption
export { paginationBounds, type PaginationOptions } from './resource/pagination-bounds.js';
export { rateLimitHeaders, retryAfterHeader, type RateLimitHeadersOptions, type RetryAfterOptions } from './resource/rate-limit-headers.js';
export { tooManyRequestsResponse, type TooManyRequestsOptions } from './resource/rate-limit-responses.js';
export { unboundedValues, type UnboundedValuesOptions, type ValueKind } from './resource/unbounded-values.js';

// Data exposure and mass assignment
export { errorDetails, type ErrorDetailsOptions } from './data/error-details.js';
export { internalData, type InternalDataOptions } from './data/internal-data.js';
export { massAssignment, type MassAssignmentOptions } from './data/mass-assignment.js';
export { openRequestSchema, type OpenRequestSchemaOptions } from './data/open-request-schema.js';
export { sensitiveData, type SensitiveDataCheck, type SensitiveDataOptions } from './data/sensitive-data.js';

// Response headers (CORS, browser security headers)
export { corsCredentials } from './headers/cors.js';
export { cacheControlHeader, hstsHeader, type CacheControlOptions } from './headers/security-headers.js';

// Secrets and transport
export { leakedSecrets, type LeakedSecretsOptions } from './secrets/leaked-secrets.js';
export { plainTransport, type PlainTransportOptions } from './transport/plain-transport.js';

// Outbound requests: SSRF, open redirects, webhooks
export { urlInputsUnrestricted, type UrlInputsOptions } from './outbound/url-inputs.js';
export { webhookPlainHttp, type WebhookPlainHttpOptions } from './outbound/webhook-plain-http.js';
export { webhookVerification, type WebhookVerificationOptions } from './outbound/webhook-verification.js';
// Inventory
export { deprecationUndocumented } from './inventory/deprecation-undocumented.js';
export { internalPublished, type InternalPublishedOptions } from './inventory/internal-published.js';
export { serverNonProduction, type ServerNonProductionOptions } from './inventory/server-non-production.js';
export { versionMissing } from './inventory/version-missing.js';
