import { EXEMPTIONS_KEY, exemptionHolders, readExemptions, type ExemptionProblem } from '../analysis/index.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, type Finding } from '../core/rule-function.js';

function finding(problem: ExemptionProblem): Finding {
  const message =
    problem.rule === undefined
      ? `"${EXEMPTIONS_KEY}" must map rule ids to the reason for each exemption, e.g. "auth-read-operation-unprotected: Public status page".`
      : `Exemption from ${quote(problem.rule)} has no reason: write why the finding is accepted, or remove the exemption (it has no effect until it has a reason).`;
  return { message, path: problem.path };
}

/** Every malformed exemption in the document, wherever it is written (root, path items, operations, schemes, schemas…). */
export const exemptionReasons = analysisFunction<Record<string, never>>(
  'exemptionReasons',
  objectOptions({}),
  {},
  function* ({ analysis }): Iterable<Finding> {
    for (const scope of analysis.exemptions.all) {
      for (const problem of scope.problems) yield finding(problem);
    }
    // Schemas, parameters and other objects can hold exemptions too (findings about them honour those).
    for (const { node, path } of exemptionHolders(analysis)) {
      for (const problem of readExemptions(node, path).problems) yield finding(problem);
    }
  },
);
