import { headerNameMatcher, isExempt, isSuccessStatus, mostlyDocumented, perDocument, tellsWhenToRetry, type Analysis, type Coverage, type Operation, type Response } from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt, targetAt } from '../core/targets.js';

export interface RetryAfterOptions {
  /** Statuses whose responses must say when to retry. */
  statuses: string[];
  /** Headers that give the time a quota resets, accepted in place of Retry-After; a trailing `*` matches any suffix. */
  rateLimitResetHeaderNames: string[];
}

/**
 * 429 and 503 responses must tell the caller when to come back (RFC 9110 §10.2.3, RFC 6585 §4).
 * A rate-limit reset header (`X-RateLimit-Reset`, `RateLimit-Reset`, the IETF `RateLimit` field)
 * tells it too: such a response is not reported, although Retry-After is the standard header
 * that generic clients, SDKs and proxies honour.
 */
export const retryAfterHeader = analysisFunction<RetryAfterOptions>(
  'retryAfterHeader',
  objectOptions({
    statuses: stringList('Response statuses that must declare Retry-After.'),
    rateLimitResetHeaderNames: stringList('Rate-limit reset headers accepted in place of Retry-After; a trailing * matches any suffix.'),
  }),
  { statuses: ['429', '503'], ...defaultLists('rateLimitResetHeaderNames') },
  function* ({ analysis, options, path }): Iterable<Finding> {
    const statuses = new Set(options.statuses.map(s => s.toUpperCase()));
    const isResetHeader = headerNameMatcher(options.rateLimitResetHeaderNames);
    for (const operation of operationsAt(analysis, path)) {
      for (const response of operation.responses) {
        if (!statuses.has(response.status.toUpperCase()) || tellsWhenToRetry(response, isResetHeader)) continue;
        yield {
          message: `This ${response.status} response does not declare a Retry-After header: add one so clients back off for the right time instead of retrying at once.`,
          path: response.path,
          operation,
        };
      }
    }
  },
);

export interface RateLimitHeadersOptions {
  /** Header names that publish rate limits, case-insensitive; a trailing `*` matches any suffix. */
  rateLimitHeaderNames: string[];
  /** Response statuses that should carry them (`2XX` covers 200–299). */
  statuses: string[];
}


function statusMatcher(statuses: string[]): (status: string) => boolean {
  const wanted = new Set(statuses.map(s => s.toUpperCase()));
  return status => {
    const upper = status.toUpperCase();
    return wanted.has(upper) || (wanted.has('2XX') && isSuccessStatus(upper));
  };
}

const headerCoverage = perDocument<Coverage>();

/** How many operations declare rate-limit headers on at least one response. */
function coverage(analysis: Analysis, key: string, isRateLimitHeader: (h: string) => boolean): Coverage {
  return headerCoverage(analysis, key, () => {
    // Webhook responses are the API's own callers answering: they say nothing about the API's limits.
    const operations = analysis.operations.filter(op => op.container === 'paths');
    return { documented: operations.filter(op => op.responses.some(r => [...r.headers.keys()].some(isRateLimitHeader))).length, total: operations.length };
  });
}

/**
 * Successful and 429 responses should tell clients their limits (IETF RateLimit fields, the
 * legacy RateLimit-* or X-RateLimit-* headers). Not asked of 401, 403, 404 or other errors:
 * limits disclosed there help attackers probe. When fewer than half of the operations declare
 * such headers, the gap is reported once, at `paths`.
 */
export const rateLimitHeaders = analysisFunction<RateLimitHeadersOptions>(
  'rateLimitHeaders',
  objectOptions({
    rateLimitHeaderNames: stringList('Accepted rate-limit header names; a trailing * matches any suffix.'),
    statuses: stringList('Statuses whose responses should declare rate-limit headers.'),
  }),
  { ...defaultLists('rateLimitHeaderNames'), statuses: ['2XX', '429'] },
  function* ({ analysis, options, path, rule }): Iterable<Finding> {
    const isRateLimitHeader = headerNameMatcher(options.rateLimitHeaderNames);
    const judged = statusMatcher(options.statuses);
    const lacking = (response: Response) => judged(response.status) && ![...response.headers.keys()].some(isRateLimitHeader);
    const declaring = coverage(analysis, options.rateLimitHeaderNames.join('\u0000'), isRateLimitHeader);
    const mostly = mostlyDocumented(declaring);
    if (targetAt(path).kind === 'root') {
      if (mostly) return;
      const operations = analysis.operations.filter((op: Operation) => op.container === 'paths' && op.responses.some(lacking) && !isExempt(analysis, rule, op));
      if (operations.length === 0) return;
      yield {
        message: `${declaring.documented === 0 ? 'No response declares' : `Only ${declaring.documented} of ${declaring.total} operations declare`} rate-limit headers, so clients of ${operations.length} operation(s) cannot see their limits: declare \`RateLimit\` and \`RateLimit-Policy\` (or X-RateLimit-*) on successful and 429 responses.`,
        path: ['paths'],
      };
      return;
    }
    if (!mostly) return;
    for (const operation of operationsAt(analysis, path)) {
      for (const response of operation.responses) {
        if (!lacking(response)) continue;
        yield {
          message: `This ${response.status} response declares no rate-limit headers: add \`RateLimit\` and \`RateLimit-Policy\` (or the X-RateLimit-* headers the rest of the API uses) so clients can pace themselves.`,
          path: response.path,
          operation,
        };
      }
    }
  },
);
