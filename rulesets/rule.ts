import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { DOCS_BASE_URL, OWASP, type OwaspCategory } from './owasp.js';

export type Severity = 'error' | 'warn' | 'info' | 'hint';

export interface RuleSpec {
  owasp: OwaspCategory;
  severity: Severity;
  description: string;
  given: string | string[];
  then: { function: unknown; functionOptions?: Record<string, unknown> };
  formats?: unknown[];
  /** `false` for rules a team turns on by giving them a severity (or with `extends: [[ruleset, all]]`). */
  recommended?: boolean;
}

export const ALL_FORMATS = [oas2, oas3_0, oas3_1];
/** For rules about constructs OpenAPI 2.0 does not have (`refreshUrl`, callbacks). */
export const OAS3_FORMATS = [oas3_0, oas3_1];

// Targeted given paths (the analysis has already walked the document once), kept beside the decoders checks use.
export { PATH_ITEMS, ROOT, ROOT_AND_PATH_ITEMS, ROOT_SECURITY_AND_PATH_ITEMS, SECURITY_ARRAYS, SECURITY_SCHEMES, TRANSPORT_POSITIONS } from '../functions/core/targets.js';

/** One rule as Spectral reads it (and as a team spreads it to override one field). */
export interface RuleRow {
  description: string;
  documentationUrl: string;
  severity: Severity;
  recommended?: false;
  message: string;
  tags: string[];
  formats: unknown[];
  given: string | string[];
  resolved: false;
  then: RuleSpec['then'];
}

export type RuleDefinitions = Record<string, RuleRow>;

/** One row of the rule table, in the shape Spectral expects. Every rule reads the unresolved document through the analysis. */
export function rule(id: string, spec: RuleSpec): RuleRow {
  return {
    description: spec.description,
    documentationUrl: `${DOCS_BASE_URL}${id}.md`,
    severity: spec.severity,
    ...(spec.recommended === false ? { recommended: false } : {}),
    message: '{{error}}',
    tags: [OWASP[spec.owasp]],
    formats: spec.formats ?? ALL_FORMATS,
    given: spec.given,
    resolved: false,
    then: spec.then,
  };
}
