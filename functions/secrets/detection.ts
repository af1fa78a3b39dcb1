/** What the secret scanners report about one string. */

/**
 * `leaked`: a credential recognised by its format (provider prefix, checksum, PEM armour, JWT
 * structure, user:password); `high-entropy`: a value that looks machine-generated under a
 * secret-named key; `test-key`: a provider's test-mode key.
 */
export type SecretClass = 'leaked' | 'high-entropy' | 'test-key';

export interface Detection {
  /** What was found, for the message: "a GitHub personal access token". */
  kind: string;
  /** The credential itself (only ever shown masked). */
  secret: string;
  class: SecretClass;
  /**
   * What makes two findings the same credential, when `secret` does not: a private key is
   * matched by its header, so its body tells one key from another. Defaults to `secret`.
   */
  identity?: string;
}

/**
 * At most the first four characters of a secret, followed by an ellipsis; fewer for short
 * secrets (a quarter of the length), so a message never gives away more than a prefix.
 */
export function mask(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}…`;
}
