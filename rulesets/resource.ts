import { paginationBounds, rateLimitHeaders, retryAfterHeader, tooManyRequestsResponse, unboundedValues } from '../functions/index.js';
import type { Lists } from '../functions/core/defaults.js';
import { roleLists, type ListOverride } from './options.js';
import { PATH_ITEMS, ROOT, ROOT_AND_PATH_ITEMS, rule, type RuleDefinitions } from './rule.js';

/** Options of the rate limiting and resource consumption family. */
export interface ResourceOptions {
  /** Words marking expensive or bulk operations (search, export, upload, …) on any method (`rate-limit-429-missing-expensive`). */
  expensiveOperationWords?: ListOverride;
  /** Accepted rate-limit header names; a trailing `*` matches any suffix (`rate-limit-headers-missing`). */
  rateLimitHeaderNames?: ListOverride;
  /** Rate-limit reset headers accepted in place of Retry-After; a trailing `*` matches any suffix (`rate-limit-retry-after-missing`). */
  rateLimitResetHeaderNames?: ListOverride;
  /** String formats with an inherent maximum length (`resource-string-unbounded`). */
  boundedStringFormats?: ListOverride;
  /** Keywords that document an upload's size limit (`resource-upload-unbounded`). */
  uploadSizeKeywords?: ListOverride;
  /** Query parameters that set a page size (`resource-pagination-unbounded`). */
  pageSizeParameterNames?: ListOverride;
  /** Envelope properties that hold a page's items (`resource-pagination-unbounded`). */
  pageItemsPropertyNames?: ListOverride;
  /** Words of the names of numbers that scale work or money, which need both bounds (`resource-quantity-unbounded`). */
  quantityNames?: ListOverride;
}

