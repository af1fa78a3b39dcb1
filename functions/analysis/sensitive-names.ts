// The name matcher of the data dictionaries (credentials, personal data; in core/defaults.ts), shared
// by the data exposure rules and by the read rules that ask whether a public read returns such data.
//
// Names are compared on words (`words()` splits camelCase, snake_case and kebab-case), so
// `clientSecret`, `client_secret` and `Client-Secret` compare alike and `compass` never
// matches `pass`. A dictionary entry is a phrase ("client secret"); a property name matches
// when the phrase occurs in it as whole words and the words around it keep it a value:
// `newPassword` and `password_hash` are passwords, `passwordChangedAt`, `hasPassword` and
// `secretName` are not.

import { asArray, deref, isObject, type JsonObject, type JsonPath, type Located } from './json.js';
import { words } from './names.js';
import { allOfMembers, membersAt, valueTypes } from './schema.js';

/**
 * Words that may follow a sensitive phrase and keep the name a value of it:
 * `password_hash`, `secret_key`, `pin_code`, `email_address`, `passport_number`.
 * Anything else after the phrase makes it something about the secret (`passwordPolicy`,
 * `secretName`, `secret_ref`, `api_key_id`, `password_changed_at`), which is not the secret.
 */
const VALUE_SUFFIXES = new Set([
  'hash', 'hashed', 'digest', 'salt', 'encrypted', 'enc', 'cipher', 'ciphertext', 'plain', 'plaintext', 'clear', 'cleartext',
  'raw', 'value', 'val', 'text', 'string', 'str', 'b64', 'base64', 'hex', 'pem', 'der', 'bytes', 'key', 'token',
  'code', 'number', 'no', 'num', 'nr', 'confirmation', 'confirm', 'again', 'repeat', 'address', 'phrase', 'answer',
]);

/** Words before the phrase that turn the name into a flag about it: `hasPassword`, `is_pin_set`, `requirePassword`. */
const FLAG_PREFIXES = new Set([
  'has', 'have', 'had', 'is', 'was', 'are', 'can', 'must', 'should', 'need', 'needs', 'require', 'requires', 'required',
  'allow', 'allows', 'enable', 'enables', 'enabled', 'disable', 'disabled', 'use', 'uses', 'no', 'without', 'skip',
  'show', 'hide', 'include', 'includes', 'supports', 'support',
]);

/** Words before the phrase that say the value is only a masked or partial form: `masked_card_number`, `last4_ssn`. */
const MASK_PREFIXES = new Set(['masked', 'redacted', 'obfuscated', 'truncated', 'partial', 'hidden', 'last', 'last4', 'first6', 'hint']);

/** Property names too generic to judge alone: their owner's name qualifies them (`Card.number`, `Passport.number`). */
const GENERIC_NAMES = new Set(['number', 'value', 'no', 'num']);

export interface Phrase {
  /** The dictionary entry as written. */
  entry: string;
  /** Its words concatenated: runs of a name's words are compared with this. */
  compact: string;
}

/** A dictionary: phrases by their compact form. */
export type Dictionary = ReadonlyMap<string, Phrase>;

/** The dictionary of the entries; entries that have no words are ignored, the first of equal ones kept. */
export function phrases(entries: readonly string[]): Dictionary {
  const out = new Map<string, Phrase>();
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    const compact = words(entry).join('');
    if (compact.length > 0 && !out.has(compact)) out.set(compact, { entry, compact });
  }
  return out;
}

export interface NameMatchOptions {
  /** Accept a plural of the name's last word (`api_keys`, `passwords`). */
  plural?: boolean;
}

/** Bounds: identifiers longer than this are not names a person wrote. */
const MAX_WORDS = 12;

function lookup(dictionary: Dictionary, run: string, last: boolean, plural: boolean): Phrase | undefined {
  const exact = dictionary.get(run);
  if (exact || !last || !plural) return exact;
  if (run.endsWith('es') && dictionary.has(run.slice(0, -2))) return dictionary.get(run.slice(0, -2));
  return run.endsWith('s') ? dictionary.get(run.slice(0, -1)) : undefined;
}

/**
 * The dictionary phrase a name denotes, or undefined. The phrase must occur as whole words
 * (a run of the name's words whose concatenation is the phrase, so `apiKey` and `APIKEY`
 * both match "api key"), followed only by value words and preceded by no flag or mask word.
 */
export function matchName(nameWords: readonly string[], dictionary: Dictionary, options: NameMatchOptions = {}): Phrase | undefined {
  const n = Math.min(nameWords.length, MAX_WORDS);
  if (n === 0) return undefined;
  for (let start = 0; start < n; start++) {
    if (FLAG_PREFIXES.has(nameWords[start]) || MASK_PREFIXES.has(nameWords[start])) return undefined;
    let run = '';
    for (let end = start; end < n; end++) {
      run += nameWords[end];
      const phrase = lookup(dictionary, run, end === n - 1, options.plural === true);
      if (phrase && nameWords.slice(end + 1, n).every(word => VALUE_SUFFIXES.has(word))) return phrase;
    }
  }
  return undefined;
}

