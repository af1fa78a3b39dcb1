import type { SecurityState } from './analysis/index.js';
import { analysisFunction, describe, objectOptions, operationsAt, stringList, type Finding } from './rule-function.js';

export interface UnprotectedOperationOptions {
  /** HTTP methods this rule judges (lower case). */
  methods: string[];
  /** Which effective security states to report. */
  states: SecurityState[];
}

const ADVICE: Record<SecurityState, string> = {
  none: 'has no security requirement (none on the operation, none at the root): add `security` naming a scheme that callers must satisfy',
  optional: 'accepts anonymous callers: the empty requirement `{}` makes authentication optional; remove it unless anonymous access is intended',
  public: 'is declared public with `security: []`: require a security scheme, or exempt it with a reason if it is meant to be public',
  required: '',
};

/**
 * Operations whose effective security (operation-level overriding root-level) lets an
 * unauthenticated caller through. Documents that declare no security anywhere are
 * reported once by `securityUndocumented` instead of once per operation.
 */
export const unprotectedOperation = analysisFunction<UnprotectedOperationOptions>(
  'unprotectedOperation',
  objectOptions({
    methods: stringList('HTTP methods to judge, lower case.'),
    states: { type: 'array', items: { enum: ['none', 'optional', 'public'] } },
  }),
  { methods: ['post', 'put', 'patch', 'delete'], states: ['none', 'optional', 'public'] },
  function* ({ analysis, options, path }): Iterable<Finding> {
    if (!analysis.documentsSecurity) return;
    const methods = new Set(options.methods.map(m => m.toLowerCase()));
    for (const operation of operationsAt(analysis, path)) {
      const { state } = operation.security;
      if (!methods.has(operation.method) || !options.states.includes(state)) continue;
      // Point at the operation's own `security` when it wrote the flaw; an inherited gap belongs to the operation.
      const where = operation.security.source === 'operation' && operation.security.path ? operation.security.path : operation.path;
      yield { message: `${describe(operation)} ${ADVICE[state]}.`, path: where, operation };
    }
  },
);
