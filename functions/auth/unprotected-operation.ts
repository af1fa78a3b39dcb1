import { credentialParameterNames, isExempt, operationRoles, ownCredential, phrases, privateRead, type Operation, type OperationRole, type SecurityState } from '../analysis/index.js';
import { CREDENTIAL_PARAMETER_LISTS, DEFAULT_LISTS, defaultLists, ROLE_LIST_NAMES } from '../core/defaults.js';
import { analysisFunction, credentialParameterOptionSchemas, describe, objectOptions, roleOptionSchemas, sample, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt, targetAt } from '../core/targets.js';

export type UnprotectedOperationOptions = Record<(typeof ROLE_LIST_NAMES)[number], string[]> & {
  /** HTTP methods this rule judges (lower case): the `readMethods` or `writeMethods` list. */
  methods: string[];
  /** Which effective security states to report. */
  states: SecurityState[];
  /**
   * Of the operations that declare themselves public (`security: []`) or optional (`{}`) on the
   * operation: `any` judges them by `states`; `private` judges only those that read a private
   * record (one object by its path identifier, or credentials or personal data in the response),
   * whatever `states` says; `other` only the rest.
   */
  declared: 'any' | 'private' | 'other';
  /**
   * The data dictionaries: credentials and personal data in responses make a read private
   * (`declared`); a credential a request body requires authenticates its caller.
   */
  credentialNames: string[];
  personalDataNames: string[];
  /**
   * Query, header and cookie names that carry credentials: an operation that requires one as a
   * parameter authenticates its callers, however its security reads (home-made authentication,
   * which `auth-credentials-in-url` and `auth-credential-parameter-undeclared` report).
   */
  credentialParameterNames: string[];
  credentialHeaderNames: string[];
  sessionCookieNames: string[];
  taxIdNames: string[];
};

/**
 * Operations these rules leave alone, by role (docs/roles.md): privileged ones are
 * `auth-privileged-operation-unprotected`'s, public metadata is public by design, and a credential
 * entry (sign-in, sign-up, token, password reset) that is declared public or optional is public
 * by necessity (a credential entry with no security at all is still reported).
 */
function leftAlone(role: OperationRole | undefined, state: SecurityState): boolean {
  if (role === 'privileged' || role === 'public-metadata') return true;
  return role === 'credential-entry' && (state === 'public' || state === 'optional');
}


const ADVICE: Record<SecurityState, string> = {
  none: 'has no security requirement (none on the operation, none at the root): add `security` naming a scheme that callers must satisfy',
  optional: 'accepts anonymous callers: the empty requirement `{}` makes authentication optional; remove it unless anonymous access is intended',
  public: 'is declared public with `security: []`: require a security scheme, or exempt it with a reason if it is meant to be public',
  required: '',
};

const ROOT_ADVICE: Record<SecurityState, string> = {
  none: '',
  optional: 'includes the empty requirement `{}`, which makes authentication optional',
  public: 'is empty (`security: []`)',
  required: '',
};

/**
 * Operations whose effective security (operation-level overriding root-level) lets an
 * unauthenticated caller through. A gap written in the root `security` is reported once,
 * there, for all the operations that inherit it; a gap written on an operation, or no
 * security anywhere, is reported on the operation. Documents that declare no security
 * at all are reported once by `securityUndocumented` instead.
 */
export const unprotectedOperation = analysisFunction<UnprotectedOperationOptions>(
  'unprotectedOperation',
  objectOptions({
    methods: stringList('HTTP methods to judge, lower case.'),
    states: { type: 'array', items: { enum: ['none', 'optional', 'public'] } },
    declared: { enum: ['any', 'private', 'other'] },
    credentialNames: stringList('Names (phrases) of credentials, as the data rules read them.'),
    personalDataNames: stringList('Names (phrases) of personal data, as the data rules read them.'),
    ...credentialParameterOptionSchemas(),
    taxIdNames: stringList('Tax identifiers, personal data only where a person holds them, as the data rules read them.'),
    ...roleOptionSchemas(),
  }),
  {
    methods: [...DEFAULT_LISTS.writeMethods],
    states: ['none', 'optional', 'public'],
    declared: 'any',
    ...defaultLists('credentialNames', 'personalDataNames', 'taxIdNames', ...CREDENTIAL_PARAMETER_LISTS, ...ROLE_LIST_NAMES),
  },
  function* ({ analysis, options, path, rule }): Iterable<Finding> {
    if (!analysis.documentsSecurity) return;
    const methods = new Set(options.methods.map(m => m.toLowerCase()));
    const roles = operationRoles(analysis, options);
    const credentials = phrases(options.credentialNames);
    const parameters = { names: credentialParameterNames(options.credentialParameterNames, options.credentialHeaderNames, options.sessionCookieNames), version: analysis.version, schemes: analysis.schemes };
    // A capability URL (`/webhooks/{id}/{webhook_token}`, a handed-out presigned URL), a credential the body
    // requires or one taken as a parameter authenticates whoever holds it: not anonymous. The parameter
    // rules report how the credential travels.
    const judged = (operation: Operation) =>
      methods.has(operation.method) &&
      inScope(operation) &&
      !leftAlone(roles.get(operation)?.role, operation.security.state) &&
      ownCredential(analysis.root, operation, credentials, parameters) === undefined;
    // An operation that opens itself says it is public on purpose: what it reads decides how much that matters.
    const declaredOpen = (operation: Operation) => options.declared !== 'any' && operation.security.source === 'operation' && (operation.security.state === 'public' || operation.security.state === 'optional');
    const inScope = (operation: Operation) => {
      if (!declaredOpen(operation)) return options.states.includes(operation.security.state);
      return (privateRead(analysis, operation, options) !== undefined) === (options.declared === 'private');
    };

    if (targetAt(path).kind === 'root-security') {
      const inheriting = analysis.operations.filter(op => op.container === 'paths' && op.security.source === 'root' && judged(op) && !isExempt(analysis, rule, op));
      if (inheriting.length === 0) return;
      const { state, requirements } = inheriting[0].security;
      const empty = requirements.find(r => r.entries.length === 0);
      yield {
        message: `The root \`security\` ${ROOT_ADVICE[state]}, so ${inheriting.length} operation(s) that inherit it accept anonymous callers (${sample(inheriting)}): require a scheme at the root, and mark deliberately public operations one by one with \`security: []\` and an exemption.`,
        path: state === 'optional' && empty ? empty.path : ['security'],
      };
      return;
    }

    for (const operation of operationsAt(analysis, path)) {
      if (operation.security.source === 'root' || !judged(operation)) continue;
      const { state } = operation.security;
      // Point at the operation's own `security` when it wrote the flaw; a missing one belongs to the operation.
      const where = operation.security.source === 'operation' && operation.security.path ? operation.security.path : operation.path;
      const why = options.declared === 'private' && declaredOpen(operation) ? privateRead(analysis, operation, options) : undefined;
      yield { message: `${describe(operation)} ${ADVICE[state]}.${why ? ` It matters here: ${why.because}.` : ''}`, path: where, operation };
    }
  },
);