/**
 * The name of the schema a property is declared in, from the declaration path:
 * `components.schemas.Card.properties.number` gives `Card`; array items, `allOf` members and
 * alternatives are looked through. Undefined for a body or parameter schema written inline.
 */
export function ownerName(declaration: JsonPath): string | undefined {
  let i = declaration.length - 3;
  while (i >= 0) {
    const segment = declaration[i];
    if (typeof segment === 'number' || ['items', 'allOf', 'anyOf', 'oneOf', 'additionalProperties', 'then', 'else'].includes(segment)) {
      i--;
      continue;
    }
    if (segment === 'schema' || segment === 'content' || String(segment).startsWith('/')) return undefined;
    return String(segment);
  }
  return undefined;
}

/**
 * The words a property name is judged by: its own, or, for a generic name such as `number`,
 * its owner's name followed by its own (`Card.number` is a card number).
 */
export function qualifiedWords(name: string, declaration: JsonPath): readonly string[] {
  const own = words(name);
  if (own.length === 1 && GENERIC_NAMES.has(own[0])) {
    const owner = ownerName(declaration);
    if (owner) return [...words(owner).slice(-4), ...own];
  }
  return own;
}

const DATE_FORMATS = new Set(['date', 'date-time', 'time', 'duration', 'unix-time', 'timestamp']);

/**
 * Whether a value can carry a secret or an identifier as text: not a boolean or date flag
 * (`hasPassword: boolean`, `passwordChangedAt: date-time`), not an object or a list of objects
 * (whose own properties are judged on their own), not a value from a published `enum`/`const`.
 * Alternatives (`oneOf`/`anyOf`) count when any of them can.
 */
export function canCarryText(root: unknown, members: ReadonlyArray<Located<JsonObject>>, depth = 0): boolean {
  if (depth > 4) return false;
  if (members.some(({ node }) => Array.isArray(node.enum) || Object.prototype.hasOwnProperty.call(node, 'const'))) return false;
  if (members.some(({ node }) => typeof node.format === 'string' && DATE_FORMATS.has(node.format.toLowerCase()))) return false;
  const alternatives: Array<Located<JsonObject>> = [];
  for (const member of members) {
    for (const key of ['oneOf', 'anyOf']) {
      asArray(member.node[key]).forEach((alt, i) => {
        const located = deref(root, alt, [...member.path, key, i]);
        if (isObject(located.node)) alternatives.push(located as Located<JsonObject>);
      });
    }
  }
  const types = valueTypes(members);
  if (types.size === 0) {
    if (alternatives.length > 0) return alternatives.some(alt => canCarryText(root, allOfMembers(root, alt), depth + 1));
    return true;
  }
  for (const type of types) {
    if (type === 'string' || type === 'integer' || type === 'number') return true;
    if (type === 'array') {
      const items = members.map(m => m.node.items).find(isObject);
      if (!items) return true;
      if (canCarryText(root, membersAt(root, deref(root, items, [])), depth + 1)) return true;
    }
  }
  return false;
}

/** True when any member declares `format: password` (through array items too). */
export function isPasswordFormat(root: unknown, members: ReadonlyArray<Located<JsonObject>>): boolean {
  for (const { node } of members) {
    if (typeof node.format === 'string' && node.format.toLowerCase() === 'password') return true;
    if (isObject(node.items)) {
      const items = deref(root, node.items, []);
      if (isObject(items.node) && typeof items.node.format === 'string' && items.node.format.toLowerCase() === 'password') return true;
    }
  }
  return false;
}

/** Masked forms: a run of mask characters, optionally ending in a few visible ones, or a redaction marker. */
const MASKED = /^[*•●#]{3,}[A-Za-z0-9]{0,4}$|^[[<(]?redacted[\]>)]?$/i;

/**
 * True when every example and default documented for the value is masked (`"********"`,
 * `"****1234"`, `"[REDACTED]"`): the description then says the API returns only a masked form.
 */
export function examplesMasked(members: ReadonlyArray<Located<JsonObject>>, declared: JsonObject): boolean {
  const values: unknown[] = [];
  for (const node of [declared, ...members.map(m => m.node)]) {
    if (Object.prototype.hasOwnProperty.call(node, 'example')) values.push(node.example);
    if (Object.prototype.hasOwnProperty.call(node, 'default')) values.push(node.default);
    if (Array.isArray(node.examples)) values.push(...node.examples.slice(0, 16));
  }
  if (values.length === 0) return false;
  return values.every(value => {
    if (typeof value !== 'string') return false;
    const text = value.trim().replace(/^["']|["']$/g, '').trim();
    return text.length <= 64 && MASKED.test(text);
  });
}
