import { credentialParameterNames, credentialParametersOf, schemeToDeclare, type Parameter } from '../analysis/index.js';
import { CREDENTIAL_PARAMETER_LISTS, defaultLists } from '../core/defaults.js';
import { quote, shown } from '../core/message.js';
import { analysisFunction, credentialParameterOptionSchemas, objectOptions, type Finding } from '../core/rule-function.js';

export type SecurityUndocumentedOptions = Record<(typeof CREDENTIAL_PARAMETER_LISTS)[number], string[]>;

/** `header "X-Api-Key"`, for a message. */
function named(parameter: Parameter): string {
  return `${parameter.in} ${quote(parameter.name)}`;
}

/**
 * A description with operations but no security schemes or requirements anywhere: one finding,
 * not one per operation. When operations take a credential as a parameter (an `X-Api-Key`
 * header, a session cookie, an `access_token` in the query), the API does authenticate and the
 * finding says which credential to declare as a scheme.
 */
export const securityUndocumented = analysisFunction<SecurityUndocumentedOptions>(
  'securityUndocumented',
  objectOptions(credentialParameterOptionSchemas()),
  defaultLists(...CREDENTIAL_PARAMETER_LISTS),
  function* ({ analysis, options }): Iterable<Finding> {
    if (analysis.documentsSecurity) return;
    const operations = analysis.operations.filter(op => op.container === 'paths');
    const count = operations.length;
    if (count === 0) return;
    const where = analysis.version === '2.0' ? 'securityDefinitions' : 'components.securitySchemes';
    const names = credentialParameterNames(options.credentialParameterNames, options.credentialHeaderNames, options.sessionCookieNames);
    // Each credential once, by where and how it is sent, in the order the operations first take it.
    const credentials = new Map<string, Parameter>();
    let taking = 0;
    for (const operation of operations) {
      const taken = credentialParametersOf(operation, names, analysis.version);
      if (taken.length > 0) taking++;
      for (const parameter of taken) if (!credentials.has(`${parameter.in}\u0000${parameter.name}`)) credentials.set(`${parameter.in}\u0000${parameter.name}`, parameter);
    }
    if (taking === 0) {
      yield {
        message: `${count === 1 ? 'The only operation documents no' : `None of the ${count} operations documents`} authentication: define the schemes callers use in \`${where}\` and require them with \`security\` (root or per operation).`,
        path: [],
      };
      return;
    }
    const list = [...credentials.values()];
    const first = list[0];
    const shownList = list.slice(0, 3).map(named).join(', ') + (list.length > 3 ? ` and ${list.length - 3} more` : '');
    const who = taking === count ? (count === 1 ? 'The only operation takes' : `All ${count} operations take`) : `${taking} of the ${count} operations ${taking === 1 ? 'takes' : 'take'}`;
    const scheme = list.length === 1 ? `Declare it in \`${where}\` (${schemeToDeclare(first, shown(first.name), analysis.version)})` : `Declare each in \`${where}\` (for ${named(first)}: ${schemeToDeclare(first, shown(first.name), analysis.version)})`;
    const rest = taking === count ? '' : ', and mark the operations meant to be public with `security: []`';
    yield {
      message: `${who} a credential as a parameter (${shownList}) but no security scheme is defined: the API authenticates its callers, and the description hides how. ${scheme}, require ${list.length === 1 ? 'it' : 'them'} with \`security\` (root or per operation) instead of the ${list.length === 1 ? 'parameter' : 'parameters'}${rest}.`,
      path: [],
    };
  },
);
