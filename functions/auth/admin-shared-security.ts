import { isExempt, literalSegments, operationRoles, optionsKey, perDocument, requirementsSignature, type Analysis, type Operation, type RoleJudgement } from '../analysis/index.js';
import { defaultLists, ROLE_LIST_NAMES } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, describe, objectOptions, roleOptionSchemas, sample, type Finding } from '../core/rule-function.js';
import { operationsAt, targetAt } from '../core/targets.js';

export type AdminSharedSecurityOptions = Record<(typeof ROLE_LIST_NAMES)[number], string[]>;

interface Signatures {
  /** Ordinary (not privileged) operations accepting each set of requirements, the first few of each. */
  ordinary: Map<string, Operation[]>;
  /** How many different sets of requirements the API's secured operations accept. */
  distinct: number;
}

const signatureCache = perDocument<Signatures>();

/** Enough ordinary operations per set of requirements to find one about another kind of resource. */
const MAX_ORDINARY_PER_SIGNATURE = 64;

/** The literal path segments, parameters left out: which resource an operation is about, whichever instance. */
function resourceKind(operation: Operation): string {
  return literalSegments(operation.pathKey).join('/').toLowerCase();
}

function signatures(analysis: Analysis, roles: ReadonlyMap<Operation, RoleJudgement>, key: string): Signatures {
  return signatureCache(analysis, key, () => {
    const ordinary = new Map<string, Operation[]>();
    const all = new Set<string>();
    for (const operation of analysis.operations) {
      if (operation.container !== 'paths' || operation.security.state !== 'required') continue;
      const signature = requirementsSignature(operation.security.requirements);
      all.add(signature);
      if (roles.get(operation)?.role === 'privileged') continue;
      const list = ordinary.get(signature);
      if (!list) ordinary.set(signature, [operation]);
      else if (list.length < MAX_ORDINARY_PER_SIGNATURE) list.push(operation);
    }
    return { ordinary, distinct: all.size };
  });
}

/** Privileged operations that require authentication, with the ordinary operation accepting the same callers. */
function sharing(analysis: Analysis, roles: ReadonlyMap<Operation, RoleJudgement>, found: Signatures, operations: Operation[]): Array<{ operation: Operation; ordinary: Operation; because: string }> {
  const out: Array<{ operation: Operation; ordinary: Operation; because: string }> = [];
  for (const operation of operations) {
    const role = roles.get(operation);
    if (operation.container !== 'paths' || role?.role !== 'privileged' || operation.security.state !== 'required') continue;
    // A requirement that only the other operations on the same resource share (a dedicated scope for
    // its permissions, say) sets them apart: it takes an ordinary operation on another resource.
    const kind = resourceKind(operation);
    const ordinary = found.ordinary.get(requirementsSignature(operation.security.requirements))?.find(other => resourceKind(other) !== kind);
    if (ordinary) out.push({ operation, ordinary, because: role.because ?? '' });
  }
  return out;
}

const rolesKey = optionsKey<AdminSharedSecurityOptions>(ROLE_LIST_NAMES);

/**
 * Function-level authorization (OWASP API5): a privileged operation (docs/roles.md) that accepts
 * exactly the callers an ordinary operation accepts cannot, by its description, be restricted to
 * administrators. When every secured operation accepts the same requirements, the description has
 * no way to tell callers apart at all: that is one finding, at the root, naming the operations.
 */
export const adminSharedSecurity = analysisFunction<AdminSharedSecurityOptions>(
  'adminSharedSecurity',
  objectOptions(roleOptionSchemas()),
  defaultLists(...ROLE_LIST_NAMES),
  function* ({ analysis, options, path, rule }): Iterable<Finding> {
    const roles = operationRoles(analysis, options);
    const found = signatures(analysis, roles, rolesKey(options));
    const oneWayIn = found.distinct === 1;
    if (targetAt(path).kind === 'root') {
      if (!oneWayIn) return;
      // With one kind of caller, running the platform (plans, refunds, products, settings) is the caller's own business:
      // only admin areas and people and their permissions are named.
      const shared = sharing(analysis, roles, found, analysis.operations).filter(s => !roles.get(s.operation)?.platformWide && !isExempt(analysis, rule, s.operation));
      if (shared.length === 0) return;
      yield {
        message: `${shared.length} privileged operation(s) (${sample(shared.map(s => s.operation))}) accept the same credentials as every other operation: the description has one way to authenticate and no scope or role that only administrators hold, so it cannot tell them apart from other callers. Define an admin-only scope or scheme and require it on these operations (or, if the API checks finer permissions at run time, name them in the description and exempt the operations with that reason).`,
        path: Array.isArray(analysis.root.security) ? ['security'] : shared[0].operation.security.path ?? shared[0].operation.path,
      };
      return;
    }
    if (oneWayIn) return;
    for (const { operation, ordinary, because } of sharing(analysis, roles, found, operationsAt(analysis, path))) {
      const inherited = operation.security.source === 'root' ? ' (inherited from the root)' : '';
      yield {
        message: `Privileged operation ${describe(operation)} (${quote(because)}) accepts the same security requirements${inherited} as ${describe(ordinary)}: require an admin-only scope or scheme so ordinary callers cannot reach it (or, if the API checks a finer permission at run time, name it in the description and exempt the operation with that reason).`,
        path: operation.security.source === 'operation' && operation.security.path ? operation.security.path : operation.path,
        operation,
      };
    }
  },
);
