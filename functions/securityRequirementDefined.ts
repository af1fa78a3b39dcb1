import { parseRequirements } from './analysis/index.js';
import { analysisFunction, objectOptions, operationsAt, type Finding } from './rule-function.js';

export interface SecurityRequirementDefinedOptions {
  /** `scheme`: report requirements naming an undefined scheme; `scope`: report OAuth2 scopes no flow declares. */
  check: 'scheme' | 'scope';
}

/**
 * Given a `security` array (root or operation). Unlike `oas3-operation-security-defined`,
 * scopes are only checked for OAuth2 schemes: OpenID Connect scopes are not declared in
 * the description, and OAS 3.1 lets other schemes list role names.
 */
export const securityRequirementDefined = analysisFunction<SecurityRequirementDefinedOptions>(
  'securityRequirementDefined',
  objectOptions({ check: { enum: ['scheme', 'scope'] } }),
  { check: 'scheme' },
  function* ({ analysis, options, target, path }): Iterable<Finding> {
    // Given `$.paths[*][method].security`: the operation whose exemptions apply; undefined for the root's.
    const operation = path.length === 4 ? operationsAt(analysis, path.slice(0, 2)).find(op => op.method === path[2]) : undefined;
    const container = analysis.version === '2.0' ? '`securityDefinitions`' : '`components.securitySchemes`';
    for (const requirement of parseRequirements(target, path)) {
      for (const entry of requirement.entries) {
        const scheme = analysis.schemes.get(entry.scheme);
        if (options.check === 'scheme') {
          if (!scheme) yield { message: `Security scheme "${entry.scheme}" is not defined: define it in ${container} or correct the name.`, path: entry.path, operation };
          continue;
        }
        if (!scheme || scheme.type !== 'oauth2') continue;
        const declared = new Set(scheme.flows.flatMap(flow => [...flow.scopes]));
        for (let index = 0; index < entry.scopes.length; index++) {
          const scope = entry.scopes[index];
          if (declared.has(scope)) continue;
          yield {
            message: `Scope "${scope}" is not declared by any flow of OAuth2 scheme "${entry.scheme}": declare it in the flow's \`scopes\` or correct the name.`,
            path: [...entry.path, index],
            operation,
          };
        }
      }
    }
  },
);
