// A request target as a router sees it: the path of an absolute URL (proxies and HAR log those),
// without query string or fragment, cut into segments, each percent-decoded on its own so an encoded
// `/` stays inside its segment. A trailing slash is tolerated (`/users/` is `/users`).

/** Longest segment list a request may have; deeper paths are no API's and are cut (still counted). */
const MAX_SEGMENTS = 64;

/** The path part of a request target, or undefined when it has none (`*`, `host:443`, empty). */
export function targetPath(target: string): string | undefined {
  let path = target;
  if (!path.startsWith('/')) {
    const scheme = /^[A-Za-z][A-Za-z0-9+.-]{0,15}:\/\//.exec(path);
    if (scheme === null) return undefined;
    const slash = path.indexOf('/', scheme[0].length);
    path = slash === -1 ? '/' : path.slice(slash);
  } else if (path.startsWith('//')) {
    // A network-path reference (`//host/path`), as some clients log an absolute URL without its scheme.
    const slash = path.indexOf('/', 2);
    path = slash === -1 ? '/' : path.slice(slash);
  }
  const query = path.indexOf('?');
  if (query !== -1) path = path.slice(0, query);
  const fragment = path.indexOf('#');
  if (fragment !== -1) path = path.slice(0, fragment);
  return path;
}

function decodeSegment(segment: string): string {
  if (segment.indexOf('%') === -1) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray `%` routers pass through as it is
  }
}

/** The decoded segments of a path (`/a/b%2Fc/` → ['a', 'b/c']). */
export function pathSegments(path: string): string[] {
  const raw = path.split('/', MAX_SEGMENTS + 2);
  raw.shift(); // before the leading slash
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  if (raw.length > MAX_SEGMENTS) raw.length = MAX_SEGMENTS;
  return raw.map(decodeSegment);
}

/** Segments back into a path, re-encoding a `/` (and `%`) inside a segment so the path reads back the same. */
export function joinSegments(segments: readonly string[]): string {
  return '/' + segments.map(segment => segment.replace(/%/g, '%25').replace(/\//g, '%2F')).join('/');
}

/** An HTTP method token, upper-cased; undefined for anything that is not one. */
export function methodToken(method: unknown): string | undefined {
  if (typeof method !== 'string' || method.length === 0 || method.length > 24) return undefined;
  return /^[A-Za-z]+$/.test(method) ? method.toUpperCase() : undefined;
}
