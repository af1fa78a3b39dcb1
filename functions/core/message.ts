// What a message may carry. Every finding's message passes `safeMessage` in the rule wrapper
// (functions/core/rule-function.ts), so a rule cannot print a credential or a megabyte of a hostile
// name however it builds its text; `quote` gives names and values their own, shorter cap first.

import { scanCredentials } from '../secrets/credentials.js';
import { mask } from '../secrets/detection.js';
import { credentialShapes } from '../secrets/tokens.js';
import { displayUrl } from '../analysis/urls.js';

/** The longest name (property, parameter, scheme, scope, variable, rule id) quoted in a message. */
export const MAX_QUOTED_NAME = 64;
/** The longest URL quoted in a message. */
export const MAX_QUOTED_URL = 100;
/** The longest path key (`/users/{id}`) in a message: real ones reach 125 characters. */
export const MAX_PATH_KEY = 200;
/** The longest run of characters without a space in a message: a name that escaped `quote`. */
export const MAX_WORD = 160;
/** The longest message. */
export const MAX_MESSAGE = 1_000;

/** Cuts text to `max` characters, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Every credential-shaped string in `text` (the shapes `secret-leaked` recognises, checksum or
 * placeholder words notwithstanding: a message is no place to decide) replaced by its mask.
 */
export function redactSecrets(text: string): string {
  const secrets = new Set<string>(credentialShapes(text));
  for (const detection of scanCredentials(text, [])) secrets.add(detection.secret);
  if (secrets.size === 0) return text;
  let out = text;
  // Longest first, so a secret inside another is not half-replaced.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length > 0) out = out.split(secret).join(mask(secret));
  }
  return out;
}

/** A name or value for a message: credentials masked, then cut to `max` characters. */
export function shown(value: unknown, max = MAX_QUOTED_NAME): string {
  return clip(redactSecrets(String(value)), max);
}

/** `shown`, in double quotes. */
export function quote(value: unknown, max = MAX_QUOTED_NAME): string {
  return `"${shown(value, max)}"`;
}

/** Runs of more than `MAX_WORD` characters without white space, cut; one linear pass. */
function clipLongWords(text: string): string {
  let out = '';
  let run = 0;
  let cut = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === ' ' || char === '\n' || char === '\t') {
      run = 0;
      cut = false;
      out += char;
    } else if (run < MAX_WORD) {
      run++;
      out += char;
    } else if (!cut) {
      cut = true;
      out += '…';
    }
  }
  return out;
}

/**
 * Spectral runs every message through its template engine: `{{name}}` becomes a variable (or
 * nothing) and `#{{…}}` an evaluated expression, so a quoted value such as `info.version:
 * '{{ version }}'` or a Postman `{{baseUrl}}` would vanish or be evaluated. A zero-width space
 * after every `{` that another follows keeps the text as written to the eye and out of the engine.
 */
function withoutTemplates(text: string): string {
  return text.includes('{{') ? text.replace(/\{(?=\{)/g, '{\u200B') : text;
}

/** The message as shown to users: no credential, no endless word, no template, at most `MAX_MESSAGE` characters. */
export function safeMessage(message: string): string {
  const redacted = redactSecrets(message);
  const words = redacted.length > MAX_WORD ? clipLongWords(redacted) : redacted;
  return withoutTemplates(clip(words, MAX_MESSAGE));
}

/** A URL in double quotes: credentials masked first, then userinfo and query dropped and the rest cut (`displayUrl`). */
export function quoteUrl(value: string): string {
  return `"${displayUrl(redactSecrets(value), MAX_QUOTED_URL)}"`;
}
