import { credentialParameterNames, operationRoles, ownCredential, phrases, type SecurityState } from '../analysis/index.js';
import { CREDENTIAL_PARAMETER_LISTS, defaultLists, ROLE_LIST_NAMES } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, credentialParameterOptionSchemas, describe, objectOptions, roleOptionSchemas, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt } from '../core/targets.js';

export type PrivilegedOperationUnprotectedOptions = Record<(typeof ROLE_LIST_NAMES)[number] | (typeof CREDENTIAL_PARAMETER_LISTS)[number], string[]> & {
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
  objectOptions({ ...roleOptionSchemas(), ...credentialParameterOptionSchemas(), credentialNames: stringList('Names (phrases) of credentials, as the data rules read them.') }),
  defaultLists('credentialNames', ...CREDENTIAL_PARAMETER_LISTS, ...ROLE_LIST_NAMES),
  function* ({ analysis, options, path }): Iterable<Finding> {
    const roles = operationRoles(analysis, options);
    const credentials = phrases(options.credentialNames);
    const parameters = { names: credentialParameterNames(options.credentialParameterNames, options.credentialHeaderNames, options.sessionCookieNames), version: analysis.version, schemes: analysis.schemes };
    for (const operation of operationsAt(analysis, path)) {
      const role = roles.get(operation);
      const { state, source } = operation.security;
      if (operation.container !== 'paths' || role?.role !== 'privileged' || state === 'required') continue;
      // A capability URL, a credential in the body or one taken as a parameter authenticates the caller
      // (how the credential travels is the parameter rules' finding).
      if (ownCredential(analysis.root, operation, credentials, parameters) !== undefined) continue;
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
