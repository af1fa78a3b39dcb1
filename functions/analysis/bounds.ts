// Whether a schema keyword bounds a value: the judgement the resource-consumption rules share.

import { deref, isObject, type JsonObject, type Located } from './json.js';

/** A keyword's value that really bounds: a finite number for `max*`, an `enum` list, any `const`, a number or text for `x-` extensions. */
function bounds(key: string, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (key === 'enum') return Array.isArray(value);
  if (key === 'const') return true;
  if (key.startsWith('x-')) return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim().length > 0);
  return typeof value === 'number' && Number.isFinite(value);
}

export function hasAny(members: ReadonlyArray<Located<JsonObject>>, keys: readonly string[]): boolean {
  return members.some(member => keys.some(key => bounds(key, member.node[key])));
}

/**
 * Numbers with an upper bound: a `maximum`, an `exclusiveMaximum` (3.1 number form), an `enum`, a
 * `const`, or a small `format` (`int8`, `int16`, `uint8`, `uint16`) whose range already caps the
 * value at 32,767 or 65,535. `int32` and wider cap at billions, which bounds no work.
 */
export function hasUpperBound(members: ReadonlyArray<Located<JsonObject>>): boolean {
  return hasAny(members, ['maximum', 'exclusiveMaximum', 'enum', 'const']) || members.some(({ node }) => typeof node.format === 'string' && /^u?int(8|16)$/i.test(node.format));
}

/**
 * Numbers with a lower bound: a `minimum`, an `exclusiveMinimum` (3.1 number form; in 2.0 and 3.0
 * it only modifies `minimum`), an `enum`, a `const`, or an unsigned `format` (`uint32`, `uint64`).
 */
export function hasLowerBound(members: ReadonlyArray<Located<JsonObject>>): boolean {
  return hasAny(members, ['minimum', 'exclusiveMinimum', 'enum', 'const']) || members.some(({ node }) => typeof node.format === 'string' && /^uint(8|16|32|64)?$/i.test(node.format));
}

/** A `{n}`, `{n,m}` or `{n,}` quantifier at a given position (sticky: no scanning ahead). */
const QUANTIFIER = /\{\d+(,(\d*))?\}/y;

/**
 * Whether a `pattern` bounds the length of a string: anchored at both ends, with no unbounded
 * quantifier (`*`, `+`, `{n,}`) outside a character class and no top-level alternation.
 * Quantifiers inside a lookahead or lookbehind (`(?=.*\d)`) consume nothing, so they do not
 * count: `^(?=.*\d).{8,64}$` is bounded. A single left-to-right scan, so a crafted pattern
 * costs linear time.
 */
export function patternBoundsLength(pattern: unknown): boolean {
  if (typeof pattern !== 'string' || pattern.length < 2 || pattern.length > 4096) return false;
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) return false;
  // `\$` is a literal dollar, `\\$` an escaped backslash before the anchor.
  let backslashes = 0;
  for (let j = pattern.length - 2; j > 0 && pattern[j] === '\\'; j--) backslashes++;
  if (backslashes % 2 === 1) return false;
  let inClass = false;
  // One entry per open group: true for lookarounds, which match without consuming.
  const groups: boolean[] = [];
  let lookarounds = 0;
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
    else if (c === '*' || c === '+') {
      if (lookarounds === 0) return false;
    } else if (c === '{') {
      // `{n}`, `{n,m}` or `{n,}`; any other brace is a literal character, not a quantifier.
      QUANTIFIER.lastIndex = i;
      const quantifier = QUANTIFIER.exec(pattern);
      if (!quantifier) continue;
      if (quantifier[2] === '' && lookarounds === 0) return false;
      i += quantifier[0].length - 1;
    } else if (c === '(') {
      const lookaround = /^\(\?(=|!|<=|<!)/.test(pattern.slice(i, i + 4));
      groups.push(lookaround);
      if (lookaround) lookarounds++;
    } else if (c === ')') {
      if (groups.pop()) lookarounds--;
    }
    // `^a|b$` is `(^a)|(b$)`: a top-level alternative drops one of the anchors.
    else if (c === '|' && groups.length === 0) return false;
  }
  return true;
}

/** Alternatives of one `oneOf`/`anyOf` list read at most: a bound for hostile documents. */
const MAX_ALTERNATIVES = 1000;

/**
 * Whether a `oneOf`/`anyOf` of the members lists its values one by one (every alternative a
 * `const` or an `enum`, as Discord writes its enums): the value is one of them, so it is bounded
 * like an `enum`.
 */
export function alternativesEnumerate(root: unknown, members: ReadonlyArray<Located<JsonObject>>): boolean {
  return members.some(member =>
    ['oneOf', 'anyOf'].some(key => {
      const list = member.node[key];
      if (!Array.isArray(list) || list.length === 0 || list.length > MAX_ALTERNATIVES) return false;
      return list.every((alternative, index) => {
        const { node } = deref(root, alternative, [...member.path, key, index]);
        return isObject(node) && (Object.prototype.hasOwnProperty.call(node, 'const') || Array.isArray(node.enum));
      });
    }),
  );
}
