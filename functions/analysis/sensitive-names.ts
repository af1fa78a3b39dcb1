// The name matcher of the data dictionaries (credentials, personal data, tax ids; in
// core/defaults.ts), and the judgement of a property built on it (`sensitiveProperty`), shared by
// the data exposure rules and by the read rules that ask whether a public read returns such data.
//
// Names are compared on words (`words()` splits camelCase, snake_case and kebab-case), so
// `clientSecret`, `client_secret` and `Client-Secret` compare alike and `compass` never
// matches `pass`. A dictionary entry is a phrase ("client secret"); a property name matches
// when the phrase occurs in it as whole words, anywhere, and the words around it keep it a value:
// `newPassword`, `password_hash` and `signingPrivateKey` are secrets, `passwordChangedAt`,
// `hasPassword`, `num_api_keys` and `secretName` are not. Beyond names: a PEM private key is
// recognised by what its schema shows, and a tax id is personal data only where a person holds it.

import { asArray, deref, isObject, type JsonObject, type JsonPath, type Located } from './json.js';
import { perList } from './cache.js';
import { words } from './names.js';
import { allOfMembers, membersAt, valueTypes } from './schema.js';

/**
 * Words that may follow a sensitive phrase and keep the name a value of it:
 * `password_hash`, `secret_key`, `pin_code`, `email_address`, `passport_number`,
 * `accessTokenValue`, `card_number_full`, `private_key_pem`, `password_new`.
 * Anything else after the phrase makes it something about the secret (`passwordPolicy`,
 * `secretName`, `secret_ref`, `api_key_id`, `password_changed_at`, `token_count`,
 * `access_token_url`, `password_min_length`), which is not the secret: this is a list of what
 * keeps a value, not of what turns it into metadata, because the words that describe a secret
 * (its id, name, type, url, count, length, policy, hint, prefix, last4, expiry, creation,
 * rotation, scanning, storage…) are open-ended and a miss costs less than a false alarm.
 */
const VALUE_SUFFIXES = new Set([
  'hash', 'hashed', 'digest', 'salt', 'encrypted', 'enc', 'cipher', 'ciphertext', 'plain', 'plaintext', 'clear', 'cleartext',
  'raw', 'value', 'val', 'text', 'string', 'str', 'b64', 'base64', 'hex', 'pem', 'der', 'bytes', 'key', 'token',
  'code', 'number', 'no', 'num', 'nr', 'nbr', 'confirmation', 'confirm', 'again', 'repeat', 'address', 'phrase', 'answer',
  // The whole value, or one of its versions: `card_number_full`, `password_new`, `secret_current`.
  'full', 'complete', 'unmasked', 'unredacted', 'decrypted', 'original', 'actual', 'current', 'new', 'old', 'previous',
  'temp', 'temporary', 'initial',
  // A key's material in an encoding: `private_key_data`, `signing_key_pkcs8`.
  'data', 'content', 'contents', 'material', 'json', 'jwk', 'pkcs1', 'pkcs8', 'pkcs12', 'p12', 'pfx',
]);

/**
 * Value words that, after a personal-data phrase, name a stand-in for the value rather than the
 * value: `card_number_token` is what a tokenising vault returns instead of the number.
 */
const SURROGATE_SUFFIXES = new Set(['token']);

/**
 * Words before the phrase that turn the name into something about it: a flag (`hasPassword`,
 * `is_pin_set`, `requirePassword`), a quantity (`max_password_length`, `num_api_keys`), or a
 * value that is public by name (`public_api_key`, `publishable_key`).
 */
const FLAG_PREFIXES = new Set([
  'has', 'have', 'had', 'is', 'was', 'are', 'can', 'must', 'should', 'need', 'needs', 'require', 'requires', 'required',
  'allow', 'allows', 'enable', 'enables', 'enabled', 'disable', 'disabled', 'use', 'uses', 'no', 'without', 'skip',
  'show', 'hide', 'include', 'includes', 'supports', 'support',
  'num', 'number', 'count', 'total', 'max', 'min', 'maximum', 'minimum',
  'public', 'publishable',
]);

/** Words before the phrase that say the value is only a masked, partial or tokenised form: `masked_card_number`, `last4_ssn`. */
const MASK_PREFIXES = new Set([
  'masked', 'redacted', 'obfuscated', 'truncated', 'partial', 'hidden', 'last', 'last4', 'first6', 'hint', 'tokenized', 'tokenised',
]);

