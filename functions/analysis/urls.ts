// URL pieces the transport rules judge. Nothing here throws, and every regular expression is
// anchored with bounded, non-overlapping quantifiers (linear in the input).

/** Loopback hosts are where developers run services locally; TLS there protects nothing. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '[::1]' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * The scheme (lower case) and host of an absolute URL; undefined for relative URLs and non-strings.
 * The host is what follows the last `@` of the authority (`http://localhost@evil.com` is evil.com),
 * and the authority ends at `/`, `?`, `#` or `\` (browsers read `\` as `/` in http(s) URLs, so
 * `http://evil.com\@localhost` goes to evil.com).
 */
export function urlSchemeAndHost(value: unknown): { scheme: string; host: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^([A-Za-z][A-Za-z0-9+.-]{0,30}):\/\/([^/?#\\]{0,2048})/.exec(value.trim());
  if (!match) return undefined;
  const authority = match[2].slice(match[2].lastIndexOf('@') + 1);
  const host = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.split(':')[0];
  return { scheme: match[1].toLowerCase(), host };
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
