import { abuseProneReason, coverage429, documents429, isExempt, isRateLimited, mostlyDocumented, perDocument, type Operation } from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, describe, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt, targetAt } from '../core/targets.js';

export interface TooManyRequestsOptions {
  /** `abuse-prone`: judge only abuse-prone operations; `other`: judge the rest. */
  operations: 'abuse-prone' | 'other';
  /** Words marking credential flows (counted on methods that submit something). */
  credentialFlowWords: string[];
  /** Words marking expensive or bulk operations (any method). */
  expensiveOperationWords: string[];
}

const reasons = perDocument<Map<Operation, string | undefined>>();

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
    expensiveOperationWords: stringList('Words marking expensive or bulk operations (any method).'),
  }),
  { operations: 'other', ...defaultLists('credentialFlowWords', 'expensiveOperationWords') },
  function* ({ analysis, options, path, rule }): Iterable<Finding> {
    const credential = new Set(options.credentialFlowWords.map(w => w.toLowerCase()));
    const expensive = new Set(options.expensiveOperationWords.map(w => w.toLowerCase()));
    // Two rules ask the same question of every operation, once per path item and once at the root.
    const key = `${[...credential].join(',')}|${[...expensive].join(',')}`;
    const cache = reasons(analysis, key, () => new Map());
    const reason = (op: Operation) => {
      if (!cache.has(op)) cache.set(op, abuseProneReason(op, credential, expensive));
      return cache.get(op);
    };
    const wanted = (op: Operation) => isRateLimited(op) && !documents429(op) && (options.operations === 'abuse-prone') === (reason(op) !== undefined);

    const coverage = coverage429(analysis);
    if (targetAt(path).kind === 'root') {
      if (options.operations !== 'other' || mostlyDocumented(coverage)) return;
      const missing = analysis.operations.filter(op => wanted(op) && !isExempt(analysis, rule, op));
      if (missing.length === 0) return;
      const which = coverage.documented === 0 ? 'No operation documents' : `Only ${coverage.documented} of ${coverage.total} operations document`;
      yield {
        message: `${which} a 429 (Too Many Requests) response, so callers cannot tell how ${missing.length} operation(s) are rate limited: define the limits and add a 429 response (with Retry-After) to each operation, or to a shared response component.`,
        path: ['paths'],
      };
      return;
    }
    if (options.operations === 'other' && !mostlyDocumented(coverage)) return;
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
