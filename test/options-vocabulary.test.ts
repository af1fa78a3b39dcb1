// One name per list option, from createRuleset down to the function and its documentation page.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRuleset, DEFAULT_LISTS, rules, type ApiSecurityOptions, type ApiSecurityRuleset, type RuleId, type RuleRow } from '../index.js';

type ListName = keyof typeof DEFAULT_LISTS;
const LIST_NAMES = Object.keys(DEFAULT_LISTS) as ListName[];
/** The read and write method lists feed one function, which takes either as `methods`. */
const FED_AS: Partial<Record<ListName, string>> = { readMethods: 'methods', writeMethods: 'methods' };

function functionOptions(ruleset: ApiSecurityRuleset): Array<[string, Record<string, unknown>]> {
  return Object.entries(ruleset.rules as Record<RuleId, RuleRow>).map(([id, row]) => [id, row.then.functionOptions ?? {}]);
}

describe('list options', () => {
  it.each(LIST_NAMES)('%s reaches the functions under its own name, with its own default', name => {
    const key = FED_AS[name] ?? name;
    const marker = `zz-${name}-added`;
    const built = createRuleset({ [name]: { add: [marker] } } as ApiSecurityOptions);
    const fed = functionOptions(built).filter(([, options]) => Array.isArray(options[key]) && (options[key] as string[]).includes(marker));
    expect(fed.length, `no rule receives ${name}`).toBeGreaterThan(0);
    // The same rules get exactly the default list when nothing is added.
    for (const [id] of fed) expect(rules[id as RuleId].then.functionOptions?.[key]).toEqual([...DEFAULT_LISTS[name]]);
  });

  it('every list a rule receives is one of the options (no default lives in the rule table)', () => {
    const known = new Set<string>([...LIST_NAMES, 'methods']);
    for (const [id, options] of functionOptions(createRuleset())) {
      for (const [key, value] of Object.entries(options)) {
        if (!Array.isArray(value) || ['states', 'kinds', 'statuses'].includes(key)) continue;
        expect(known.has(key), `${id}: functionOptions.${key} is a list that no createRuleset option sets`).toBe(true);
      }
    }
  });
});

describe('rule pages', () => {
  // A row `| \`x\` | \`y: { add, remove }\` | …` documents function option x as set by createRuleset option y.
  const pages = readdirSync(new URL('../docs/rules/', import.meta.url)).filter(f => f.endsWith('.md'));
  const rows = pages.flatMap(page => {
    const text = readFileSync(new URL(`../docs/rules/${page}`, import.meta.url), 'utf8');
    return [...text.matchAll(/^\| `(\w+)` \| `(\w+): \{ add, remove \}`/gm)].map(m => ({ page, fn: m[1], option: m[2] }));
  });

  it('name the function option as the createRuleset option', () => {
    expect(rows.length).toBeGreaterThan(15);
    for (const { page, fn, option } of rows) {
      expect(LIST_NAMES, `${page}: ${option} is not a createRuleset option`).toContain(option);
      expect(fn, `${page}: function option for ${option}`).toBe(FED_AS[option as ListName] ?? option);
    }
  });
});
