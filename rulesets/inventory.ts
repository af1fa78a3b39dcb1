import { oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { deprecationUndocumented, internalPublished, serverNonProduction, versionMissing } from '../functions/index.js';
import type { Lists } from '../functions/core/defaults.js';
import type { ListOverride } from './options.js';
import { rule, ROOT, type RuleDefinitions } from './rule.js';

/** Options of this family for `createRuleset`; every field optional. */
export interface InventoryOptions {
  /** Host label words that name a non-production environment (`inventory-server-non-production`). */
  nonProductionHostWords?: ListOverride;
  /** Extensions (`x-internal`) and extension values (`x-audience=company-internal`) that mark something internal. */
  internalMarkers?: ListOverride;
}

/** Improper inventory management (OWASP API9): environments, versions, deprecations and internal parts a description publishes. */
export function inventoryRules(lists: Lists) {
  return {
    'inventory-server-non-production': rule('inventory-server-non-production', {
      owasp: 'API9', severity: 'warn',
      description: 'Servers of non-production environments (staging, dev, test, QA, internal or local hosts, private addresses; variables substituted) listed beside a production server without `x-internal` or `x-audience`.',
      given: ROOT,
      formats: [oas3_0, oas3_1],
      then: { function: serverNonProduction, functionOptions: { nonProductionHostWords: lists.nonProductionHostWords, internalMarkers: lists.internalMarkers } },
    }),
    'inventory-version-missing': rule('inventory-version-missing', {
      owasp: 'API9', severity: 'info',
      description: 'A description that names no version: `info.version` missing, empty or a placeholder, and no version in server URLs, basePath, paths, version headers or parameters, or media types.',
      given: ROOT,
      then: { function: versionMissing },
    }),
    'inventory-deprecation-undocumented': rule('inventory-deprecation-undocumented', {
      owasp: 'API9', severity: 'info',
      description: 'Deprecated operations that do not document when they will be removed (`Sunset`/`Deprecation` header, sunset extension, a date in the description) or what replaces them.',
      given: ROOT,
      then: { function: deprecationUndocumented },
    }),
    'inventory-internal-published': rule('inventory-internal-published', {
      owasp: 'API9', severity: 'warn',
      description: 'Operations and path items marked internal (`x-internal: true`, `x-audience: company-internal`, an internal tag) in a description that is not itself marked internal.',
      given: ROOT,
      then: { function: internalPublished, functionOptions: { internalMarkers: lists.internalMarkers } },
    }),
  } satisfies RuleDefinitions;
}
