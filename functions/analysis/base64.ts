const ALPHABETS = {
  /** RFC 4648 §4: HTTP Basic credentials, PEM bodies. */
  standard: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  /** RFC 4648 §5: JWT segments. */
  url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
};

/**
 * Decodes base64 text (trailing `=` padding optional) into a string of byte values (Latin-1);
 * undefined when a character is outside the alphabet. Linear, and never throws.
 */
export function decodeBase64(text: string, alphabet: keyof typeof ALPHABETS = 'standard'): string | undefined {
  const table = ALPHABETS[alphabet];
  let bits = 0;
  let buffer = 0;
  let out = '';
  // The lookbehind starts the match at the first `=` of the run: linear on hostile input.
  for (const char of text.replace(/(?<!=)=+$/, '')) {
    const digit = table.indexOf(char);
    if (digit < 0) return undefined;
    buffer = ((buffer << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}
