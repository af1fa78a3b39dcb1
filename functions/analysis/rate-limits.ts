// Whether operations document their rate limits: the facts the 429 and rate-limit header rules
// both rely on, so they agree on which operations count and when a gap is one design gap.

import type { Analysis } from './analyse.js';
import { cachedPer } from './cache.js';
import type { Operation, Response } from './operations.js';

/**
 * A test of header names against a list: compared without case (HTTP field names are
 * case-insensitive), and an entry ending in `*` matches any name it starts (`X-RateLimit-*`).
 */
export function headerNameMatcher(names: readonly string[]): (header: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const name of names) {
    if (typeof name !== 'string') continue;
    const lower = name.toLowerCase();
    if (lower.endsWith('*')) prefixes.push(lower.slice(0, -1));
    else exact.add(lower);
  }
  return header => {
    const lower = header.toLowerCase();
    return exact.has(lower) || prefixes.some(prefix => lower.startsWith(prefix));
  };
}

/**
 * The response tells a limited client when to try again: `Retry-After` (RFC 9110 §10.2.3), or a
 * header that gives the time the quota resets (`isResetHeader`: `RateLimit-Reset`,
 * `X-RateLimit-Reset`, the IETF `RateLimit` field's reset, …).
 */
export function tellsWhenToRetry(response: Response, isResetHeader: (header: string) => boolean): boolean {
  if (response.headers.has('retry-after')) return true;
  for (const name of response.headers.keys()) if (isResetHeader(name)) return true;
  return false;
}

/** CORS preflights and TRACE are answered by the HTTP stack, not by the API's handlers. */
const NOT_RATE_LIMITED: ReadonlySet<string> = new Set(['options', 'trace']);

/** Operations of the API itself (not webhooks) that a rate limit applies to. */
export function isRateLimited(operation: Operation): boolean {
  return operation.container === 'paths' && !NOT_RATE_LIMITED.has(operation.method);
}

/** A `4XX` or `default` response only covers rate limiting when it says so. */
// `\brate` so "separate limits" or "moderate limits" do not read as rate limiting.
const MENTIONS_RATE_LIMIT = /\brate[ _-]?limit|too many requests|throttl|\b429\b/i;

function mentionsRateLimit(response: Response): boolean {
  const texts: unknown[] = [response.node.description];
  for (const schema of response.schemas) texts.push(schema.node && (schema.node as Record<string, unknown>).description);
  return texts.some(text => typeof text === 'string' && MENTIONS_RATE_LIMIT.test(text.slice(0, 4096)));
}

/** The operation documents a 429, or a `4XX`/`default` response that says it covers rate limiting. */
export function documents429(operation: Operation): boolean {
  return operation.responses.some(response => {
    const status = response.status.toUpperCase();
    return status === '429' || ((status === '4XX' || status === 'DEFAULT') && mentionsRateLimit(response));
  });
}

export interface Coverage {
  /** Operations that document it. */
  documented: number;
  /** Operations judged. */
  total: number;
}

/** How many of the rate-limited operations document a 429. */
export const coverage429 = cachedPer<Analysis, Coverage>(analysis => {
  const judged = analysis.operations.filter(isRateLimited);
  return { documented: judged.filter(documents429).length, total: judged.length };
});

/**
 * A gap in most operations is one design gap (rate limiting not documented), reported once; a
 * description that documents it on at least half of its operations is told which ones it missed.
 */
export function mostlyDocumented({ documented, total }: Coverage): boolean {
  return total > 0 && documented * 2 >= total;
}
