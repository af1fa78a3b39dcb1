// SARIF 2.1.0 for code scanning: shadow endpoints on the description's `paths` (where they belong once
// documented), zombie endpoints on the deprecated operation, unused operations as notes on theirs.
import { createHash } from 'node:crypto';
import { FINGERPRINT_KEY, relativeUri, sarifEnvelope } from '../../formats/sarif.js';
import { owaspName } from '../../owasp.js';
import type { Range } from '../description.js';
import type { InventoryReport } from '../report.js';

export const INVENTORY_RULES = {
  'inventory-shadow-endpoint': {
    level: 'warning',
    description: 'An endpoint answers requests in the logs but is not in the description.',
    help: 'Document the endpoint (or remove it from the server): an endpoint nobody inventoried is not reviewed, versioned, monitored or retired.',
    severity: '6.0',
  },
  'inventory-zombie-endpoint': {
    level: 'warning',
    description: 'An operation documented as deprecated is still called.',
    help: 'Contact the callers and set a sunset date, then retire the operation: deprecated code paths stop receiving fixes while still exposed.',
    severity: '5.0',
  },
  'inventory-unused-operation': {
    level: 'note',
    description: 'A documented operation received no request in the logs.',
    help: 'Check whether the operation is still needed: an operation nobody calls is attack surface without a user.',
    severity: '2.0',
  },
} as const;

type RuleId = keyof typeof INVENTORY_RULES;

function region(range: Range) {
  const startLine = Math.max(1, range.start.line);
  const startColumn = Math.max(1, range.start.column);
  const endLine = Math.max(startLine, range.end.line);
  const endColumn = endLine === startLine ? Math.max(startColumn, range.end.column) : Math.max(1, range.end.column);
  return { startLine, startColumn, endLine, endColumn };
}

const fingerprint = (...parts: string[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);

export function inventorySarifLog(report: InventoryReport): Record<string, unknown> {
  const ids = Object.keys(INVENTORY_RULES) as RuleId[];
  // API9 joins the ruleset's categories with the inventory rules; the name is the same either way.
  const owasp = owaspName('API9') ?? 'OWASP API9:2023 Improper Inventory Management';
  const rules = ids.map(id => ({
    id,
    name: id.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase()),
    shortDescription: { text: INVENTORY_RULES[id].description },
    fullDescription: { text: INVENTORY_RULES[id].description },
    help: { text: INVENTORY_RULES[id].help, markdown: INVENTORY_RULES[id].help },
    defaultConfiguration: { level: INVENTORY_RULES[id].level },
    properties: { tags: ['security', ...(owasp ? [owasp] : [])], 'security-severity': INVENTORY_RULES[id].severity, precision: 'high' },
  }));
  const uri = relativeUri(report.description);
  const result = (ruleId: RuleId, text: string, range: Range, logical: string, print: string, properties: Record<string, unknown>) => ({
    ruleId,
    ruleIndex: ids.indexOf(ruleId),
    level: INVENTORY_RULES[ruleId].level,
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: region(range) }, logicalLocations: [{ fullyQualifiedName: logical, kind: 'member' }] }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(ruleId, print) },
    properties,
  });
  const results = [
    ...report.shadow.map(group =>
      result(
        'inventory-shadow-endpoint',
        `${group.method} ${group.basePath}${group.path} is called (${group.requests} requests, e.g. ${group.example}) but ${group.documentedPath ? `the description documents no ${group.method} on ${group.path}` : 'not documented'}: document it in paths or remove it.`,
        report.pathsRange,
        'paths',
        `${group.method} ${group.basePath}${group.path}`,
        { method: group.method, path: group.path, basePath: group.basePath, requests: group.requests, example: group.example },
      ),
    ),
    ...report.zombie.map(operation =>
      result(
        'inventory-zombie-endpoint',
        `${operation.method} ${operation.path} is deprecated but still called (${operation.requests} requests${operation.example ? `, e.g. ${operation.example}` : ''}): move its callers off it, then retire it.`,
        operation.range,
        `paths.${operation.path}.${operation.method.toLowerCase()}`,
        `${operation.method} ${operation.path}`,
        { method: operation.method, path: operation.path, requests: operation.requests },
      ),
    ),
    ...report.unused.map(operation =>
      result(
        'inventory-unused-operation',
        `${operation.method} ${operation.path} received no request in the logs.`,
        operation.range,
        `paths.${operation.path}.${operation.method.toLowerCase()}`,
        `${operation.method} ${operation.path}`,
        { method: operation.method, path: operation.path },
      ),
    ),
  ];
  return sarifEnvelope(report.tool, { rules, results, invocation: { executionSuccessful: true }, properties: { coverage: report.coverage, logs: report.logs } });
}

export function inventorySarif(report: InventoryReport): string {
  return JSON.stringify(inventorySarifLog(report), null, 2) + '\n';
}
