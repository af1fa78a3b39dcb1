import { analysisFunction, objectOptions, type Finding } from './rule-function.js';

/** Every malformed exemption in the document, wherever it is written (root, path items, operations). */
export const exemptionReasons = analysisFunction<Record<string, never>>(
  'exemptionReasons',
  objectOptions({}),
  {},
  function* ({ analysis }): Iterable<Finding> {
    for (const scope of analysis.exemptions.all) {
      for (const problem of scope.problems) yield { message: problem.message, path: problem.path };
    }
  },
);
