import { exemptionHolders, readExemptions } from '../analysis/index.js';
import { analysisFunction, objectOptions, type Finding } from '../core/rule-function.js';

/** Every malformed exemption in the document, wherever it is written (root, path items, operations, schemes, schemas…). */
export const exemptionReasons = analysisFunction<Record<string, never>>(
  'exemptionReasons',
  objectOptions({}),
  {},
  function* ({ analysis }): Iterable<Finding> {
    for (const scope of analysis.exemptions.all) {
      for (const problem of scope.problems) yield { message: problem.message, path: problem.path };
    }
    // Schemas, parameters and other objects can hold exemptions too (findings about them honour those).
    for (const { node, path } of exemptionHolders(analysis)) {
      for (const problem of readExemptions(node, path).problems) yield { message: problem.message, path: problem.path };
    }
  },
);
