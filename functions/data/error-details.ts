import {
  compact,
  declaringSchema,
  entries,
  isErrorStatus,
  isExempt,
  isObject,
  responseExamples,
  schemaGraph,
  schemaTypes,
  type ExampleAt,
  type JsonObject,
  type Operation,
  type UseContext,
} from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, objectOptions, stringList, type Finding } from '../core/rule-function.js';

export interface ErrorDetailsOptions {
  /** Property names that carry internals in error responses, compared as whole names without case or separators. */
  errorDetailNames: string[];
}


/** Bounds on what is read of an example: hostile documents must not stall the lint run. */
const MAX_STRING = 20_000;
const MAX_NODES = 500;
const MAX_MATCHES = 32;

/** The frame of a JavaScript stack trace ends in `:line:column`. */
const LINE_COLUMN = /:\d{1,7}:\d{1,7}$/;

type Detector = (text: string) => boolean;

function anyCapture(pattern: RegExp, text: string, check: (capture: string) => boolean): boolean {
  let count = 0;
  for (const match of text.matchAll(pattern)) {
    if (check(match[1] ?? '')) return true;
    if (++count >= MAX_MATCHES) break;
  }
  return false;
}

/**
 * Stack trace and internal error shapes, each a linear-time test: no nested or overlapping
 * quantifiers; captures are checked in code instead of by backtracking.
 */
const DETECTORS: Array<[string, Detector]> = [
  ['a Python traceback', text => text.includes('Traceback (most recent call last)') || /\bFile "[^"\n]{1,400}", line \d{1,7}/.test(text)],
  ['a Java stack trace', text => /\bat [A-Za-z_$][\w$]*(?:\.[\w$<>]+)+\((?:[\w$-]{1,200}\.(?:java|kt|scala|groovy):\d{1,7}|Native Method|Unknown Source)\)/.test(text)],
  ['a .NET stack trace', text => /:line \d{1,7}/.test(text) && /\bat [\w.`]{1,300}\(/.test(text)],
  [
    'a JavaScript stack trace',
    text =>
      anyCapture(/\bat (?:async )?[^\s()]{1,300}(?: \[as [^\]\s]{1,100}\])? \(([^()\s]{1,400})\)/g, text, capture => LINE_COLUMN.test(capture)) ||
      anyCapture(/\bat ((?:\/|file:\/\/|node:)[^\s()]{1,400})/g, text, capture => LINE_COLUMN.test(capture)),
  ],
  ['a PHP stack trace', text => /Stack trace:\s{0,10}#0 /.test(text) || anyCapture(/#\d{1,4} ([^\s(]{1,400})\(\d{1,7}\)/g, text, capture => capture.endsWith('.php'))],
  ['a Ruby backtrace', text => /\.rb:\d{1,7}:in [`'\u2018]/.test(text)],
  ['a Go stack trace', text => /goroutine \d{1,9} \[[a-z ,]{1,60}\]:/.test(text)],
  ['a SQL error', text => /SQLSTATE\[\w{1,10}\]/.test(text) || /\bORA-\d{5}\b/.test(text) || /error in your SQL syntax/i.test(text)],
];

/** What an example value shows: a stack trace or SQL error in a string, or a field named like internals. */
function inspectExample(value: unknown, names: ReadonlySet<string>): string | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0 && nodes < MAX_NODES) {
    const { value: current, depth } = stack.pop()!;
    nodes++;
    if (typeof current === 'string') {
      const text = current.length > MAX_STRING ? current.slice(0, MAX_STRING) : current;
      for (const [label, detect] of DETECTORS) if (detect(text)) return label;
    } else if (Array.isArray(current)) {
      if (depth < 20) for (const item of current.slice(0, MAX_NODES)) stack.push({ value: item, depth: depth + 1 });
    } else if (isObject(current)) {
      for (const [key, item] of entries(current)) {
        if (names.has(compact(key)) && isDetail(item)) return `a ${quote(key)} field`;
        if (depth < 20) stack.push({ value: item, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** A field value that carries something (not `null`, `false` or an empty string). */
function isDetail(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return isObject(value) || typeof value === 'number';
}

function isBooleanOnly(node: JsonObject): boolean {
  const types = schemaTypes(node).filter(t => t !== 'null');
  return types.length > 0 && types.every(t => t === 'boolean');
}

const errorUses = (contexts: Iterable<UseContext>) => [...contexts].filter(c => c.direction === 'response' && c.errorResponse);

/**
 * Error responses that document stack traces or internals (OWASP API8): properties named
 * like them (`stack`, `stackTrace`, `exception`, `debug`, `sql`, …) and examples that show a
 * stack trace or a database error.
 */
export const errorDetails = analysisFunction<ErrorDetailsOptions>(
  'errorDetails',
  objectOptions({ errorDetailNames: stringList('Property names that carry internals in error responses.') }),
  defaultLists('errorDetailNames'),
  function* ({ analysis, options, rule }): Iterable<Finding> {
    const names = new Set(options.errorDetailNames.map(compact).filter(n => n.length > 0));
    const graph = schemaGraph(analysis);

    for (const use of graph.properties.values()) {
      const uses = errorUses(use.contexts);
      if (uses.length === 0 || !names.has(compact(use.name))) continue;
      if (isBooleanOnly(use.value.node) || use.value.members.some(m => isBooleanOnly(m.node))) continue;
      if (isExempt(analysis, rule, undefined, use.declared)) continue;
      yield {
        message: `Property ${quote(use.name)} returns internal error details in error responses: log stack traces, exceptions and queries on the server and return an error code and a correlation id instead.`,
        path: use.path,
        exemptIn: declaringSchema(analysis.root, use.path),
        uses,
      };
    }

    // Examples written on schemas that error responses return.
    for (const site of graph.sites.values()) {
      const uses = errorUses(site.contexts);
      if (uses.length === 0) continue;
      const candidates: ExampleAt[] = [];
      if ('example' in site.node) candidates.push({ value: site.node.example, path: [...site.path, 'example'] });
      if (Array.isArray(site.node.examples)) site.node.examples.slice(0, 16).forEach((value, i) => candidates.push({ value, path: [...site.path, 'examples', i] }));
      for (const candidate of candidates) {
        const shown = inspectExample(candidate.value, names);
        if (!shown) continue;
        yield { message: exampleMessage(shown), path: candidate.path, exemptIn: site.node, uses };
      }
    }

    // Examples written on error responses themselves, reported once where written.
    const byPath = new Map<string, { example: ExampleAt; operations: Operation[] }>();
    for (const operation of analysis.operations) {
      for (const response of operation.responses) {
        if (!isErrorStatus(response.status)) continue;
        for (const example of responseExamples(analysis, response)) {
          const key = JSON.stringify(example.path);
          const entry = byPath.get(key);
          if (entry) entry.operations.push(operation);
          else byPath.set(key, { example, operations: [operation] });
        }
      }
    }
    for (const { example, operations } of byPath.values()) {
      if (operations.every(operation => isExempt(analysis, rule, operation))) continue;
      const shown = inspectExample(example.value, names);
      if (!shown) continue;
      yield { message: exampleMessage(shown), path: example.path };
    }
  },
);

function exampleMessage(shown: string): string {
  return `Error response example shows ${shown}: error responses must not reveal stack traces, queries or other internals; return an error code and a correlation id, and keep the details in server logs.`;
}
