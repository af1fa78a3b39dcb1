import type { InventoryReport } from '../report.js';

export function inventoryJson(report: InventoryReport): string {
  const { pathsRange: _omit, ...data } = report;
  void _omit;
  return JSON.stringify(data, null, 2) + '\n';
}
