import { isExempt, perDocument, type Analysis, type Operation, type Response } from '../analysis/index.js';
import { abuseProneReason, DEFAULT_CREDENTIAL_FLOW_WORDS, DEFAULT_EXPENSIVE_WORDS } from '../analysis/abuse-prone.js';
import { analysisFunction, describe, objectOptions, operationsAt, stringList, type Finding } from '../core/rule-function.js';
import { quote } from '../core/message.js';

export interface TooManyRequestsOptions {
  /** `abuse-prone`: judge only abuse-prone operations; `other`: judge the rest. */
  operations: 'abuse-prone' | 'other';
  credentialFlowWords: string[];
  expensiveWords: string[];
}

/** CORS preflights and TRACE are answered by the HTTP stack, not by the API's handlers. */
const NOT_RATE_LIMITED = new Set(['options', 'trace']);

/** A `4XX` or `default` response only covers rate limiting when it says so. */
// `\brate` so "separate limits" or "moderate limits" do not read as rate limiting.
const MENTIONS_RATE_LIMIT = /\brate[ _-]?limit|too many requests|throttl|\b429\b/i;

function mentionsRateLimit(response: Response): boolean {
  const texts: unknown[] = [response.node.description];
  for (const schema of response.schemas) texts.push(schema.node && (schema.node as Record<string, unknown>).description);
  return texts.some(text => typeof text === 'string' && MENTIONS_RATE_LIMIT.test(text.slice(0, 4096)));
}

export function documents429(operation: Operation): boolean {
  return operation.responses.some(response => {
    const status = response.status.toUpperCase();
    return status === '429' || ((status === '4XX' || status === 'DEFAULT') && mentionsRateLimit(response));
  });
}

const coverage429 = perDocument<{ documented: number; total: number }>();
const reasons = perDocument<Map<Operation, string | undefined>>();

/** How many of the operations that can be rate limited document a 429. */
function coverage(analysis: Analysis): { documented: number; total: number } {
  return coverage429(analysis, '', () => {
    const judged = analysis.operations.filter(op => op.container === 'paths' && !NOT_RATE_LIMITED.has(op.method));
    return { documented: judged.filter(documents429).length, total: judged.length };
  });
}

/**
 * A gap in most operations is one design gap (rate limiting not documented), reported once; a
 * description that documents it on at least half of its operations is told which ones it missed.
 */
export function mostlyDocumented(documented: number, total: number): boolean {
  return total > 0 && documented * 2 >= total;
}

/**
 * Operations that do not document what happens when a caller exceeds a limit. When fewer than
 * half of the operations document a 429, the ordinary operations are reported once (at `paths`)
 * instead of one by one; abuse-prone operations are always reported one by one.
 */
export const tooManyRequestsResponse = analysisFunction<TooManyRequestsOptions>(
  'tooManyRequestsResponse',
  objectOptions({
    operations: { enum: ['abuse-prone', 'other'] },
    credentialFlowWords: stringList('Words marking credential flows (counted on non-read methods).'),
    expensiveWords: stringList('Words marking expensive or bulk operations (any method).'),
  }),
  { operations: 'other', credentialFlowWords: DEFAULT_CREDENTIAL_FLOW_WORDS, expensiveWords: DEFAULT_EXPENSIVE_WORDS },
  function* ({ analysis, options, path, rule }): Iterable<Finding> {
    const credential = new Set(options.credentialFlowWords.map(w => w.toLowerCase()));
    const expensive = new Set(options.expensiveWords.map(w => w.toLowerCase()));
    // Two rules ask the same question of every operation, once per path item and once at the root.
    const key = `${[...credential].join(',')}|${[...expensive].join(',')}`;
    const cache = reasons(analysis, key, () => new Map());
    const reason = (op: Operation) => {
      if (!cache.has(op)) cache.set(op, abuseProneReason(op, credential, expensive));
      return cache.get(op);
    };
    const wanted = (op: Operation) => op.container === 'paths' && !NOT_RATE_LIMITED.has(op.method) && !documents429(op) && (options.operations === 'abuse-prone') === (reason(op) !== undefined);

    if (path.length === 0) {
      const { documented, total } = coverage(analysis);
      if (options.operations !== 'other' || mostlyDocumented(documented, total)) return;
      const missing = analysis.operations.filter(op => wanted(op) && !isExempt(analysis, rule, op));
      if (missing.length === 0) return;
      const which = documented === 0 ? 'No operation documents' : `Only ${documented} of ${total} operations document`;
      yield {
        message: `${which} a 429 (Too Many Requests) response, so callers cannot tell how ${missing.length} operation(s) are rate limited: define the limits and add a 429 response (with Retry-After) to each operation, or to a shared response component.`,
        path: ['paths'],
      };
      return;
    }
    if (options.operations === 'other') {
      const { documented, total } = coverage(analysis);
      if (!mostlyDocumented(documented, total)) return;
    }
    for (const operation of operationsAt(analysis, path)) {
      if (!wanted(operation)) continue;
      const why = options.operations === 'abuse-prone' ? ` It is abuse-prone (${quote(reason(operation))}): attackers hammer such operations first.` : '';
      yield {
        message: `${describe(operation)} does not document a 429 (Too Many Requests) response: rate limit it and document the 429 with a Retry-After header.${why}`,
        path: operation.node.responses !== undefined ? [...operation.path, 'responses'] : operation.path,
        operation,
      };
    }
  },
);
