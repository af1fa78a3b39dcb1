// The inventory for a person: coverage first, then shadow, zombie and unused endpoints, then requests
// outside every base path; long lists are cut with a count of what is left out (JSON has it all).
import type { Group } from '../tally.js';
import type { InventoryReport, OperationFinding } from '../report.js';

const LIMIT = 50;
const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map(row => row[column].length)));
  return rows.map(row => '  ' + row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd());
}

function list<T>(title: string, items: readonly T[], row: (item: T) => string[], empty: string): string[] {
  const lines = [`${title} (${items.length})`];
  if (items.length === 0) return [...lines, `  ${empty}`, ''];
  lines.push(...table(items.slice(0, LIMIT).map(row)));
  if (items.length > LIMIT) lines.push(`  … and ${items.length - LIMIT} more (-f json lists all)`);
  return [...lines, ''];
}

const groupRow = (group: Group) => [group.method, group.basePath + group.path, plural(group.requests, 'request'), `e.g. ${group.example}`];
const operationRow = (operation: OperationFinding) => [operation.method, operation.path, plural(operation.requests, 'request'), operation.example ? `e.g. ${operation.example}` : ''];

export function inventoryText(report: InventoryReport): string {
  const c = report.coverage;
  const lines = [`Inventory of ${report.description} against ${plural(report.logs.length, 'log')}`, ''];
  lines.push(
    ...table([
      ['Log', 'Format', 'Requests', 'Malformed'],
      ...report.logs.map(log => [log.file, log.format + (log.gzip ? ' (gzip)' : ''), log.requests.toLocaleString('en-US'), log.malformed.toLocaleString('en-US')]),
    ]),
    '',
    'Coverage',
    `  Documented operations seen: ${c.operationsSeen} of ${c.operations} (${c.operationsPercent}%)`,
    `  Requests to documented operations: ${c.matched.toLocaleString('en-US')} of ${c.requests.toLocaleString('en-US')} (${c.requestsPercent}%)`,
    `  Undocumented: ${plural(c.shadow, 'request')} under the base paths, ${c.outside.toLocaleString('en-US')} outside them; ` +
      `${c.preflight.toLocaleString('en-US')} OPTIONS preflights and ${c.notServed.toLocaleString('en-US')} answered 404/405/501 not counted as endpoints`,
    `  Malformed lines or entries skipped: ${c.malformed.toLocaleString('en-US')}`,
    '',
  );
  lines.push(
    ...list('Shadow endpoints: called, not documented', report.shadow, groupRow, 'None.'),
    ...list('Zombie endpoints: documented as deprecated, still called', report.zombie, operationRow, 'None.'),
    ...list('Unused documented operations', report.unused, operation => [operation.method, operation.path, operation.deprecated ? 'deprecated' : ''], 'None.'),
  );
  if (report.outside.length > 0) lines.push(...list('Requests outside every server base path', report.outside, groupRow, 'None.'));
  if (report.ungrouped.shadow + report.ungrouped.outside > 0) {
    lines.push(`More distinct endpoints than the report keeps: ${plural(report.ungrouped.shadow + report.ungrouped.outside, 'request')} counted but not grouped.`, '');
  }
  if (report.belowMinimum > 0) lines.push(`${plural(report.belowMinimum, 'shadow endpoint')} below --min-requests left out.`, '');
  return lines.join('\n');
}