/**
 * Words right before `pem` that say what the PEM block holds when it is not a private key:
 * `cert_pem`, `ca_pem`, `chain_pem`, `Certificate.pem`. A PEM name says only the encoding.
 */
const CERTIFICATE_WORDS = new Set([
  'cert', 'certs', 'certificate', 'certificates', 'crt', 'ca', 'cacert', 'csr', 'chain', 'fullchain', 'x509', 'root',
  'intermediate', 'issuer', 'trust', 'trusted', 'pub', 'bundle',
]);

/** Property names too generic to judge alone: their owner's name qualifies them (`Card.number`, `Passport.number`, `App.pem`). */
const GENERIC_NAMES = new Set(['number', 'value', 'no', 'num', 'pem']);

/** How API vocabulary shortens a final `number`: `passport_no`, `card_num`, `account_nr`. */
const NUMBER_ABBREVIATIONS = ['no', 'num', 'nr', 'nbr'];

export interface Phrase {
  /** The dictionary entry as written. */
  entry: string;
  /** Its words concatenated: runs of a name's words are compared with this. */
  compact: string;
}

/** A dictionary: phrases by their compact form (and by the abbreviations of a final `number`). */
export type Dictionary = ReadonlyMap<string, Phrase>;

/** The dictionary of the entries; entries that have no words are ignored, the first of equal ones kept; not a list, none. */
export const phrases: (entries: readonly string[]) => Dictionary = perList(buildPhrases);

function buildPhrases(entries: readonly string[]): Dictionary {
  const out = new Map<string, Phrase>();
  const aliases: Array<[string, Phrase]> = [];
  if (!Array.isArray(entries)) return out;
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    const entryWords = words(entry);
    const compact = entryWords.join('');
    if (compact.length === 0 || out.has(compact)) continue;
    const phrase = { entry, compact };
    out.set(compact, phrase);
    if (entryWords.length > 1 && entryWords[entryWords.length - 1] === 'number') {
      const head = entryWords.slice(0, -1).join('');
      for (const abbreviation of NUMBER_ABBREVIATIONS) aliases.push([head + abbreviation, phrase]);
    }
  }
  // An entry written out wins over another entry's abbreviation.
  for (const [alias, phrase] of aliases) if (!out.has(alias)) out.set(alias, phrase);
  return out;
}

export interface NameMatchOptions {
  /** Accept a plural of the name's last word (`api_keys`, `passwords`). */
  plural?: boolean;
  /** Personal data: a value word that names a stand-in (`card_number_token`) does not keep the value. */
  personal?: boolean;
}

/** Bounds: identifiers longer than this are not names a person wrote. */
const MAX_WORDS = 12;

function lookup(dictionary: Dictionary, run: string, last: boolean, plural: boolean): Phrase | undefined {
  const exact = dictionary.get(run);
  if (exact || !last || !plural) return exact;
  if (run.endsWith('es') && dictionary.has(run.slice(0, -2))) return dictionary.get(run.slice(0, -2));
  return run.endsWith('s') ? dictionary.get(run.slice(0, -1)) : undefined;
}

export interface NameMatch {
  phrase: Phrase;
  /** Index of the phrase's first word in the name's words. */
  start: number;
}

/**
 * Where a name holds a dictionary phrase, or undefined. The phrase must occur as whole words
 * anywhere in the name (a run of the name's words whose concatenation is the phrase, so
 * `apiKey`, `APIKEY` and `signingPrivateKey` all hold one), followed only by value words and
 * preceded by no flag, quantity or mask word.
 */
export function matchNameAt(nameWords: readonly string[], dictionary: Dictionary, options: NameMatchOptions = {}): NameMatch | undefined {
  const n = Math.min(nameWords.length, MAX_WORDS);
  if (n === 0) return undefined;
  const keepsValue = (word: string) => VALUE_SUFFIXES.has(word) && !(options.personal === true && SURROGATE_SUFFIXES.has(word));
  for (let start = 0; start < n; start++) {
    if (FLAG_PREFIXES.has(nameWords[start]) || MASK_PREFIXES.has(nameWords[start])) return undefined;
    let run = '';
    for (let end = start; end < n; end++) {
      run += nameWords[end];
      const phrase = lookup(dictionary, run, end === n - 1, options.plural === true);
      if (!phrase || !nameWords.slice(end + 1, n).every(keepsValue)) continue;
      if (phrase.compact.endsWith('pem') && start > 0 && CERTIFICATE_WORDS.has(nameWords[start - 1])) continue;
      return { phrase, start };
    }
  }
  return undefined;
}

