import type { TextValue } from '../analysis/index.js';
import { scanCredentials } from './credentials.js';
import type { Detection } from './detection.js';
import { scanSecretValue } from './entropy.js';
import { scanTokens } from './tokens.js';

export interface ScanOptions {
  /** Whether a key names a secret (see `secretNameMatcher`). */
  isSecretName: (key: string | undefined) => boolean;
  placeholders: readonly string[];
}

/**
 * The secrets in one collected value: provider tokens, private keys, JWTs and user:password
 * pairs anywhere in it; for values (not free text or URLs) under a secret-named key, a long
 * high-entropy value too. The whole value is scanned: every detector is linear in its length.
 */
export function scanValue(value: TextValue, options: ScanOptions): Detection[] {
  const text = value.value;
  const tokens = scanTokens(text, options.placeholders);
  const found = [...tokens.found, ...scanCredentials(text, options.placeholders)];
  if (found.length === 0 && !tokens.recognised && value.kind !== 'description' && value.kind !== 'url' && options.isSecretName(value.key)) {
    const secret = scanSecretValue(text, options.placeholders);
    if (secret) {
      const key = value.key!.length > 64 ? `${value.key!.slice(0, 64)}…` : value.key;
      found.push({ ...secret, kind: `a high-entropy value of "${key}"` });
    }
  }
  return found;
}
