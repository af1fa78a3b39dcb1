// When a credential-shaped value is a placeholder rather than a credential. Every test here is
// a linear scan or a regular expression without nested or overlapping quantifiers, on a value
// already capped in length by the caller.


/** Whole values (letters and digits only, lower case, trailing digits ignored) that are stand-ins, not passwords. */
const PLACEHOLDER_WORDS = new Set([
  'string', 'value', 'text', 'foo', 'bar', 'baz', 'qux', 'foobar', 'pass', 'pwd', 'pw', 'key', 'user', 'username', 'login',
  'admin', 'root', 'guest', 'none', 'null', 'nil', 'undefined', 'empty', 'abc', 'xyz', 'hunter', 'letmein', 'welcome',
]);

/** Masking and elision: `xxxx`, `****`, `...`, `…`, `•••`, `###`. */
const MASK = /x{4}|\*{3}|\.{3}|…|•{2}|#{3}/i;
/** Template syntax: `<token>`, `{token}`, `${TOKEN}`, `{{token}}`. */
const TEMPLATE = /[<>{}]/;
/** Environment-variable references standing for the whole value: `$TOKEN`, `%TOKEN%`, `process.env.TOKEN`. */
const VARIABLE = /^(?:\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|process\.env\.[A-Za-z_][A-Za-z0-9_]*)$/;

/** Shannon entropy of the value's characters, in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  const length = [...counts.values()].reduce((sum, n) => sum + n, 0);
  for (const count of counts.values()) {
    const p = count / length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** Five characters or more stepping by one code point (`12345`, `abcde`, `98765`), or one character five times (`00000`). */
export function hasObviousRun(value: string): boolean {
  let up = 1;
  let down = 1;
  let same = 1;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    same = step === 0 ? same + 1 : 1;
    if (up >= 5 || down >= 5 || same >= 5) return true;
  }
  return false;
}

/** The whole value repeats a unit of at most 8 characters (`abcabcabc`, `1a2b1a2b`). */
export function isRepetition(value: string): boolean {
  for (let period = 1; period <= 8 && period * 2 <= value.length; period++) {
    let repeats = true;
    for (let i = period; i < value.length && repeats; i++) repeats = value[i] === value[i - period];
    if (repeats) return true;
  }
  return false;
}

/**
 * True when `candidate` — the part of a credential meant to be random — is a placeholder:
 * template syntax (`<token>`, `{token}`, `${TOKEN}`), a variable reference, masking (`xxxx`,
 * `****`, `...`), one of the `placeholders` substrings, a stand-in word (`string`, `foo`,
 * `admin`), repeated characters (`aaaaa`, too few distinct characters), a sequential run
 * (`12345`, `abcde`) or a short unit repeated (`abcabcabc`).
 */
export function isPlaceholder(candidate: string, placeholders: readonly string[]): boolean {
  const value = candidate.trim();
  if (value.length === 0) return true;
  if (TEMPLATE.test(value) || VARIABLE.test(value) || MASK.test(value)) return true;
  const lower = value.toLowerCase();
  // Long random values (RSA signatures) contain short words by chance; placeholders are short.
  if (value.length <= 128) for (const word of placeholders) {
    if (typeof word === 'string' && word.length > 0 && lower.includes(word.toLowerCase())) return true;
  }
  const bare = lower.replace(/[^a-z0-9]/g, '').replace(/(?<![0-9])[0-9]+$/, ''); // lookbehind keeps the trailing-run match linear
  if (bare.length === 0 || PLACEHOLDER_WORDS.has(bare)) return true;
  if (hasObviousRun(value) || isRepetition(value)) return true;
  const distinct = new Set(value).size;
  if (distinct <= 2 || (value.length >= 12 && (distinct <= 4 || shannonEntropy(value) < 2))) return true;
  return false;
}
