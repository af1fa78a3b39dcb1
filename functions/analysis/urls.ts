// URL pieces the transport rules judge. Nothing here throws, and every regular expression is
// anchored with bounded, non-overlapping quantifiers (linear in the input).

const IPV4_LOOPBACK = /^127(\.\d{1,3}){3}$/;

/**
 * The eight 16-bit groups of an IPv6 address written between brackets (`::` expanded, an IPv4
 * tail as two groups); undefined when it is not one.
 */
function ipv6Groups(bracketed: string): number[] | undefined {
  if (!bracketed.startsWith('[') || !bracketed.endsWith(']') || bracketed.length > 64) return undefined;
  let text = bracketed.slice(1, -1);
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.slice(lastColon + 1).includes('.')) {
    // An IPv4 tail (`::ffff:127.0.0.1`) is the last two groups.
    const octets = text.slice(lastColon + 1).split('.').map(o => (/^\d{1,3}$/.test(o) ? Number(o) : NaN));
    if (octets.length !== 4 || octets.some(o => !(o <= 255))) return undefined;
    tail.push((octets[0] << 8) | octets[1], (octets[2] << 8) | octets[3]);
    text = text.slice(0, lastColon);
    if (text.endsWith(':')) text += ':';
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map(g => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const written = head.length + rest.length + tail.length;
  if ([...head, ...rest].some(Number.isNaN) || written > 8 || (halves.length === 1 && written !== 8)) return undefined;
  return [...head, ...new Array<number>(8 - written).fill(0), ...rest, ...tail];
}

/** Loopback hosts are where developers run services locally; TLS there protects nothing. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost') || IPV4_LOOPBACK.test(h)) return true;
  const groups = ipv6Groups(h);
  if (!groups) return false;
  // ::1, however it is written, and IPv4-mapped loopback (::ffff:127.0.0.1).
  if (groups.slice(0, 7).every(g => g === 0) && groups[7] === 1) return true;
  return groups.slice(0, 5).every(g => g === 0) && groups[5] === 0xffff && groups[6] >> 8 === 127;
}

const AUTHORITY_END = new Set(['/', '?', '#', '\\']);

/** Schemes whose URLs browsers (WHATWG) parse with an authority after any run of `/` and `\`. */
const SPECIAL_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp']);

/**
 * The scheme (lower case) and host of an absolute URL; undefined for relative URLs and non-strings.
 * The host is what follows the last `@` of the authority (`http://localhost@evil.com` is evil.com),
 * and the authority ends at `/`, `?`, `#` or `\` (browsers read `\` as `/` in http(s) URLs, so
 * `http://evil.com\@localhost` goes to evil.com, and `http:\\evil.com` or `http:/evil.com` are
 * http://evil.com/). The authority is read whole, however long, so a long userinfo cannot hide its `@`.
 */
export function urlSchemeAndHost(value: unknown): { scheme: string; host: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const match = /^([A-Za-z][A-Za-z0-9+.-]{0,30}):/.exec(text);
  if (!match) return undefined;
  const scheme = match[1].toLowerCase();
  let start = match[0].length;
  if (SPECIAL_SCHEMES.has(scheme)) {
    while (start < text.length && (text[start] === '/' || text[start] === '\\')) start++;
    if (start === match[0].length) return undefined;
  } else if (text.startsWith('//', start)) start += 2;
  else return undefined;
  let end = start;
  while (end < text.length && !AUTHORITY_END.has(text[end])) end++;
  const rawAuthority = text.slice(start, end);
  const authority = rawAuthority.slice(rawAuthority.lastIndexOf('@') + 1);
  const host = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.split(':')[0];
  return { scheme, host };
}

/**
 * A URL shortened for a message: no userinfo, query string or fragment (they may hold a password,
 * an API key or a token: `?api_key=…` becomes `?…`), at most `max` characters.
 */
export function displayUrl(value: string, max = 100): string {
  let shown = value.trim();
  const start = shown.indexOf('://');
  if (start >= 0 && start <= 31) {
    const rest = shown.slice(start + 3);
    const end = rest.search(/[/?#\\]/);
    const authority = end < 0 ? rest : rest.slice(0, end);
    const at = authority.lastIndexOf('@');
    if (at >= 0) shown = `${shown.slice(0, start + 3)}${rest.slice(at + 1)}`;
  }
  // The first `?` or `#` outside `{…}` (runtime expressions such as `{$request.body#/url}` keep theirs).
  let depth = 0;
  for (let i = 0; i < shown.length; i++) {
    const char = shown[i];
    if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if ((char === '?' || char === '#') && depth === 0) {
      if (i + 1 < shown.length) shown = `${shown.slice(0, i + 1)}…`;
      break;
    }
  }
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}

export type HostCheck = (host: string) => boolean;

function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^\[([^\]]*)\]$/, '$1');
}

/**
 * The unspecified addresses are a local server's bind address (`http://0.0.0.0:8000` from a dev
 * server); a client connecting to them reaches its own machine, so nothing crosses a network.
 */
const UNSPECIFIED = new Set(['0.0.0.0', '::']);

/** Whether plain transport to a host is acceptable: loopback, unspecified, or a host the team listed. */
export function allowedHostCheck(allowedHosts: string[]): HostCheck {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const entry of allowedHosts) {
    if (typeof entry !== 'string') continue;
    const host = normaliseHost(urlSchemeAndHost(`x://${entry.trim()}`)?.host ?? '');
    if (host.startsWith('*.') && host.length > 2) suffixes.push(host.slice(1));
    else if (host.length > 0) exact.add(host);
  }
  return host => {
    if (isLoopbackHost(host)) return true;
    const h = normaliseHost(host);
    return UNSPECIFIED.has(h) || exact.has(h) || suffixes.some(suffix => h.length > suffix.length && h.endsWith(suffix));
  };
}
