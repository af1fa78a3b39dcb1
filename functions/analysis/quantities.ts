// Numbers that scale work or money, told by their names: a quantity, a count, an amount, a size, a
// limit, a duration, a number of retries. A client that may send a billion of them, or minus one of
// them, makes the server loop, allocate, wait or pay without bound (OWASP API4), or turns an order
// into a refund (the classic negative-quantity fraud). Other numbers (ids, versions, ports, years,
// coordinates, positions) cost nothing by their size.

import type { Analysis } from './analyse.js';
import { cachedPer, perList } from './cache.js';
import { deref, isObject, type JsonObject, type JsonPath } from './json.js';
import { words } from './names.js';
import { schemaGraph, type PropertyUse } from './schema-graph.js';

/** A name's words beyond this many are not read: names people write are shorter. */
const MAX_WORDS = 12;
/** The longest phrase in a vocabulary, in words. */
const MAX_PHRASE_WORDS = 4;

/**
 * Last words that make a name an identifier, a code, a calendar part, a point in time or a kind,
 * whatever comes before: `retry_id`, `amount_type`, `size_code`, `expiration_time`, `timeout_at`.
 */
const NOT_AMOUNTS = new Set([
  'id', 'ids', 'uid', 'gid', 'pid', 'guid', 'uuid', 'index', 'idx', 'number', 'num', 'no', 'nr', 'code', 'key', 'hash', 'version',
  'port', 'year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'date', 'time', 'at', 'on', 'timestamp', 'ts', 'epoch',
  'start', 'end', 'begin', 'type', 'kind', 'mode', 'status', 'state', 'flag', 'flags', 'format', 'unit', 'currency', 'precision', 'scale',
  // A value compared with, not an amount asked for: `smart_tip_threshold`, `size_cutoff`.
  'threshold', 'thresholds', 'cutoff',
  // A range filter's operand (`amount_gte`, `quantity_lt`): it selects what exists, like a threshold.
  'gt', 'gte', 'lt', 'lte', 'eq', 'ne',
]);

/**
 * Words of the last literal segment of a path (`/verify_microdeposits`, `/validate`) that make its
 * request a check of values the server already holds: the amounts a customer read off a bank
 * statement are compared, not paid, so their size asks for no work.
 */
const VERIFICATIONS = new Set(['verify', 'verification', 'verifications', 'validate', 'validation', 'validations']);

/** Whether the operation at a path template only verifies what it is sent, told by its last literal segment. */
function verifiesValues(template: string): boolean {
  const segments = template.split('/').filter(segment => segment.length > 0 && !segment.startsWith('{'));
  const last = segments[segments.length - 1];
  return last !== undefined && words(last).some(word => VERIFICATIONS.has(word));
}

/**
 * First words of a time-window filter (`sinceSeconds`, `older_than_days`): leaving it out is
 * already the widest window, so a maximum limits no work, and a negative one is merely invalid.
 */
const WINDOW_FILTERS = new Set(['since', 'until', 'before', 'after', 'older', 'newer']);

/**
 * Words of a schedule's length (`interval_count`: every 3 months, `billing_cycles`, `period_count`):
 * a stored duration the server compares with a clock, like a TTL. A huge one never comes due; it
 * asks for no work.
 */
const SCHEDULES = new Set(['interval', 'intervals', 'period', 'periods', 'cycle', 'cycles']);

/** Last words that make a quantity a share of a whole: its bounds are 0 and 100 (or 1), not 1 and 1000. */
const PERCENTS = new Set(['percent', 'percentage', 'pct']);
const FRACTIONS = new Set(['ratio', 'fraction']);
// A `history` limit (`failedJobsHistoryLimit`) is how much the server keeps, a stored policy like a retention.

/**
 * Last words of the name of a schema that reports what the server observed (`DeploymentStatus`,
 * `Metrics`, a `stats` property): its counts (`readyReplicas`, `running_task_count`) describe the
 * system, they do not ask it for work, even when a client may send them back.
 */
const OBSERVED = new Set(['status', 'statuses', 'stats', 'statistics', 'metrics']);

/** Segments of a schema path that are not names: composition and array keywords, list positions. */
const STRUCTURE = new Set(['allOf', 'oneOf', 'anyOf', 'items', 'schema', 'additionalProperties']);

/**
 * Prose that says the server sets the value: `Read-only.` (Kubernetes' `ObjectMeta`), "This field
 * is read-only". Descriptions that mean it without the `readOnly` keyword describe observed state.
 */
const READ_ONLY_PROSE = /(?:^|[.;(]\s*)(?:this (?:field|property|value) is )?read[- ]only(?:[.)]|$)/i;

function describedReadOnly(use: PropertyUse): boolean {
  const texts = [use.declared.description, ...use.value.members.map(member => member.node.description)];
  return texts.some(text => typeof text === 'string' && READ_ONLY_PROSE.test(text.length > 10_000 ? text.slice(0, 10_000) : text));
}

/** Whether a property is declared in a schema (a component, or a property holding it) named like observed state. */
function inObservedState(declaration: JsonPath): boolean {
  for (let i = declaration.length - 3; i >= 0; i--) {
    const segment = declaration[i];
    if (typeof segment === 'number' || /^\d+$/.test(String(segment)) || STRUCTURE.has(String(segment))) continue;
    const list = words(String(segment));
    return list.length > 0 && OBSERVED.has(list[list.length - 1]);
  }
  return false;
}

/** First words that count what follows: `num_images`, `numberReady`, `number_of_nodes`. */
const COUNT_PREFIXES = new Set(['num', 'number']);

