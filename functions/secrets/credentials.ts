// User name and password pairs: in the userinfo of a URL (`postgres://app:<password>@db…`) and
// in HTTP Basic credentials (`Authorization: Basic <base64 of user:password>`).

import type { Detection } from './detection.js';
import { isPlaceholder } from './placeholder.js';
import { decodeBase64 } from '../analysis/index.js';

/**
 * `scheme://user:password@host`. The scheme may only start where a word starts (the lookbehind),
 * and every part is a bounded character class ending at a delimiter it cannot contain, so the
 * scan is linear.
 */
const USERINFO = /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/([^\s:@/?#]{0,256}):([^\s@/?#]{1,256})@(\[[0-9A-Fa-f:.]{2,64}\]|[A-Za-z0-9_.-]{1,253})/g;

const BASIC = /(?<![A-Za-z0-9])Basic[ \t]{1,4}([A-Za-z0-9+/]{8,1024}={0,2})(?![A-Za-z0-9+/=])/g;

/**
 * Hosts whose credentials cannot be anybody's production secret: the names reserved for
 * documentation and testing (RFC 2606, RFC 6761: `example.com`, `*.example`, `*.test`,
 * `*.invalid`) and the loopback interface, where descriptions show local development defaults.
 */
export function isReservedHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (/^(?:example\.(?:com|net|org)|localhost)$/.test(name)) return true;
  if (/\.(?:example|test|invalid|localhost)$/.test(name) || /\.example\.(?:com|net|org)$/.test(name)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) || name === '[::1]';
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** A password that is neither a placeholder nor the user name again (`admin:admin`, `guest:guest`). */
function isRealPassword(user: string, password: string, placeholders: readonly string[]): boolean {
  return !isPlaceholder(password, placeholders) && password.toLowerCase() !== user.toLowerCase() && !/[<>{}]/.test(user);
}

export function scanCredentials(text: string, placeholders: readonly string[]): Detection[] {
  const out: Detection[] = [];
  if (text.includes('://') && text.includes('@')) {
    USERINFO.lastIndex = 0;
    for (let match = USERINFO.exec(text); match; match = USERINFO.exec(text)) {
      const [, user, password, host] = match;
      if (isReservedHost(host) || !isRealPassword(decode(user), decode(password), placeholders)) continue;
      out.push({ kind: 'a password in the userinfo of a URL', secret: password, class: 'leaked' });
    }
  }
  if (text.includes('Basic')) {
    BASIC.lastIndex = 0;
    for (let match = BASIC.exec(text); match; match = BASIC.exec(text)) {
      const decoded = decodeBase64(match[1]);
      if (decoded === undefined || !/^[\x20-\x7e]+$/.test(decoded)) continue;
      const colon = decoded.indexOf(':');
      if (colon < 1 || colon === decoded.length - 1) continue;
      if (!isRealPassword(decoded.slice(0, colon), decoded.slice(colon + 1), placeholders)) continue;
      out.push({ kind: 'HTTP Basic credentials (a user name and password, base64-encoded)', secret: match[1], class: 'leaked' });
    }
  }
  return out;
}
