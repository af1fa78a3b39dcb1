import type { JsonObject, Located } from './analysis/index.js';

/** The value of a keyword on the first member (the schema or one of its `allOf` members) that has it. */
export function firstWith(members: ReadonlyArray<Located<JsonObject>>, key: string): Located<JsonObject> | undefined {
  return members.find(member => Object.prototype.hasOwnProperty.call(member.node, key));
}

/** The JSON types the members allow (`type` may be a string or, in 3.1, an array). */
export function typesOf(members: ReadonlyArray<Located<JsonObject>>): Set<string> {
  const types = new Set<string>();
  for (const member of members) {
    const type = member.node.type;
    if (typeof type === 'string') types.add(type);
    else if (Array.isArray(type)) for (const t of type) if (typeof t === 'string') types.add(t);
  }
  return types;
}

/** Where a finding about the value's type belongs: the member that declares the type, else the schema itself. */
export function typeOwner(members: ReadonlyArray<Located<JsonObject>>): Located<JsonObject> {
  return firstWith(members, 'type') ?? members[0];
}

export function hasAny(members: ReadonlyArray<Located<JsonObject>>, keys: readonly string[]): boolean {
  return members.some(member => keys.some(key => member.node[key] !== undefined && member.node[key] !== null));
}

/**
 * Whether a `pattern` bounds the length of a string: anchored at both ends, with no unbounded
 * quantifier (`*`, `+`, `{n,}`) outside a character class and no top-level alternation. A single left-to-right scan, so a
 * crafted pattern costs linear time.
 */
export function patternBoundsLength(pattern: unknown): boolean {
  if (typeof pattern !== 'string' || pattern.length < 2 || pattern.length > 4096) return false;
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return false;
  let inClass = false;
  let depth = 0;
  for (let i = 1; i < pattern.length - 1; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '*' || c === '+') return false;
    else if (c === '{') {
      const close = pattern.indexOf('}', i);
      if (close < 0) continue;
      const body = pattern.slice(i + 1, close);
      if (/^\d+,$/.test(body)) return false;
      i = close;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    // `^a|b$` is `(^a)|(b$)`: a top-level alternative drops one of the anchors.
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}
