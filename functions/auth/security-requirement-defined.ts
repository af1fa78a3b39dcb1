import { parseRequirements, type Analysis, type Operation, type Requirement } from '../analysis/index.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, type Finding } from '../core/rule-function.js';
import { operationsAt, targetAt } from '../core/targets.js';

export interface SecurityRequirementDefinedOptions {
  /** `scheme`: report requirements naming an undefined scheme; `scope`: report OAuth2 scopes no flow declares. */
  check: 'scheme' | 'scope';
}

function* requirementFindings(analysis: Analysis, check: SecurityRequirementDefinedOptions['check'], requirements: Requirement[], operation?: Operation): Iterable<Finding> {
  const container = analysis.version === '2.0' ? '`securityDefinitions`' : '`components.securitySchemes`';
  for (const entry of requirements.flatMap(requirement => requirement.entries)) {
    const scheme = analysis.schemes.get(entry.scheme);
    if (check === 'scheme') {
      if (!scheme) yield { message: `Security scheme ${quote(entry.scheme)} is not defined: define it in ${container} or correct the name.`, path: entry.path, operation };
      continue;
    }
    if (!scheme || scheme.type !== 'oauth2') continue;
    const declared = new Set(scheme.flows.flatMap(flow => [...flow.scopes]));
    for (let index = 0; index < entry.scopes.length; index++) {
      const scope = entry.scopes[index];
      if (declared.has(scope)) continue;
      yield {
        message: `Scope ${quote(scope)} is not declared by any flow of OAuth2 scheme ${quote(entry.scheme)}: declare it in the flow's \`scopes\` or correct the name.`,
        path: [...entry.path, index],
        operation,
      };
    }
  }
}

/**
 * Given the root `security` or a path item (whose operations' own requirements are judged
 * where they are written, also through a `$ref`ed path item). Unlike `oas3-operation-security-defined`,
 * scopes are only checked for OAuth2 schemes: OpenID Connect scopes are not declared in
 * the description, and OAS 3.1 lets other schemes list role names.
 */
export const securityRequirementDefined = analysisFunction<SecurityRequirementDefinedOptions>(
  'securityRequirementDefined',
  objectOptions({ check: { enum: ['scheme', 'scope'] } }),
  { check: 'scheme' },
  function* ({ analysis, options, target, path }): Iterable<Finding> {
    if (targetAt(path).kind === 'root-security') {
      yield* requirementFindings(analysis, options.check, parseRequirements(target, path));
      return;
    }
    for (const operation of operationsAt(analysis, path)) {
      if (operation.security.source === 'operation') yield* requirementFindings(analysis, options.check, operation.security.requirements, operation);
    }
  },
);