export interface QuantityMatch {
  /** The vocabulary entry matched, as written in the list (or "number of" for a counting prefix). */
  entry: string;
  /** A share of a whole (`fee_percent`, `discount_ratio`): the bounds to advise differ. */
  share?: 'percent' | 'fraction';
}

/** The forms of a run of words that stand for a singular entry: `amounts` → amount, `quantities` → quantity. */
function singulars(run: string): string[] {
  const out = [run];
  if (run.endsWith('ies') && run.length > 3) out.push(`${run.slice(0, -3)}y`);
  if (run.endsWith('es') && run.length > 2) out.push(run.slice(0, -2));
  if (run.endsWith('s') && run.length > 1) out.push(run.slice(0, -1));
  return out;
}

/**
 * A matcher for one vocabulary of quantity words. A name is a quantity when a run of its words is
 * an entry (or the plural of one: `amounts`, `retries` for `retry`), wherever in the name
 * (`maxRetries`, `order_quantity`, `amount_cents`, `days_until_due`), or when it starts by counting
 * (`num_nodes`), unless its last word makes it an id, a code, a date part or a kind
 * (`account_number`, `quantity_type`). Entries are plain: `days` does not match `day`, the day of
 * a month.
 */
export const quantityMatcher: (entries: readonly string[]) => (name: string) => QuantityMatch | undefined = perList(buildQuantityMatcher);

function buildQuantityMatcher(entries: readonly string[]): (name: string) => QuantityMatch | undefined {
  const byCompact = new Map<string, string>();
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    const list = words(entry);
    if (list.length === 0 || list.length > MAX_PHRASE_WORDS) continue;
    const compact = list.join('');
    if (!byCompact.has(compact)) byCompact.set(compact, entry);
  }
  return name => {
    const list = words(name).slice(0, MAX_WORDS);
    const last = list[list.length - 1];
    if (list.length === 0 || NOT_AMOUNTS.has(last) || WINDOW_FILTERS.has(list[0]) || list.some(word => word === 'history' || SCHEDULES.has(word))) return undefined;
    const share = PERCENTS.has(last) ? 'percent' : FRACTIONS.has(last) ? 'fraction' : undefined;
    const match = (entry: string): QuantityMatch => (share ? { entry, share } : { entry });
    for (let start = 0; start < list.length; start++) {
      for (let length = Math.min(MAX_PHRASE_WORDS, list.length - start); length >= 1; length--) {
        const run = list.slice(start, start + length).join('');
        for (const form of singulars(run)) {
          const entry = byCompact.get(form);
          if (entry !== undefined) return match(entry);
        }
      }
    }
    if (list.length > 1 && COUNT_PREFIXES.has(list[0])) return match('number of');
    return undefined;
  };
}

/** Bounds the names passed down from an array or alternative to what it holds. */
const MAX_NAMES_PER_SITE = 8;

const componentName = (path: JsonPath): string | undefined => {
  if (path.length === 3 && path[0] === 'components' && path[1] === 'schemas') return String(path[2]);
  if (path.length === 2 && path[0] === 'definitions') return String(path[1]);
  return undefined;
};

/**
 * The names each schema reached from requests is known by: the properties and parameters whose
 * value it is, the component it is written as (`components.schemas.Amount`), and, for the items of
 * an array or an alternative of `oneOf`/`anyOf`, the names of the value that holds them
 * (`amounts: { items: {type: integer} }` holds amounts).
 */
export const requestValueNames = cachedPer<Analysis, Map<JsonObject, string[]>>(analysis => {
  const names = new Map<JsonObject, string[]>();
  const add = (node: unknown, name: string) => {
    if (!isObject(node)) return false;
    const list = names.get(node) ?? [];
    if (list.includes(name) || list.length >= MAX_NAMES_PER_SITE) return false;
    list.push(name);
    names.set(node, list);
    return true;
  };
  const graph = schemaGraph(analysis);
  for (const use of graph.properties) {
    if (inObservedState(use.path) || describedReadOnly(use)) continue;
    if (use.path[0] === 'paths' && typeof use.path[1] === 'string' && verifiesValues(use.path[1])) continue;
    for (const context of use.contexts) {
      if (context.direction !== 'request') continue;
      add(use.value.node, use.name);
      break;
    }
  }
  for (const operation of analysis.operations) {
    if (operation.container !== 'paths') continue;
    // The query of a read filters what exists (`?amount=500` lists top-ups of that amount): it asks
    // for no work and moves no money. Page sizes there are the pagination rule's.
    const reads = operation.method === 'get' || operation.method === 'head';
    for (const parameter of operation.parameters) {
      if (parameter.in === 'body' || !parameter.schema || (reads && parameter.in === 'query') || verifiesValues(operation.pathKey)) continue;
      add(parameter.schema.node, parameter.name);
    }
  }
  for (const site of graph.sites.values()) {
    const name = componentName(site.path);
    if (name !== undefined) add(site.node, name);
  }
  // Down through arrays and alternatives, which hold values of the same name.
  const queue = [...names.keys()];
  while (queue.length > 0) {
    const node = queue.pop()!;
    const site = graph.sites.get(node);
    const held = names.get(node);
    if (!site || !held) continue;
    for (const member of site.members) {
      const children: unknown[] = [];
      if (isObject(member.node.items)) children.push(member.node.items);
      for (const key of ['oneOf', 'anyOf']) if (Array.isArray(member.node[key])) children.push(...(member.node[key] as unknown[]));
      for (const child of children) {
        const target = deref(analysis.root, child, member.path).node;
        let grew = false;
        for (const name of held) grew = add(target, name) || grew;
        if (grew && isObject(target)) queue.push(target);
      }
    }
  }
  return names;
});
