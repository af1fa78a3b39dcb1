import { errorDetails, internalData, massAssignment, openRequestSchema, sensitiveData } from '../functions/index.js';
import type { Lists } from '../functions/core/defaults.js';
import { roleLists, type ListOverride } from './options.js';
import { PATH_ITEMS, ROOT, rule, type RuleDefinitions } from './rule.js';

/** Options of this family for `createRuleset`; every field optional. */
export interface DataExposureOptions {
  /** Property names that denote credentials and secrets (`data-credential-in-response`, `headers-cache-control-missing`). */
  credentialNames?: ListOverride;
  /** Property names that denote highly sensitive personal data (`data-personal-data-in-response`, `headers-cache-control-missing`). */
  personalDataNames?: ListOverride;
  /** Tax identifiers, personal data only where a person holds them (`data-personal-data-in-response`, `data-personal-data-in-url`). */
  taxIdNames?: ListOverride;
  /** Parameter names that denote personal data (`data-personal-data-in-url`). */
  urlPersonalDataNames?: ListOverride;
  /** Property names clients must not set (`mass-assignment-privileged-property`). */
  privilegedPropertyNames?: ListOverride;
  /** Property names of data for staff or the server only (`data-internal-in-response`). */
  internalDataNames?: ListOverride;
  /** Property names that carry internals in error responses (`data-error-details-leaked`). */
  errorDetailNames?: ListOverride;
}

/** Data exposure and mass assignment (OWASP API3), error details (API8). */
export function dataExposureRules(lists: Lists) {
  const { credentialNames, personalDataNames, taxIdNames, urlPersonalDataNames, privilegedPropertyNames, internalDataNames, errorDetailNames } = lists;
  const roles = roleLists(lists);
  return {
    'data-credential-in-response': rule('data-credential-in-response', {
      owasp: 'API3', severity: 'error',
      description: 'Response schemas that return a credential or secret (password, secret, private key or PEM private key, API key, PIN, CVV, security answer, access or refresh token, `format: password`) that is not `writeOnly`.',
      given: ROOT, then: { function: sensitiveData, functionOptions: { check: 'credential-in-response', credentialNames } },
    }),
    'data-personal-data-in-response': rule('data-personal-data-in-response', {
      owasp: 'API3', severity: 'warn',
      description: 'Response schemas that return highly sensitive personal data (social security number, a person\'s tax id, full card number, bank account number, passport or national id number) that is not `writeOnly`.',
      given: ROOT, then: { function: sensitiveData, functionOptions: { check: 'personal-data-in-response', personalDataNames, taxIdNames } },
    }),
    'data-internal-in-response': rule('data-internal-in-response', {
      owasp: 'API3', severity: 'warn',
      description: 'Response properties meant for staff or the server only (internal, admin or staff notes, fraud scores and reasons, internal ids and flags, debug output, salts) returned by operations that are not administrative.',
      given: ROOT, then: { function: internalData, functionOptions: { internalDataNames, credentialNames, ...roles } },
    }),
    'data-personal-data-in-url': rule('data-personal-data-in-url', {
      owasp: 'API3', severity: 'warn',
      description: 'Query or path parameters carrying a person\'s data (email, phone number, social security number, date of birth, card or account number, tax id), which logs and caches keep; not a business\'s, nor a search hint about a place.',
      given: PATH_ITEMS, then: { function: sensitiveData, functionOptions: { check: 'personal-data-in-url', urlPersonalDataNames, taxIdNames } },
    }),
    'mass-assignment-privileged-property': rule('mass-assignment-privileged-property', {
      owasp: 'API3', severity: 'warn',
      description: 'Request bodies (POST, PUT, PATCH) of sign-ups, profile updates and ordinary creates and updates that let clients set a privileged or server-managed property (role, isAdmin, permissions, balance, an order\'s status, ownerId, createdAt, the id on create, a price on an order) that is not `readOnly`; staff operations, role and member assignment and search bodies set such fields by purpose.',
      given: ROOT, then: { function: massAssignment, functionOptions: { privilegedPropertyNames, ...roles } },
    }),
    'mass-assignment-open-schema': rule('mass-assignment-open-schema', {
      owasp: 'API3', severity: 'warn',
      description: 'Request body schemas that accept properties they do not declare (no `additionalProperties: false`, or `unevaluatedProperties: false` in 3.1); typed maps are left to `resource-map-unbounded`.',
      given: ROOT, then: { function: openRequestSchema },
    }),
    'data-error-details-leaked': rule('data-error-details-leaked', {
      owasp: 'API8', severity: 'warn',
      description: 'Error responses (4xx, 5xx, default) whose schema has stack, trace, exception, debug or SQL fields, or whose examples show a stack trace or a database error.',
      given: ROOT, then: { function: errorDetails, functionOptions: { errorDetailNames } },
    }),
  } satisfies RuleDefinitions;
}
