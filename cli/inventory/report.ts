// The inventory's findings as data: what the JSON format prints and the text and SARIF formats read.
import type { Range } from './description.js';
import type { FileCount, Group, Tally } from './tally.js';

export interface OperationFinding {
  method: string;
  path: string;
  operationId?: string;
  deprecated: boolean;
  requests: number;
  example?: string;
  range: Range;
}

export type Failure = 'shadow' | 'zombie' | 'unused';

export interface InventoryReport {
  tool: { name: string; version: string };
  description: string;
  logs: FileCount[];
  coverage: {
    operations: number;
    operationsSeen: number;
    /** Documented operations seen / documented operations, 0-100 with one decimal. */
    operationsPercent: number;
    requests: number;
    matched: number;
    /** Requests to documented operations / requests, 0-100 with one decimal. */
    requestsPercent: number;
    shadow: number;
    outside: number;
    preflight: number;
    notServed: number;
    malformed: number;
  };
  shadow: Group[];
  zombie: OperationFinding[];
  unused: OperationFinding[];
  outside: Group[];
  /** Groups not kept (the cap on distinct endpoints was reached): their requests still count above. */
  ungrouped: { shadow: number; outside: number };
  /** Shadow groups with fewer requests than --min-requests, left out of `shadow`. */
  belowMinimum: number;
  pathsRange: Range;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
const byRequests = (a: Group, b: Group) => b.requests - a.requests || (a.basePath + a.path).localeCompare(b.basePath + b.path) || a.method.localeCompare(b.method);

export function buildReport(tally: Tally, description: string, tool: { name: string; version: string }, minRequests = 1): InventoryReport {
  const operations = tally.description.operations;
  const finding = (index: number): OperationFinding => {
    const operation = operations[index];
    return {
      method: operation.method,
      path: operation.path,
      ...(operation.operationId !== undefined ? { operationId: operation.operationId } : {}),
      deprecated: operation.deprecated,
      requests: tally.counts[index],
      ...(tally.examples[index] !== undefined ? { example: tally.examples[index] } : {}),
      range: operation.range,
    };
  };
  const groups = [...tally.shadow.map.values()].sort(byRequests);
  const shadow = groups.filter(group => group.requests >= minRequests);
  return {
    tool,
    description,
    logs: tally.files,
    coverage: {
      operations: operations.length,
      operationsSeen: tally.operationsSeen().length,
      operationsPercent: percent(tally.operationsSeen().length, operations.length),
      requests: tally.requests,
      matched: tally.matched,
      requestsPercent: percent(tally.matched, tally.requests),
      shadow: tally.shadowRequests,
      outside: tally.outsideRequests,
      preflight: tally.automatic,
      notServed: tally.notServed,
      malformed: tally.malformed,
    },
    shadow,
    zombie: operations.filter(o => o.deprecated && tally.counts[o.index] > 0).map(o => finding(o.index)).sort((a, b) => b.requests - a.requests),
    unused: operations.filter(o => tally.counts[o.index] === 0).map(o => finding(o.index)),
    outside: [...tally.outside.map.values()].sort(byRequests),
    ungrouped: { shadow: tally.shadow.overflow, outside: tally.outside.overflow },
    belowMinimum: groups.length - shadow.length,
    pathsRange: tally.description.pathsRange,
  };
}

/** Which failures the report holds, among those asked for. */
export function failures(report: InventoryReport, failOn: readonly Failure[]): Failure[] {
  return failOn.filter(kind => (kind === 'shadow' ? report.shadow.length + report.ungrouped.shadow > 0 : report[kind].length > 0));
}
