// Undocumented requests grouped into the path templates a team would document: segments that look
// like identifiers (numbers, UUIDs, long hex, ULIDs, random tokens, e-mail addresses, dates) become
// `{id}` parameters; words stay literal, so `/internal/users` and `/internal/accounts` remain two
// endpoints. Every test here is a character count or a linear-time regex, on a segment capped in length.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]{16,}$/i;
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i;
const VERSION = /^v\d+(?:\.\d+)*$/i;
/** Characters a random token is written with (base64url, with Stripe-like `prefix_` parts). */
const TOKEN = /^[A-Za-z0-9_.~-]+$/;

/** Longer segments are ids (or noise) whatever they hold: no API names a resource with 100 characters. */
const MAX_WORD = 100;

function isEmail(segment: string): boolean {
  const at = segment.indexOf('@');
  if (at <= 0 || at !== segment.lastIndexOf('@')) return false;
  const dot = segment.lastIndexOf('.');
  return dot > at + 1 && dot < segment.length - 2 && !/[\s/]/.test(segment);
}

/** Does this request path segment hold a value (an id, a key, an address) rather than a resource name? */
export function isIdentifier(segment: string): boolean {
  if (segment.length === 0) return false;
  if (segment.length > MAX_WORD) return true;
  if (VERSION.test(segment)) return false;
  let digits = 0;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    else if (code >= 65 && code <= 90) upper++;
    else if (code >= 97 && code <= 122) lower++;
  }
  if (digits === segment.length) return true; // 42, 2024
  if (digits === 0) {
    // No digit: a word (`users`, `me`, `getAllUsers`), unless it is an address.
    return isEmail(segment);
  }
  if (UUID.test(segment) || HEX.test(segment) || ULID.test(segment) || isEmail(segment)) return true;
  // Digits and separators with at most one letter (dates `2024-01-31`, phone numbers, `12345-a`);
  // `sha256` or `v2beta1` have words in them.
  if (digits * 2 >= segment.length && segment.length >= 4 && upper + lower <= 1) return true;
  // A random token: long enough, several digits among letters (`cus_9s6XKzkNRiz8i3`, `a1b2c3d4e5`).
  if (!TOKEN.test(segment) || segment.length < 10 || digits < 2) return false;
  return (upper > 0 && lower > 0) || digits * 4 >= segment.length;
}

/** The template of a request path's segments: identifiers become `{id}`, `{id2}`, …; words stay. */
export function inferTemplate(segments: readonly string[]): string[] {
  let count = 0;
  return segments.map(segment => (isIdentifier(segment) ? (++count === 1 ? '{id}' : `{id${count}}`) : segment));
}