/** The dictionary phrase a name denotes (see `matchNameAt`), or undefined. */
export function matchName(nameWords: readonly string[], dictionary: Dictionary, options: NameMatchOptions = {}): Phrase | undefined {
  return matchNameAt(nameWords, dictionary, options)?.phrase;
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

/**
 * Last words of a schema's name that make it a description of a credential's shape rather than
 * a credential: `RegistryCredentialPattern.access_secret_data`, `PasswordPolicy.min_length`,
 * `SecretTemplate.secret`. Its properties document what a value looks like.
 */
const SHAPE_OWNERS = new Set([
  'pattern', 'patterns', 'policy', 'policies', 'template', 'templates', 'format', 'formats', 'requirement', 'requirements',
  'rule', 'rules', 'constraint', 'constraints', 'complexity', 'strength',
]);

/** True when the property is declared in a schema that describes a credential's shape (see `SHAPE_OWNERS`). */
export function inShapeSchema(declaration: JsonPath): boolean {
  const owner = ownerName(declaration);
  return owner !== undefined && SHAPE_OWNERS.has(words(owner).at(-1) ?? '');
}

const EXAMPLE_KEYS = ['example', 'default', 'x-example'];

/** The documented example and default values of a value, bounded. */
function documentedValues(members: ReadonlyArray<Located<JsonObject>>, declared: JsonObject): unknown[] {
  const values: unknown[] = [];
  for (const node of [declared, ...members.map(m => m.node)]) {
    for (const key of EXAMPLE_KEYS) if (Object.prototype.hasOwnProperty.call(node, key)) values.push(node[key]);
    if (Array.isArray(node.examples)) values.push(...node.examples.slice(0, 16));
    if (values.length > 64) break;
  }
  return values;
}

/** A PEM private key block, any algorithm, encrypted or not (`-----BEGIN RSA PRIVATE KEY-----`); not a certificate or public key. */
const PEM_PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY-----/;

/** A certificate or public key, as an example shows it or a description names it. */
const PUBLIC_PEM = /-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}(?:CERTIFICATE|PUBLIC KEY)|\b(?:certificate|public[-\s]key)\b/i;

/**
 * True when a PEM-named value says it holds a certificate or a public key, not a private key:
 * `pem: {example: "-----BEGIN CERTIFICATE-----…"}`, `pem: {description: "The server's certificate"}`.
 */
function declaresPublicPem(members: ReadonlyArray<Located<JsonObject>>, declared: JsonObject): boolean {
  if (declaresPrivateKey(members, declared)) return false;
  for (const value of documentedValues(members, declared)) {
    if (typeof value === 'string' && PUBLIC_PEM.test(value.slice(0, 200))) return true;
  }
  return [declared, ...members.map(m => m.node)].some(node => typeof node.description === 'string' && PUBLIC_PEM.test(node.description.slice(0, 300)));
}

/**
 * A description that says what the value is, a private key: "The PEM-encoded private key of the
 * app", "Private key for TLS client authentication"; not one that describes something about a
 * private key ("Private key fingerprint", "Path to the private key").
 */
