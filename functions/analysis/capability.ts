// Capability URLs: a path parameter that is itself the credential (`/webhooks/{id}/{webhook_token}`,
// a presigned upload's `{signature}`). Whoever holds the URL may call the operation, so it is not
// anonymous; and the credential travels in the URL, where logs and proxies keep it.

import { compact, words } from './names.js';
import type { Operation, Parameter } from './operations.js';

/** Last words that make a path parameter a secret the URL carries. */
const SECRET_WORDS: ReadonlySet<string> = new Set(['token', 'secret', 'signature', 'sig']);
/** Words before `key` that make it a credential (`api_key`, `access_key`), not an object key (`/config/{key}`). */
const KEY_QUALIFIERS: ReadonlySet<string> = new Set(['api', 'access', 'secret', 'signing', 'private', 'auth', 'session']);
/** Words before `token` that make it a position in a list, not a credential (`{page_token}`). */
const CURSOR_WORDS: ReadonlySet<string> = new Set(['page', 'next', 'prev', 'previous', 'continuation', 'sync', 'cursor', 'pagination', 'resume']);

/**
 * `/tokens/{token}`, `/keys/{access_key}` or `/shipping_rates/{shipping_rate_token}`: a path
 * parameter named after the collection right before it identifies an object of that collection
 * (Stripe's token ids, DigitalOcean's access key ids); it is not the credential itself.
 */
export function namesCollectionItem(pathKey: string, parameter: string): boolean {
  const segments = pathKey.split('/');
  const index = segments.indexOf(`{${parameter}}`);
  if (index < 1) return false;
  const collection = compact(segments[index - 1]);
  const nameWords = words(parameter);
  return [nameWords.join(''), nameWords[nameWords.length - 1] ?? '', nameWords.slice(0, -1).join('')].some(
    name => name.length > 0 && (collection === name || collection === `${name}s` || collection === `${name}es`),
  );
}

/** Whether a path parameter's name says it is a secret (`webhook_token`, `signature`, `api_key`), not a cursor or an object key. */
export function isSecretName(name: string): boolean {
  const list = words(name);
  const last = list[list.length - 1];
  const before = list[list.length - 2];
  if (last === undefined) return false;
  if (last === 'key') return before !== undefined && KEY_QUALIFIERS.has(before);
  return SECRET_WORDS.has(last) && !(before !== undefined && CURSOR_WORDS.has(before));
}

/** The path parameters of an operation that carry its credential in the URL. */
export function capabilityParameters(operation: Operation): Parameter[] {
  return operation.parameters.filter(p => p.in === 'path' && isSecretName(p.name) && !namesCollectionItem(operation.pathKey, p.name));
}
