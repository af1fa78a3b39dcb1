// Globs for the command line (`specs/**/*.yaml`): `*` (any characters but `/`), `**` (any number of
// folders), `?` (one character but `/`). No regular expression is built from user input: segments are
// matched by the two-pointer wildcard algorithm (O(n·m) at worst, no backtracking blow-up), and `**`
// by a memoized walk over segments.

/** Whether a command-line argument is a glob rather than a path. */
export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** One path segment against one pattern segment with `*` and `?`. */
export function matchSegment(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

const segmentsOf = (path: string) => path.split(/[\\/]+/).filter(segment => segment !== '' && segment !== '.');

/** A relative path (`/` or `\` separators) against a pattern; `**` matches zero or more whole segments. */
export function matchGlob(pattern: string, path: string): boolean {
  const want = segmentsOf(pattern);
  const have = segmentsOf(path);
  const memo = new Map<number, boolean>();
  const match = (i: number, j: number): boolean => {
    const key = i * (have.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === want.length) result = j === have.length;
    else if (want[i] === '**') result = match(i + 1, j) || (j < have.length && match(i, j + 1));
    else result = j < have.length && matchSegment(want[i], have[j]) && match(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return match(0, 0);
}

/** The folder a glob's matches are under: its segments before the first one with a wildcard. */
export function globBase(pattern: string): { base: string; rest: string } {
  const absolute = /^[\\/]/.test(pattern) ? '/' : '';
  const drive = /^[A-Za-z]:[\\/]/.test(pattern) ? pattern.slice(0, 3) : '';
  const parts = pattern.slice(drive.length).split(/[\\/]+/).filter(part => part !== '');
  const firstGlob = parts.findIndex(isGlob);
  const baseParts = firstGlob === -1 ? parts : parts.slice(0, firstGlob);
  const restParts = firstGlob === -1 ? [] : parts.slice(firstGlob);
  const base = drive + absolute + baseParts.join('/');
  return { base: base === '' ? '.' : base, rest: restParts.join('/') };
}