const PRIVATE_KEY_DESCRIPTION =
  /^\W{0,3}(?:(?:the|an?|your|its)\s+)?(?:(?:pem|der|pkcs ?#?\d{1,2}|base64|rsa|dsa|ecdsa|ec|ed25519|ssh|openssh|tls|ssl|x\.?509|client|server|signing|app)(?:[-\s]encoded|[-\s]formatted)?[-\s]+)*private[-\s]key(?![-\s]+(?:id|identifier|fingerprint|name|type|length|size|path|file|location|reference|ref|algorithm|format|hash|passphrase|password)\b)/i;

/**
 * True when the schema says its value is a PEM private key, whatever the property is called:
 * an example or default holding a `-----BEGIN … PRIVATE KEY-----` block, a pattern or format that
 * names a private key, or a description that opens by calling it one.
 */
export function declaresPrivateKey(members: ReadonlyArray<Located<JsonObject>>, declared: JsonObject): boolean {
  for (const value of documentedValues(members, declared)) {
    if (typeof value === 'string' && PEM_PRIVATE_KEY.test(value.slice(0, 200))) return true;
  }
  for (const node of [declared, ...members.map(m => m.node)]) {
    if (typeof node.pattern === 'string' && /PRIVATE KEY/.test(node.pattern.slice(0, 500))) return true;
    if (typeof node.format === 'string') {
      const formatWords = words(node.format);
      if (formatWords.includes('private') && formatWords.includes('key')) return true;
    }
    if (typeof node.description === 'string' && PRIVATE_KEY_DESCRIPTION.test(node.description.slice(0, 300))) return true;
  }
  return false;
}

// Whose identifier a tax id (or an e-mail address in a URL) is: a person's or an organisation's.
// Businesses have tax ids as often as people do, and theirs (a VAT, GST or EIN number) is printed
// on every invoice; the words around the name say whose it is.

/** Words that make the value a person's: `User.tax_id`, `individual_tax_id`, `/employees?email=`. */
const PERSON_WORDS = new Set([
  'user', 'person', 'people', 'individual', 'personal', 'employee', 'patient', 'applicant', 'candidate', 'student', 'member',
  'cardholder', 'beneficiary', 'director', 'representative', 'shareholder', 'guardian', 'citizen', 'resident', 'consumer',
  'contractor', 'freelancer', 'dependent', 'spouse', 'borrower', 'policyholder', 'profile', 'me', 'self', 'passenger',
  'traveler', 'traveller', 'guest', 'worker', 'contact',
]);

/** Words that make the value an organisation's: `company_tax_id`, `Merchant.vat_number`, `/organizations?email=`. */
const ORGANIZATION_WORDS = new Set([
  'company', 'business', 'merchant', 'organization', 'organisation', 'org', 'corporation', 'corporate', 'enterprise',
  'vendor', 'supplier', 'seller', 'employer', 'firm', 'institution', 'agency', 'store', 'shop', 'brand', 'issuer',
]);

/** The plain singular of a word (`users`, `businesses`, `companies`), for comparing with the lists above. */
function singulars(word: string): string[] {
  const out = [word];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  return out;
}

export type Holder = 'person' | 'organization';

function holderWord(word: string): Holder | undefined {
  const forms = singulars(word);
  if (forms.some(form => ORGANIZATION_WORDS.has(form))) return 'organization';
  if (forms.some(form => PERSON_WORDS.has(form))) return 'person';
  return undefined;
}

/**
 * The names around a declaration, nearest first: the properties it is nested in, then the schema
 * that declares it, or, for a schema written inline, the collection its path names.
 */
export function contextNames(declaration: JsonPath): string[] {
  const out: string[] = [];
  for (let i = declaration.length - 3; i >= 1; i--) {
    const segment = declaration[i];
    const before = declaration[i - 1];
    if (typeof segment !== 'string') continue;
    if (before === 'properties') out.push(segment);
    else if (before === 'schemas' || before === 'definitions') {
      out.push(segment);
      break;
    } else if (before === 'paths' || before === 'webhooks') {
      out.push(...pathContext(segment));
      break;
    }
  }
  return out;
}

/** Last segments that name what is done, not what is read: `/users/search`, `/customers/lookup`. */
const ACTION_SEGMENTS = new Set(['search', 'lookup', 'find', 'query', 'filter', 'list', 'export', 'count', 'verify', 'validate', 'check', 'exists', 'by']);

/**
 * The collection a path reads, as a context name: its last literal segment that is not an action
 * (`/merchants/{id}/customers` → customers, `/users/search` → users). Only that one: an earlier
 * segment is the owner of the collection (a merchant's customers are people, an organisation's
 * invitations are addressed to people), not what the parameters and the inline schema describe.
 */
export function pathContext(pathKey: string): string[] {
  const segments = pathKey.split('/').filter(segment => segment.length > 0 && !segment.startsWith('{'));
  for (let i = segments.length - 1; i >= 0; i--) {
    const segmentWords = words(segments[i]);
    if (segmentWords.length > 0 && !segmentWords.every(word => ACTION_SEGMENTS.has(word))) return [segments[i]];
  }
  return [];
}

/**
 * Whose value a name holds: the nearest holder word, looking first at the name's words before
 * the phrase (`company_tax_id`, `user_email`), then at the context names (nearest first).
 * Undefined when nothing says.
 */
export function holderOf(nameWords: readonly string[], phraseStart: number, context: readonly string[]): Holder | undefined {
  for (let i = Math.min(phraseStart, MAX_WORDS) - 1; i >= 0; i--) {
    const holder = holderWord(nameWords[i]);
    if (holder) return holder;
  }
  for (const name of context.slice(0, 16)) {
    const contextWords = words(name);
    for (let i = Math.min(contextWords.length, MAX_WORDS) - 1; i >= 0; i--) {
      const holder = holderWord(contextWords[i]);
      if (holder) return holder;
    }
  }
  return undefined;
}

/** True when some literal segment of the path names a person's records (`/users/{id}/phone_numbers`). */
export function pathThroughPerson(pathKey: string): boolean {
  return pathKey.split('/').some(segment => !segment.startsWith('{') && words(segment).some(word => holderWord(word) === 'person'));
}

/** The dictionaries a property is judged by; a check leaves out those it does not report. */
export interface SensitiveVocabulary {
  /** Credentials and secrets (plurals count: `api_keys`). */
  credentials?: Dictionary;
  /** Personal data whoever's it is (`ssn`, `card_number`, `passport_number`). */
  personal?: Dictionary;
  /** Identifiers that are personal data only where the name or its schema says a person holds them (`tax_id`). */
  taxIds?: Dictionary;
}

export interface SensitiveProperty {
  kind: 'credential' | 'personal';
  /** What it holds, for a message: the dictionary entry, `format: password` or `PEM private key`. */
  what: string;
  /** A credential the API may issue (a key, secret or token): the operation that creates it may return it once. */
  issuable: boolean;
}

/**
 * What sensitive value a property holds, by the data rules' dictionaries, or undefined: the name
 * (qualified by its schema when generic, `Card.number`), a `format: password`, or a schema that
 * says it holds a PEM private key; never a flag, a date, an object, a published enum, a masked
 * value, or a property of a schema that describes a credential's shape. `writeOnly` is the caller's.
 */
export function sensitiveProperty(
  root: unknown,
  name: string,
  declaration: JsonPath,
  members: ReadonlyArray<Located<JsonObject>>,
  declared: JsonObject,
  vocabulary: SensitiveVocabulary,
): SensitiveProperty | undefined {
  const nameWords = qualifiedWords(name, declaration);
  if (vocabulary.credentials) {
    let phrase = matchName(nameWords, vocabulary.credentials, { plural: true });
    // A PEM name says only the encoding: the schema may say it holds a certificate.
    if (phrase?.compact.endsWith('pem') && declaresPublicPem(members, declared)) phrase = undefined;
    const passwordFormat = !phrase && isPasswordFormat(root, members);
    const privateKey = !phrase && !passwordFormat && declaresPrivateKey(members, declared);
    if ((phrase && canCarryText(root, members)) || passwordFormat || (privateKey && canCarryText(root, members))) {
      if (examplesMasked(members, declared) || inShapeSchema(declaration)) return undefined;
      const what = phrase ? (phrase.compact.endsWith('pem') ? `${phrase.entry}, a PEM private key` : phrase.entry) : passwordFormat ? 'format: password' : 'PEM private key';
      return { kind: 'credential', what, issuable: privateKey || (phrase !== undefined && /(?:secret|key|token|pem)$/.test(phrase.compact)) };
    }
  }
  let personal = vocabulary.personal ? matchName(nameWords, vocabulary.personal, { personal: true }) : undefined;
  if (!personal && vocabulary.taxIds) {
    const taxId = matchNameAt(nameWords, vocabulary.taxIds, { personal: true });
    if (taxId && holderOf(nameWords, taxId.start, contextNames(declaration)) === 'person') personal = taxId.phrase;
  }
  if (!personal || !canCarryText(root, members) || examplesMasked(members, declared) || inShapeSchema(declaration)) return undefined;
  return { kind: 'personal', what: personal.entry, issuable: false };
}
