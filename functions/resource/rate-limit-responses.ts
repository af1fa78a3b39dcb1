import { coverage429, documents429, expensiveOperationReason, isExempt, isRateLimited, mostlyDocumented, operationRoles, optionsKey, perDocument, type Operation, type RoleJudgement } from '../analysis/index.js';
import { defaultLists, ROLE_LIST_NAMES } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, describe, objectOptions, roleOptionSchemas, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt, targetAt } from '../core/targets.js';

export type TooManyRequestsOptions = Record<(typeof ROLE_LIST_NAMES)[number], string[]> & {
  /**
   * `credential-entry`: judge credential entries that callers reach without credentials;
   * `expensive`: judge expensive or bulk operations (search, export, upload…) that are not those;
   * `other`: judge the rest.
   */
  operations: OperationKind;
  /** Words marking expensive or bulk operations (any method). */
  expensiveOperationWords: string[];
};

type OperationKind = 'credential-entry' | 'expensive' | 'other';

interface Reason {
  kind: OperationKind;
  /** The name or word that decided it. */
  because?: string;
}

const reasons = perDocument<Map<Operation, Reason>>();

/**
 * A credential entry (sign-in, sign-up, token, password reset, OTP: docs/roles.md) that callers
 * reach without credentials is where credential stuffing and brute force go; a token issued to an
 * already authenticated caller is ordinary.
 */
function credentialEntryReason(operation: Operation, role: RoleJudgement | undefined): string | undefined {
  return role?.role === 'credential-entry' && operation.security.state !== 'required' ? role.because : undefined;
}

const WHY: Record<Exclude<OperationKind, 'other'>, string> = {
  'credential-entry': 'It is abuse-prone (%s): a credential entry open to anonymous callers is where credential stuffing and brute force go first.',
  expensive: 'It is expensive (%s): without a limit one client can exhaust the service or run up its costs.',
};

const reasonsKey = optionsKey<TooManyRequestsOptions>(['expensiveOperationWords', ...ROLE_LIST_NAMES]);

/**
 * Operations that do not document what happens when a caller exceeds a limit. When fewer than
 * half of the operations document a 429, the ordinary operations are reported once (at `paths`)
 * instead of one by one; abuse-prone operations are always reported one by one.
 */
export const tooManyRequestsResponse = analysisFunction<TooManyRequestsOptions>(
  'tooManyRequestsResponse',
  objectOptions({
    operations: { enum: ['credential-entry', 'expensive', 'other'] },
    expensiveOperationWords: stringList('Words marking expensive or bulk operations (any method).'),
    ...roleOptionSchemas(),
  }),
  { operations: 'other', ...defaultLists('expensiveOperationWords', ...ROLE_LIST_NAMES) },
  function* ({ analysis, options, path, rule }): Iterable<Finding> {
    const expensive = new Set(options.expensiveOperationWords.map(w => w.toLowerCase()));
    const roles = operationRoles(analysis, options);
    // Two rules ask the same question of every operation, once per path item and once at the root.
    const key = reasonsKey(options);
    const cache = reasons(analysis, key, () => new Map());
    // Credential entry comes first: a sign-in named "search" is still a sign-in.
    const reason = (op: Operation): Reason => {
      let known = cache.get(op);
      if (!known) {
        const entry = credentialEntryReason(op, roles.get(op));
        const costly = entry === undefined ? expensiveOperationReason(op, expensive) : undefined;
        known = entry !== undefined ? { kind: 'credential-entry', because: entry } : costly !== undefined ? { kind: 'expensive', because: costly } : { kind: 'other' };
        cache.set(op, known);
      }
      return known;
    };
    const wanted = (op: Operation) => isRateLimited(op) && !documents429(op) && reason(op).kind === options.operations;

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
      const { kind, because } = reason(operation);
      const why = kind === 'other' ? '' : ` ${WHY[kind]}`.replace('%s', quote(because));
      yield {
        message: `${describe(operation)} does not document a 429 (Too Many Requests) response: rate limit it and document the 429 with a Retry-After header.${why}`,
        path: operation.node.responses !== undefined ? [...operation.path, 'responses'] : operation.path,
        operation,
      };
    }
  },
);