/** Rate limiting and resource consumption (OWASP API4, API6). */
export function resourceRules(lists: Lists) {
  const { expensiveOperationWords, boundedStringFormats, uploadSizeKeywords, pageSizeParameterNames, pageItemsPropertyNames, quantityNames, rateLimitHeaderNames, rateLimitResetHeaderNames } = lists;
  // Which operations are credential entries is the operation roles' to say (docs/roles.md).
  const abuse = {
    expensiveOperationWords,
    ...roleLists(lists),
  };
  const bounds = { boundedStringFormats, uploadSizeKeywords, pageSizeParameterNames, quantityNames };
  const values = (kinds: string[], direction = 'request') => ({ function: unboundedValues, functionOptions: { kinds, direction, ...bounds } });

  return {
    'rate-limit-429-missing-abuse-prone': rule('rate-limit-429-missing-abuse-prone', {
      owasp: 'API6', severity: 'error',
      description: 'Abuse-prone operations (sign-in, sign-up, token, password-reset and OTP operations that callers reach without credentials) must document a 429 Too Many Requests response.',
      given: PATH_ITEMS, then: { function: tooManyRequestsResponse, functionOptions: { operations: 'credential-entry', ...abuse } },
    }),
    'rate-limit-429-missing-expensive': rule('rate-limit-429-missing-expensive', {
      owasp: 'API4', severity: 'warn',
      description: 'Expensive or bulk operations (search, export, bulk, upload, generation, inference) should document a 429 Too Many Requests response; they are reported one by one.',
      given: PATH_ITEMS, then: { function: tooManyRequestsResponse, functionOptions: { operations: 'expensive', ...abuse } },
    }),
    'rate-limit-429-missing': rule('rate-limit-429-missing', {
      owasp: 'API4', severity: 'warn',
      description: 'Operations should document a 429 Too Many Requests response (a `4XX` or `default` counts when it says it covers rate limiting).',
      given: ROOT_AND_PATH_ITEMS, then: { function: tooManyRequestsResponse, functionOptions: { operations: 'other', ...abuse } },
    }),
    'rate-limit-retry-after-missing': rule('rate-limit-retry-after-missing', {
      owasp: 'API4', severity: 'warn',
      description: '429 and 503 responses should declare a `Retry-After` header (a rate-limit reset header such as `X-RateLimit-Reset` or the IETF `RateLimit` field also says when to retry).',
      given: PATH_ITEMS, then: { function: retryAfterHeader, functionOptions: { rateLimitResetHeaderNames } },
    }),
    'rate-limit-headers-missing': rule('rate-limit-headers-missing', {
      owasp: 'API4', severity: 'info',
      description: 'Successful and 429 responses should declare rate-limit headers (IETF `RateLimit`/`RateLimit-Policy`, `RateLimit-*` or `X-RateLimit-*`).',
      given: ROOT_AND_PATH_ITEMS, then: { function: rateLimitHeaders, functionOptions: { rateLimitHeaderNames } },
    }),
    'resource-string-unbounded': rule('resource-string-unbounded', {
      owasp: 'API4', severity: 'warn',
      description: 'Strings in requests need a `maxLength`, an `enum`/`const`, a bounded `format` or an anchored, bounded `pattern`.',
      given: ROOT, then: values(['string']),
    }),
    'resource-array-unbounded': rule('resource-array-unbounded', {
      owasp: 'API4', severity: 'warn',
      description: 'Arrays in requests need a `maxItems`.',
      given: ROOT, then: values(['array']),
    }),
    'resource-number-unbounded': rule('resource-number-unbounded', {
      owasp: 'API4', severity: 'info',
      description: 'Integers and numbers in requests need a `maximum` (or `exclusiveMaximum`, `enum`, `const`); quantities and amounts are judged by `resource-quantity-unbounded`.',
      given: ROOT, then: values(['number']),
    }),
    'resource-quantity-unbounded': rule('resource-quantity-unbounded', {
      owasp: 'API4', severity: 'warn',
      description: 'Request integers and numbers named like quantities, counts, amounts, sizes, limits, waits (timeouts, delays, backoff) or retries need both a `maximum` and a `minimum` (or `exclusiveMinimum`).',
      given: ROOT, then: values(['quantity']),
    }),
    'resource-input-untyped': rule('resource-input-untyped', {
      owasp: 'API4', severity: 'warn',
      description: 'Request properties, parameters, bodies and array items whose schema accepts any JSON value (no `type`, `enum`, `const`, `$ref` or composition) need a declared type and bounds.',
      given: ROOT, then: values(['untyped']),
    }),
    'resource-map-unbounded': rule('resource-map-unbounded', {
      owasp: 'API4', severity: 'warn',
      description: 'Objects in requests with schema-valued `additionalProperties` need a `maxProperties`.',
      given: ROOT, then: values(['map']),
    }),
    'resource-upload-unbounded': rule('resource-upload-unbounded', {
      owasp: 'API4', severity: 'warn',
      description: 'File uploads (`format: binary`, `contentMediaType`/`contentEncoding`, multipart file parts, Swagger 2.0 `type: file`, raw binary bodies) need a documented size limit.',
      given: ROOT, then: values(['upload']),
    }),
    'resource-response-unbounded': rule('resource-response-unbounded', {
      owasp: 'API4', severity: 'info', recommended: false,
      description: 'Off by default: strings, arrays, numbers and maps in responses without an upper bound. Turn it on by giving it a severity.',
      given: ROOT, then: values(['string', 'array', 'number', 'map', 'upload'], 'response'),
    }),
    'resource-pagination-unbounded': rule('resource-pagination-unbounded', {
      owasp: 'API4', severity: 'warn',
      description: 'Collection reads must bound their page size: page-size parameters need a `maximum`; a GET returning a bare array, or an envelope whose items array has no `maxItems`, needs a page-size parameter or `maxItems`.',
      given: PATH_ITEMS, then: { function: paginationBounds, functionOptions: { pageSizeParameterNames, pageItemsPropertyNames } },
    }),
  } satisfies RuleDefinitions;
}
