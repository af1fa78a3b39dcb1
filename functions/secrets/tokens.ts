// Credentials recognisable by their own shape: provider prefixes, checksums, PEM armour, JWT
// structure. Every pattern is a run of bounded character classes anchored by a lookbehind, so a
// match can only start at the beginning of a token and each pattern scans a value in linear time.

import type { Detection, SecretClass } from './detection.js';
import { isPlaceholder, shannonEntropy } from './placeholder.js';
import { decodeBase64 } from '../analysis/index.js';

interface TokenDetector {
  /** Cheap substring test before the regular expression runs. */
  triggers: readonly string[];
  pattern: RegExp;
  /** What a match is, or undefined when it is not a credential after all (checksum, structure, placeholder). */
  judge: (match: string, placeholders: readonly string[], after: string) => Verdict | undefined;
}

interface Verdict {
  kind: string;
  class: SecretClass;
  /** See `Detection.identity`. */
  identity?: string;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

let crcTable: Uint32Array | undefined;

export function crc32(text: string): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = crcTable[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) and npm (`npm_`) tokens end with a base62
 * CRC32 of their 30 random characters (github.blog, 2021-04-05 "Behind GitHub's new authentication
 * token formats"). A token whose checksum does not match was never issued: it is made up for
 * the documentation, like GitHub's own `ghu_16C7e42F292c6912E7710c838347Ae178B4a`.
 */
export function hasValidChecksum(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  if (body.length !== 36) return false;
  let value = 0;
  for (const char of body.slice(30)) {
    const digit = BASE62.indexOf(char);
    if (digit < 0) return false;
    value = value * 62 + digit;
  }
  return value === crc32(body.slice(0, 30));
}

function decodeJsonObject(segment: string): Record<string, unknown> | undefined {
  const text = decodeBase64(segment, 'url');
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A signed JWT: header and payload decode to JSON objects, the header names a signing
 * algorithm other than `none`, and the signature is there. The token jwt.io shows by default
 * (`sub: "1234567890"`, `name: "John Doe"`) is everybody's documentation example, not a credential.
 */
function judgeJwt(token: string, placeholders: readonly string[]): Verdict | undefined {
  const [header, payload, signature = ''] = token.split('.');
  const head = decodeJsonObject(header);
  if (!head || typeof head.alg !== 'string' || head.alg.toLowerCase() === 'none') return undefined;
  const claims = decodeJsonObject(payload);
  if (!claims) return undefined;
  if (signature.length < 16 || isPlaceholder(signature, placeholders)) return undefined;
  if (claims.sub === '1234567890' && claims.name === 'John Doe') return undefined;
  return { kind: 'a signed JSON Web Token', class: 'leaked' };
}

/**
 * A PEM private key with its body: at least 64 base64 characters before `-----END`, not elided
 * (`MIIE...` fails the character set) and not filler (DER encodes to about 6 bits of entropy per
 * character; `AAAA…` or a repeated line does not). The body may be written with real line breaks
 * or with `\n` escapes.
 */
function judgePem(header: string, _placeholders: readonly string[], after: string): Verdict | undefined {
  const end = after.indexOf('-----END');
  const body = (end < 0 ? after : after.slice(0, end))
    .replace(/\\[nr]/g, '\n')
    .split('\n')
    .filter(line => !line.includes(':')) // Proc-Type, DEK-Info headers of encrypted keys
    .join('')
    .replace(/[\s"]/g, '');
  const real = body.length >= 64 && /^[A-Za-z0-9+/=]+$/.test(body) && shannonEntropy(body) >= 4;
  // The body, without line breaks or indentation, tells keys apart: the same key pasted as a code sample and as an example is one.
  return real ? { kind: 'a private key', class: 'leaked', identity: `${header}${body}` } : undefined;
}

/** Fixed prefix, then the random part that must not be a placeholder. */
const random = (prefixLength: number, kind: string) =>
  (match: string, placeholders: readonly string[]): Verdict | undefined => (isPlaceholder(match.slice(prefixLength), placeholders) ? undefined : { kind, class: 'leaked' });

const DETECTORS: TokenDetector[] = [
  {
    triggers: ['AKIA', 'ASIA'],
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])/g,
    judge: random(4, 'an AWS access key id'),
  },
  {
    triggers: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g,
    judge: match => {
      if (!hasValidChecksum(match)) return undefined;
      const kind = { p: 'a GitHub personal access token', o: 'a GitHub OAuth access token', u: 'a GitHub App user access token', s: 'a GitHub App installation token', r: 'a GitHub refresh token' }[match[2]];
      return { kind: kind ?? 'a GitHub token', class: 'leaked' };
    },
  },
  {
    triggers: ['github_pat_'],
    pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])/g,
    judge: random(11, 'a GitHub fine-grained personal access token'),
  },
  {
    triggers: ['npm_'],
    pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g,
    judge: match => (hasValidChecksum(match) ? { kind: 'an npm access token', class: 'leaked' } : undefined),
  },
  {
    triggers: ['xoxa-', 'xoxb-', 'xoxp-', 'xoxr-', 'xoxs-'],
    pattern: /(?<![A-Za-z0-9-])xox[abprs]-[0-9]{1,16}-[A-Za-z0-9-]{8,250}(?![A-Za-z0-9-])/g,
    judge: (match, placeholders) => {
      // xoxb-<team>-<bot>-<secret>, xoxp-<team>-<user>-<x>-<secret>: the last part is the random one.
      const parts = match.split('-');
      const last = parts[parts.length - 1];
      if (parts.length < 3 || last.length < 8 || isPlaceholder(match.slice(5), placeholders) || isPlaceholder(last, placeholders)) return undefined;
      return { kind: 'a Slack token', class: 'leaked' };
    },
  },
  {
    triggers: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
    pattern: /(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[A-Za-z0-9]{16,247}(?![A-Za-z0-9_])/g,
    judge: (match, placeholders) => {
      if (isPlaceholder(match.slice(8), placeholders)) return undefined;
      const test = match.slice(3, 7) === 'test';
      const kind = `a Stripe ${test ? 'test-mode' : 'live'} ${match[0] === 's' ? 'secret' : 'restricted'} key`;
      return { kind, class: test ? 'test-key' : 'leaked' };
    },
  },
  {
    triggers: ['AIza'],
    pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
    judge: random(4, 'a Google API key'),
  },
  {
    triggers: ['SG.'],
    pattern: /(?<![A-Za-z0-9_.-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    judge: random(3, 'a SendGrid API key'),
  },
  {
    triggers: ['PRIVATE KEY'],
    pattern: /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY[A-Z ]{0,8}-----/g,
    judge: judgePem,
  },
  {
    // Header and payload are base64url JSON objects: `{"` encodes as `ey`, `{` and a line break or tab as `ew`.
    // A sentence may end right after the token; a further `.segment` (a JWE, a domain name) may not.
    triggers: ['ey', 'ew'],
    pattern: /(?<![A-Za-z0-9_-])e[wy][A-Za-z0-9_-]{8,4094}\.e[wy][A-Za-z0-9_-]{8,16382}\.[A-Za-z0-9_-]{0,2048}(?![A-Za-z0-9_-]|\.[A-Za-z0-9_-])/g,
    judge: judgeJwt,
  },
];

export interface TokenScan {
  found: Detection[];
  /** A token shape matched, even if it was judged a placeholder or an invalid checksum: the value is not an unknown secret. */
  recognised: boolean;
}

/** Every provider token, private key and JWT in `text`. */
export function scanTokens(text: string, placeholders: readonly string[]): TokenScan {
  const found: Detection[] = [];
  let recognised = false;
  for (const detector of DETECTORS) {
    if (!detector.triggers.some(trigger => text.includes(trigger))) continue;
    detector.pattern.lastIndex = 0;
    for (let match = detector.pattern.exec(text); match; match = detector.pattern.exec(text)) {
      recognised = true;
      const token = match[0];
      const end = match.index + token.length;
      const verdict = detector.judge(token, placeholders, text.slice(end, end + 16384));
      if (verdict) found.push({ kind: verdict.kind, secret: token, class: verdict.class, ...(verdict.identity === undefined ? {} : { identity: verdict.identity }) });
    }
  }
  return { found, recognised };
}

/**
 * Every string in `text` of a credential's shape, whether or not a detector would call it a real
 * credential (bad checksum, placeholder words): what a message must never show in full. A private
 * key runs from its header to its `-----END` line (or the end of the text).
 */
export function credentialShapes(text: string): string[] {
  const out: string[] = [];
  for (const detector of DETECTORS) {
    if (!detector.triggers.some(trigger => text.includes(trigger))) continue;
    detector.pattern.lastIndex = 0;
    for (let match = detector.pattern.exec(text); match; match = detector.pattern.exec(text)) {
      if (detector.judge !== judgePem) {
        out.push(match[0]);
        continue;
      }
      const end = text.indexOf('-----END', match.index + match[0].length);
      out.push(text.slice(match.index, end < 0 ? text.length : end));
    }
  }
  return out;
}
