import { operationRoles, ownCredential, phrases, type SecurityState } from '../analysis/index.js';
import { defaultLists, ROLE_LIST_NAMES } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, describe, objectOptions, roleOptionSchemas, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt } from '../core/targets.js';

export type PrivilegedOperationUnprotectedOptions = Record<(typeof ROLE_LIST_NAMES)[number], string[]> & {
  /** Credential names (the data rules' dictionary): a body that requires one authenticates its caller. */
  credentialNames: string[];
};

const GAP: Record<Exclude<SecurityState, 'required'>, string> = {
  none: 'requires no security',
  optional: 'accepts callers without credentials (the empty requirement `{}`)',
  public: 'is declared public with `security: []`',
};

/**
 * Privileged operations (docs/roles.md) that anyone can call (OWASP API5): one finding each,
 * also in a description that documents no security at all, where `auth-security-undocumented`
 * reports the document once and an open administrative function is still the worst flaw in it.
 */
export const privilegedOperationUnprotected = analysisFunction<PrivilegedOperationUnprotectedOptions>(
  'privilegedOperationUnprotected',
  objectOptions({ ...roleOptionSchemas(), credentialNames: stringList('Names (phrases) of credentials, as the data rules read them.') }),
  defaultLists('credentialNames', ...ROLE_LIST_NAMES),
  function* ({ analysis, options, path }): Iterable<Finding> {
    const roles = operationRoles(analysis, options);
    const credentials = phrases(options.credentialNames);
    for (const operation of operationsAt(analysis, path)) {
      const role = roles.get(operation);
      const { state, source } = operation.security;
      if (operation.container !== 'paths' || role?.role !== 'privileged' || state === 'required') continue;
      // A capability URL or a credential in the body authenticates the caller (a secret in the path is auth-credentials-in-url's).
      if (ownCredential(analysis.root, operation, credentials) !== undefined) continue;
      const gap = analysis.documentsSecurity ? GAP[state] : 'is in a description that documents no security at all';
      const inherited = source === 'root' ? ' (inherited from the root `security`)' : '';
      yield {
        message: `${describe(operation)} is privileged (${quote(role.because)}) but ${gap}${inherited}: require a scheme, and a scope or role, that only administrators or staff hold.`,
        path: source === 'operation' && operation.security.path ? operation.security.path : operation.path,
        operation,
      };
    }
  },
);
