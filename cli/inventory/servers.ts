// Where an API's paths start on its servers: Swagger 2.0's `basePath`, OpenAPI 3's server URLs
// (at the root, on a path item or on an operation, the nearer overriding the farther) with their
// variables replaced by each enumerated value or the default.
import { pathSegments } from './request-path.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** More base paths than this from one server's variables are not expanded further. */
const MAX_EXPANSIONS = 32;

/** Every URL a server's variables can spell: each enum value (or the default when there is none). */
function expand(url: string, variables: unknown): string[] {
  let urls = [url];
  if (!isObject(variables)) return urls;
  for (const [name, variable] of Object.entries(variables)) {
    if (!isObject(variable)) continue;
    const values = new Set<string>();
    if (typeof variable.default === 'string' || typeof variable.default === 'number') values.add(String(variable.default));
    if (Array.isArray(variable.enum)) for (const value of variable.enum) if (typeof value === 'string' || typeof value === 'number') values.add(String(value));
    if (values.size === 0) continue;
    const token = `{${name}}`;
    const next: string[] = [];
    for (const candidate of urls) {
      if (!candidate.includes(token)) {
        next.push(candidate);
        continue;
      }
      for (const value of values) if (next.length < MAX_EXPANSIONS) next.push(candidate.split(token).join(value));
    }
    urls = next;
  }
  return urls;
}

/** The path of a server URL: absolute (`https://host/v1`), host-relative (`/v1`) or relative (`v1`, `.`). */
export function serverPath(url: string): string {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]{0,15}:\/\/|^\/\//.exec(url);
  let path = url;
  if (scheme !== null) {
    const slash = url.indexOf('/', scheme[0].length);
    path = slash === -1 ? '/' : url.slice(slash);
  }
  const cut = path.search(/[?#]/);
  if (cut !== -1) path = path.slice(0, cut);
  if (path.startsWith('./')) path = path.slice(1);
  if (path === '.' || path === '') path = '/';
  return path.startsWith('/') ? path : '/' + path;
}

/** Base paths (as segment lists) of a `servers` array; undefined when it names none. */
export function serversBases(servers: unknown): string[][] | undefined {
  if (!Array.isArray(servers)) return undefined;
  const bases: string[][] = [];
  const seen = new Set<string>();
  for (const server of servers) {
    if (!isObject(server) || typeof server.url !== 'string') continue;
    for (const url of expand(server.url, server.variables)) {
      // A variable left without a value cannot be matched literally: whatever it holds is one segment or more.
      const segments = pathSegments(serverPath(url));
      if (segments.some(segment => segment.includes('{'))) continue;
      const key = segments.join('/');
      if (!seen.has(key)) {
        seen.add(key);
        bases.push(segments);
      }
    }
  }
  return bases.length > 0 ? bases : undefined;
}

/** The base paths of the description's root: `basePath` in 2.0, `servers` in 3.x, `/` otherwise. */
export function rootBases(document: Json): string[][] {
  if (typeof document.swagger === 'string' || document.swagger !== undefined) {
    return [typeof document.basePath === 'string' ? pathSegments(serverPath(document.basePath)) : []];
  }
  return serversBases(document.servers) ?? [[]];
}
