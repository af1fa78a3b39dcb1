// Secrets with no recognisable shape (passwords, client secrets, signing keys), found by the
// name they are given and by looking machine-generated.

import { words } from '../analysis/index.js';
import type { Detection } from './detection.js';
import { isPlaceholder, shannonEntropy } from './placeholder.js';


/** Words before a secret name that make the value something derived from the secret, not the secret. */
const DERIVED = new Set(['hash', 'hashed', 'digest', 'fingerprint', 'checksum', 'encrypted', 'masked', 'obfuscated', 'redacted', 'public', 'sha', 'sha1', 'sha256', 'md5']);

/**
 * Whether a key names a secret: its words end with the words of one of `names` (`apiKey`,
 * `api_key` and `APIKEY` compare alike), and no word before that says the value is derived
 * from the secret (`hashed_secret`, `public_api_key`, `masked_password`).
 */
export function secretNameMatcher(names: readonly string[]): (key: string | undefined) => boolean {
  const compacted = new Set(names.filter(n => typeof n === 'string').map(n => words(n).join('')).filter(n => n.length > 0));
  const memo = new Map<string, boolean>(); // keys repeat: `password` is in every user example
  const judge = (key: string): boolean => {
    const keyWords = words(key);
    for (let start = keyWords.length - 1; start >= 0; start--) {
      if (DERIVED.has(keyWords[start])) return false;
      if (compacted.has(keyWords.slice(start).join(''))) return !keyWords.slice(0, start).some(word => DERIVED.has(word));
    }
    return false;
  };
  return key => {
    if (typeof key !== 'string' || key.length === 0) return false;
    let verdict = memo.get(key);
    if (verdict === undefined) memo.set(key, (verdict = judge(key)));
    return verdict;
  };
}

/**
 * Shortest value judged: 16 characters. Generated secrets (client secrets, API secrets, signing
 * keys) are 20 to 64 characters; shorter values under a password name are human-chosen sample
 * passwords (`secret123`), which no test can tell from a placeholder.
 */
export const MIN_SECRET_LENGTH = 16;
/** Hex values carry 4 bits a character and short ones are mostly ids and hash prefixes: 20 characters at least. */
export const MIN_HEX_SECRET_LENGTH = 20;
/**
 * Bits of Shannon entropy per character: at least 3, i.e. the equivalent of 8 equally likely
 * symbols. More than 99% of random base62 values of 16 characters and of random hex values of 20
 * characters reach it; repetitive filler (`aaaabbbbccccdddd`, `1a1a1a1a…`) does not.
 */
export const MIN_ENTROPY = 3;
const MAX_SECRET_LENGTH = 4096;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;

/** Values that are something else than a secret, whatever their name: identifiers, URLs, addresses, dates. */
function isOtherKindOfValue(value: string): boolean {
  return (
    UUID.test(value) ||
    /^[0-9]+$/.test(value) ||
    value.includes('://') ||
    /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(value) ||
    /^\d{4}-\d{2}-\d{2}/.test(value) ||
    value.startsWith('/') ||
    value.startsWith('#/') ||
    // Public by design: Stripe publishable keys; Twilio-style SIDs (AC…, SK…) identify, the secret is separate.
    /^pk_(?:live|test)_/.test(value) ||
    /^[A-Z]{2}[0-9a-f]{32}$/.test(value)
  );
}

/** Letters written as digits or symbols, as in human-chosen sample passwords (`Passw0rd`, `S3cr3t`). */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
function unleet(value: string): string {
  return value.replace(/[0134578@$]/g, char => LEET[char] ?? char);
}

/** A long, machine-generated-looking value under a secret-named key. */
export function scanSecretValue(value: string, placeholders: readonly string[]): Detection | undefined {
  // Some descriptions quote their example strings (`"1d4b…"`): the quotes are not part of the secret.
  const text = value.trim().replace(/^(["'])(.*)\1$/, '$2');
  if (text.length < MIN_SECRET_LENGTH || text.length > MAX_SECRET_LENGTH || /\s/.test(text) || isOtherKindOfValue(text)) return undefined;
  if ((HEX.test(text) && text.length < MIN_HEX_SECRET_LENGTH) || shannonEntropy(text) < MIN_ENTROPY) return undefined;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(re => re.test(text)).length;
  // Only here, where values are often typed by people, are spelled-out words looked for through leetspeak.
  if (classes < 2 || isPlaceholder(text, placeholders) || isPlaceholder(unleet(text), placeholders)) return undefined;
  return { kind: 'a high-entropy value under a secret name', secret: text, class: 'high-entropy' };
}
