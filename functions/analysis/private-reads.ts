// Whether a read that anyone may call reads something private: one object addressed by its
// identifier in the path (whoever holds or guesses the link reads that record), or a response
// that carries credentials or personal data by the data dictionaries' names. A public catalogue
// listing is neither; a public `/users/{id}` or a public read returning card numbers is both.

import type { Analysis } from './analyse.js';
import { cachedPer, perDocument } from './cache.js';
import { namesCollectionItem, isSecretName } from './capability.js';
import { deref, entries, isObject, type JsonObject, type Located } from './json.js';
import { words } from './names.js';
import type { Operation } from './operations.js';
import { allOfMembers, isSuccessStatus, pushSubschemas, type Members } from './schema.js';
import { phrases, sensitiveProperty, type SensitiveVocabulary } from './sensitive-names.js';

/**
 * Path parameters that choose a representation or a slice of something public (`/docs/{lang}`,
 * `/rates/{currency}`, `/archive/{year}`), not a record of someone's; and codes, which either name
 * public things (`/countries/{code}`) or are shared on purpose, the code being the permission
 * (`/invites/{code}`).
 */
const SELECTOR_WORDS: ReadonlySet<string> = new Set([
  'version', 'lang', 'language', 'locale', 'format', 'ext', 'extension', 'region', 'country', 'currency', 'type', 'kind',
  'category', 'size', 'width', 'height', 'page', 'year', 'month', 'day', 'date', 'sort', 'order', 'tag', 'topic', 'platform', 'code',
]);

/** Every success response is an image (a badge, a widget, an avatar): rendered for embedding, not a record. */
function rendersImage(operation: Operation): boolean {
  const media = operation.responses.filter(r => isSuccessStatus(r.status)).flatMap(r => r.schemas.map(s => s.mediaType));
  return media.length > 0 && media.every(type => typeof type === 'string' && type.toLowerCase().startsWith('image/'));
}

/**
 * The name of the path parameter that addresses one object (`userId` in `/users/{userId}/orders`),
 * read from the path template, so an undeclared parameter counts too.
 */
export function objectIdentifier(pathKey: string): string | undefined {
  const segments = pathKey.split('/');
  for (let index = 2; index < segments.length; index++) {
    const match = /^\{([^{}]{1,200})\}$/.exec(segments[index]);
    // An identifier follows the collection it picks from (`/users/{id}`), not another parameter or a mount.
    if (!match || segments[index - 1].startsWith('{') || segments[index - 1].length === 0) continue;
    const name = match[1];
    const last = words(name).at(-1);
    if (last === undefined || SELECTOR_WORDS.has(last)) continue;
    // A capability URL's secret authenticates the caller; it is not an object's id.
    if (isSecretName(name) && !namesCollectionItem(pathKey, name)) continue;
    return name;
  }
  return undefined;
}

/** Schema nodes walked per operation's responses: a bound for hostile documents. */
const MAX_VISITS = 20_000;

/**
 * The first property a success response of the operation returns that holds a credential or
 * personal data (by the same judgement as the data rules: `sensitiveProperty`), not `writeOnly`,
 * or undefined.
 */
export function sensitiveResponseProperty(root: unknown, operation: Operation, vocabulary: SensitiveVocabulary, cache: Map<JsonObject, Members>): string | undefined {
  if (![vocabulary.credentials, vocabulary.personal, vocabulary.taxIds].some(d => d !== undefined && d.size > 0)) return undefined;
  const stack: Located[] = operation.responses.filter(r => isSuccessStatus(r.status)).flatMap(r => r.schemas);
  const seen = new Set<JsonObject>();
  let visits = 0;
  while (stack.length > 0 && visits < MAX_VISITS) {
    const at = stack.pop()!;
    if (!isObject(at.node) || seen.has(at.node)) continue;
    seen.add(at.node);
    visits++;
    for (const member of allOfMembers(root, at as Located<JsonObject>, cache)) {
      for (const [name, raw] of entries(member.node.properties)) {
        if (!isObject(raw) || raw.writeOnly === true) continue;
        const declaration = [...member.path, 'properties', name];
        const value = deref(root, raw, declaration);
        const members = isObject(value.node) ? allOfMembers(root, value as Located<JsonObject>, cache) : [];
        if (!members.some(m => m.node.writeOnly === true) && sensitiveProperty(root, name, declaration, members, raw, vocabulary)) return name;
        stack.push(value);
      }
      if (isObject(member.node.items)) stack.push(deref(root, member.node.items, [...member.path, 'items']));
      if (isObject(member.node.additionalProperties)) stack.push(deref(root, member.node.additionalProperties, [...member.path, 'additionalProperties']));
      pushSubschemas(root, member, stack);
    }
  }
  return undefined;
}

export interface PrivateRead {
  /** What makes it private, as a sentence fragment for a message. */
  because: string;
}

/** The dictionaries a private read is judged by: the data rules' credential, personal-data and tax-id names. */
export interface PrivateDataVocabulary {
  credentialNames: readonly string[];
  personalDataNames: readonly string[];
  taxIdNames: readonly string[];
}

interface Judged {
  vocabulary: SensitiveVocabulary;
  cache: Map<JsonObject, Members>;
  reads: Map<Operation, PrivateRead | undefined>;
}

const cachedReads = perDocument<Judged>();
const vocabularyKey = cachedPer<PrivateDataVocabulary, string>(vocabulary => JSON.stringify([vocabulary.credentialNames, vocabulary.personalDataNames, vocabulary.taxIdNames]));

/** Why a read is private (see the top of this file), judged once per operation and vocabulary. */
export function privateRead(analysis: Analysis, operation: Operation, vocabulary: PrivateDataVocabulary): PrivateRead | undefined {
  const { vocabulary: dictionaries, cache, reads } = cachedReads(analysis, vocabularyKey(vocabulary), () => ({
    vocabulary: { credentials: phrases(vocabulary.credentialNames), personal: phrases(vocabulary.personalDataNames), taxIds: phrases(vocabulary.taxIdNames) },
    cache: new Map(),
    reads: new Map(),
  }));
  if (reads.has(operation)) return reads.get(operation);
  let judgement: PrivateRead | undefined;
  const identifier = rendersImage(operation) ? undefined : objectIdentifier(operation.pathKey);
  if (identifier) judgement = { because: `it addresses one object by \`{${identifier}}\`, so anyone who holds or guesses the identifier reads that record` };
  else {
    const property = sensitiveResponseProperty(analysis.root, operation, dictionaries, cache);
    if (property !== undefined) judgement = { because: `it returns credentials or personal data (\`${property}\`) to anyone who calls it` };
  }
  reads.set(operation, judgement);
  return judgement;
}
