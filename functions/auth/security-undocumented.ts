import { analysisFunction, objectOptions, type Finding } from '../core/rule-function.js';

/** A description with operations but no security schemes or requirements anywhere: one finding, not one per operation. */
export const securityUndocumented = analysisFunction<Record<string, never>>(
  'securityUndocumented',
  objectOptions({}),
  {},
  function* ({ analysis }): Iterable<Finding> {
    if (analysis.documentsSecurity) return;
    const count = analysis.operations.filter(op => op.container === 'paths').length;
    if (count === 0) return;
    const where = analysis.version === '2.0' ? 'securityDefinitions' : 'components.securitySchemes';
    yield {
      message: `${count === 1 ? 'The only operation documents no' : `None of the ${count} operations documents`} authentication: define the schemes callers use in \`${where}\` and require them with \`security\` (root or per operation).`,
      path: [],
    };
  },
);
