// The CWE weaknesses each rule of this package finds, for SARIF tags (`external/cwe/cwe-306`) and the
// reports. Typed by RuleId: a new rule without an entry here does not compile.
import type { RuleId } from '../index.js';

export const CWE: Record<RuleId, string[]> = {
  // Operations anyone can call: missing authentication for a function that needs it.
  'auth-security-undocumented': ['CWE-306'],
  'auth-write-operation-unprotected': ['CWE-306'],
  'auth-read-operation-unprotected': ['CWE-306'],
  'auth-read-operation-public': ['CWE-306'],
  'auth-privileged-operation-unprotected': ['CWE-306', 'CWE-862'],
  // A requirement naming no scheme: nobody (gateway, client) can tell how the call authenticates.
  'auth-security-scheme-undefined': ['CWE-287'],
  'auth-oauth-scope-undefined': ['CWE-285'],
  // Basic/Digest/NTLM send replayable credentials with every call.
  'auth-scheme-weak': ['CWE-287', 'CWE-523'],
  // Secrets in URLs end up in logs, history and Referer headers.
  'auth-apikey-in-url': ['CWE-598'],
  'auth-credentials-in-url': ['CWE-598'],
  // Implicit: token in the redirect URL; password: the client handles the user's password.
  'auth-oauth2-flow-deprecated': ['CWE-287', 'CWE-522'],
  'auth-oauth-url-insecure': ['CWE-319', 'CWE-523'],
  // Authentication hidden in a parameter is invisible to every tool that reads schemes.
  'auth-authorization-header-parameter': ['CWE-287'],
  'auth-credential-parameter-undeclared': ['CWE-287'],
  'auth-unauthorized-response-undocumented': ['CWE-1059'],
  'auth-admin-operation-shared-security': ['CWE-285'],
  'auth-object-id-guessable': ['CWE-639'],
  // A JWT whose algorithm is unstated invites `alg` confusion; one without a stated lifetime, tokens that never expire.
  'auth-jwt-undocumented': ['CWE-347', 'CWE-613'],
  'auth-oauth-refresh-undocumented': ['CWE-613'],
  // An exemption nobody can justify is an unrecorded exception to a security check.
  'security-exemption-reason-missing': ['CWE-1059'],
  'document-prototype-key': ['CWE-1321'],
  // Credential entry without rate limiting invites brute force and credential stuffing.
  'rate-limit-429-missing-abuse-prone': ['CWE-307', 'CWE-770'],
  'rate-limit-429-missing-expensive': ['CWE-770', 'CWE-400'],
  'rate-limit-429-missing': ['CWE-770'],
  'rate-limit-retry-after-missing': ['CWE-770'],
  'rate-limit-headers-missing': ['CWE-770'],
  'resource-string-unbounded': ['CWE-770', 'CWE-400'],
  'resource-array-unbounded': ['CWE-770', 'CWE-400'],
  'resource-number-unbounded': ['CWE-770', 'CWE-400'],
  // A quantity or amount the server takes as given: without bounds, a billion of it, or minus one.
  'resource-quantity-unbounded': ['CWE-1284', 'CWE-770'],
  // A value the description does not describe at all: nothing to validate it against.
  'resource-input-untyped': ['CWE-20', 'CWE-770'],
  'resource-map-unbounded': ['CWE-770', 'CWE-400'],
  'resource-upload-unbounded': ['CWE-770', 'CWE-400'],
  'resource-response-unbounded': ['CWE-770', 'CWE-400'],
  'resource-pagination-unbounded': ['CWE-770', 'CWE-400'],
  'data-credential-in-response': ['CWE-200', 'CWE-522'],
  'data-personal-data-in-response': ['CWE-359'],
  'data-internal-in-response': ['CWE-200', 'CWE-213'],
  'data-personal-data-in-url': ['CWE-359', 'CWE-598'],
  'mass-assignment-privileged-property': ['CWE-915'],
  'mass-assignment-open-schema': ['CWE-915'],
  'data-error-details-leaked': ['CWE-209'],
  'secret-leaked': ['CWE-798'],
  'secret-high-entropy-value': ['CWE-798'],
  'secret-test-key': ['CWE-798'],
  'transport-plain-http': ['CWE-319'],
  // A URL the server requests wherever the caller points it: internal services, cloud metadata.
  'ssrf-url-input-unrestricted': ['CWE-918'],
  // A redirect to any site the link's author chose: phishing with the API's own domain.
  'ssrf-redirect-target-unrestricted': ['CWE-601'],
  // Messages whose origin and integrity nobody can check: forged events are acted on.
  'webhook-verification-undocumented': ['CWE-345', 'CWE-347'],
  // Callbacks, their events and signatures sent in clear text.
  'webhook-url-plain-http': ['CWE-319'],
  // Any origin with credentials: every web site can read the user's data.
  'cors-credentials-any-origin': ['CWE-942', 'CWE-346'],
  // Without HSTS a browser's first request may go over plain http and be downgraded.
  'headers-hsts-missing': ['CWE-319', 'CWE-523'],
  'headers-cache-control-missing': ['CWE-525'],
  // Staging, dev and local servers in a public description: environments exposed beyond their intended sphere.
  'inventory-server-non-production': ['CWE-668'],
  // What a description does not say (its version, when a deprecated operation ends) is missing documentation.
  'inventory-version-missing': ['CWE-1059'],
  'inventory-deprecation-undocumented': ['CWE-1059', 'CWE-477'],
  // Operations meant for insiders, still callable, made known to everyone who reads the description.
  'inventory-internal-published': ['CWE-668', 'CWE-912'],
};

/** A rule's CWE ids; rules of other rulesets have none. */
export function cweOf(rule: string): string[] {
  return Object.prototype.hasOwnProperty.call(CWE, rule) ? [...CWE[rule as RuleId]] : [];
}
