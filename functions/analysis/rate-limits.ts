// Whether operations document their rate limits: the facts the 429 and rate-limit header rules
// both rely on, so they agree on which operations count and when a gap is one design gap.

import type { Analysis } from './analyse.js';
import { cachedPer } from './cache.js';
import type { Operation, Response } from './operations.js';

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
