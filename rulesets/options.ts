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
