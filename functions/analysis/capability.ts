// Capability URLs: a path parameter that is itself the credential (`/webhooks/{id}/{webhook_token}`,
// a presigned upload's `{signature}`). Whoever holds the URL may call the operation, so it is not
// anonymous; and the credential travels in the URL, where logs and proxies keep it.

import { asArray, isObject, type JsonObject, type Located } from './json.js';
import { compact, words } from './names.js';
import type { Operation, Parameter } from './operations.js';
import { authenticatingParameter, type ParameterCredentialContext } from './parameter-credentials.js';
import { allOfMembers } from './schema.js';
import { matchName, type Dictionary } from './sensitive-names.js';

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

/** Last words of a placeholder that stands for a whole URL handed out at run time (`/<upload_url>`, `/{presigned_url}`). */
const URL_WORDS: ReadonlySet<string> = new Set(['url', 'uri', 'link', 'location']);

/**
 * A path that is a placeholder for a URL the API hands out at run time — a presigned upload URL,
 * a signed download link — rather than a route: the signature in that URL authenticates the call.
 */
export function isHandedOutUrl(pathKey: string): boolean {
  const segments = pathKey.split('/').filter(s => s.length > 0);
  if (segments.length !== 1) return false;
  const match = /^(?:\{([^{}]{1,200})\}|<([^<>]{1,200})>)$/.exec(segments[0]);
  const name = match ? (match[1] ?? match[2]) : undefined;
  return name !== undefined && URL_WORDS.has(words(name).at(-1) ?? '');
}

/**
 * The credential a request body requires at its top level (`external_auth_token`,
 * `client_secret`, `password`), by the data rules' credential dictionary: the caller
 * authenticates in the body, so the operation is not open to anonymous callers.
 */
export function requiredBodyCredential(root: unknown, operation: Operation, dictionary: Dictionary): string | undefined {
  if (dictionary.size === 0) return undefined;
  for (const body of operation.requestSchemas) {
    if (!isObject(body.node)) continue;
    for (const member of allOfMembers(root, body as Located<JsonObject>)) {
      for (const name of asArray(member.node.required)) {
        if (typeof name === 'string' && matchName(words(name), dictionary) !== undefined) return name;
      }
    }
  }
  return undefined;
}

/**
 * Why an operation is not anonymous although its security lets anyone through: a secret path
 * parameter, a handed-out signed URL, a credential its body requires, or a credential it requires
 * as a header, cookie or query parameter (`X-Api-Key`, a session cookie, `access_token`: home-made
 * authentication, which `auth-credential-parameter-undeclared` and `auth-credentials-in-url`
 * report). Undefined otherwise.
 */
export function ownCredential(
  root: unknown,
  operation: Operation,
  dictionary: Dictionary,
  parameters?: ParameterCredentialContext,
): string | undefined {
  const parameter = capabilityParameters(operation)[0];
  if (parameter) return `{${parameter.name}}`;
  if (isHandedOutUrl(operation.pathKey)) return operation.pathKey;
  const taken = parameters ? authenticatingParameter(operation, parameters) : undefined;
  if (taken) return taken.name;
  return requiredBodyCredential(root, operation, dictionary);
}
