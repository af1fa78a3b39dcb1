import { DEFAULT_LISTS, ROLE_LIST_NAMES, type ListOption, type Lists } from '../functions/core/defaults.js';

/** A list option: the defaults, plus `add`, minus `remove` (compared case-insensitively). */
export interface ListOverride {
  add?: string[];
  remove?: string[];
}

export function applyOverride(defaults: readonly string[], override: ListOverride | undefined): string[] {
  if (!override) return [...defaults];
  const removed = new Set((override.remove ?? []).map(v => String(v).toLowerCase()));
  const out = defaults.filter(v => !removed.has(v.toLowerCase()));
  for (const value of override.add ?? []) {
    if (typeof value === 'string' && !out.some(v => v.toLowerCase() === value.toLowerCase())) out.push(value);
  }
  return out;
}

/** Every list option, resolved from the defaults and the user's overrides: what the rule table hands the functions. */
export function resolveLists(options: Partial<Record<ListOption, ListOverride>>): Lists {
  const out = {} as Lists;
  for (const name of Object.keys(DEFAULT_LISTS) as ListOption[]) out[name] = applyOverride(DEFAULT_LISTS[name], options[name]);
  return out;
}

/** The role vocabulary (docs/roles.md), as every rule that reads operation roles receives it. */
export function roleLists(lists: Lists): Pick<Lists, (typeof ROLE_LIST_NAMES)[number]> {
  const out = {} as Pick<Lists, (typeof ROLE_LIST_NAMES)[number]>;
  for (const name of ROLE_LIST_NAMES) out[name] = lists[name];
  return out;
}

/** Options of `createRuleset` that are not word lists. */
export const SCALAR_OPTIONS = ['documentationBaseUrl'] as const;

/** The known name closest to a misspelt one, when it is close enough to be a likely typo. */
function closest(name: string, known: readonly string[]): string | undefined {
  const target = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(target.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(target, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once every path exceeds it: names are short, the loop is bounded. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit || a.length > 200 || b.length > 200) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length], limit);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

/**
 * Rejects what `createRuleset` cannot mean, naming the key: an unknown option (with the likely
 * intended one), a list option that is not `{ add, remove }`, an `add` or `remove` that is not a
 * list of strings. A typo would otherwise silently keep the default.
 */
export function validateOptions(options: unknown): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`createRuleset: options must be an object, got ${describeValue(options)}.`);
  }
  const lists = Object.keys(DEFAULT_LISTS);
  const known = [...lists, ...SCALAR_OPTIONS];
  for (const [key, value] of Object.entries(options)) {
    if (!known.includes(key)) {
      const hint = closest(key, known);
      throw new TypeError(`createRuleset: unknown option "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}. Options: ${known.join(', ')}.`);
    }
    if (value === undefined) continue;
    if (key === 'documentationBaseUrl') {
      if (typeof value !== 'string' || !/^https?:\/\/\S+$/.test(value)) throw new TypeError(`createRuleset: "documentationBaseUrl" must be an http(s) URL, got ${describeValue(value)}.`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new TypeError(`createRuleset: "${key}" must be { add?: string[], remove?: string[] }, got ${describeValue(value)}.`);
    }
    for (const [part, words] of Object.entries(value)) {
      if (part !== 'add' && part !== 'remove') throw new TypeError(`createRuleset: "${key}.${part}" is not an option; "${key}" takes { add?: string[], remove?: string[] }.`);
      if (words === undefined) continue;
      if (!Array.isArray(words) || words.some(word => typeof word !== 'string')) {
        throw new TypeError(`createRuleset: "${key}.${part}" must be a list of strings, got ${describeValue(words)}.`);
      }
    }
  }
}
