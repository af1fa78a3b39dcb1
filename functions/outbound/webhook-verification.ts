import {
  asArray,
  compact,
  compactSet,
  deref,
  entries,
  isObject,
  leadingWords,
  literalSegments,
  words,
  type Analysis,
  type JsonObject,
  type JsonPath,
  type Operation,
} from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { MAX_QUOTED_URL, quote } from '../core/message.js';
import { analysisFunction, describe, objectOptions, stringList, type Finding } from '../core/rule-function.js';

export interface WebhookVerificationOptions {
  webhookSignatureHeaders: string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Words of a header name that make it a signature whatever the vendor: `X-Hub-Signature-256`, `X-Signature-Ed25519`, `X-Shopify-Hmac-Sha256`. */
const SIGNATURE_WORDS = new Set(['signature', 'sig', 'hmac', 'signed']);

/** Prose that documents how a message is verified. */
const VERIFICATION_PROSE = /\b(?:signature|signatures|signed|signing|hmac|mutual tls|mtls|client certificates?)\b/i;
const MESSAGES_PROSE = /\b(?:webhooks?|callbacks?|event notifications?)\b/i;
/** A clause that denies what it names ("These notifications are not signed", "carry no signature"). */
const DENIED = /\b(?:no|not|never|without|none|nor)\b|n['’]t\b/i;
/**
 * Words of a clause that tells the receiver to reject what fails the check: there a negation is
 * part of the instruction ("requests without a valid signature are rejected"), not a denial.
 */
const ENFORCED = /\b(?:reject(?:s|ed)?|discard(?:s|ed)?|drop(?:s|ped)?|refuse[sd]?|ignore[sd]?|invalid|valid|match(?:es)?|fails?|failed|401|403)\b/i;
/** Verification promised for later is not there now ("planned for a future release", "not supported yet"). */
const NOT_YET = /\b(?:planned|future|upcoming|roadmap|coming soon|not yet|yet to|unsupported|not supported|not available|will be (?:added|introduced|available))\b/i;
/** Sentences, and the halves of a contrast ("Requests are not retried, but each is signed"). */
const CLAUSE_BREAK = /[.;:!?]\s|\b(?:but|however|although|though|whereas)\b/i;

/** Some clause names a signature, HMAC or mTLS as something that is there now, not denied or promised. */
function documentsVerification(text: string): boolean {
  const value = prose(text).replace(/\s+/g, ' ');
  if (!VERIFICATION_PROSE.test(value)) return false;
  return value.split(CLAUSE_BREAK).some(clause => VERIFICATION_PROSE.test(clause) && !NOT_YET.test(clause) && (!DENIED.test(clause) || ENFORCED.test(clause)));
}

const MAX_TEXT = 20_000;
const prose = (value: unknown): string => (typeof value === 'string' ? value.slice(0, MAX_TEXT) : '');

/** One way messages reach or leave the API that its receiver must be able to verify. */
interface Channel {
  /** `Webhook "x"`, `Callback "x" of POST /y`, `Operation POST /webhook`. */
  label: string;
  path: JsonPath;
  operations: Array<{ node: JsonObject; path: JsonPath; pathItem: JsonObject }>;
  /** The API's own operation, for a receiver: its effective security counts. */
  receiver?: Operation;
  operation?: Operation;
  exemptIn?: object;
}

function pathItemOperations(root: JsonObject, raw: unknown, path: JsonPath): Channel['operations'] {
  const item = deref(root, raw, path);
  if (!isObject(item.node)) return [];
  const pathItem = item.node;
  const out: Channel['operations'] = [];
  for (const method of METHODS) {
    const op = deref(root, pathItem[method], [...item.path, method]);
    if (isObject(op.node)) out.push({ node: op.node, path: op.path, pathItem });
  }
  return out;
}

/** Words that make an operation of the API one that receives webhooks: `receiveWebhook`, `handle_stripe_event`, `POST /webhook`. */
const RECEIVING = new Set(['receive', 'receives', 'handle', 'handles', 'incoming', 'inbound', 'process', 'consume', 'accept']);
/** Nouns for a receiver ("GitHub webhook receiver"), read only when nothing says the operation manages it. */
const RECEIVER_NOUNS = new Set(['receiver', 'listener', 'handler', 'consumer']);
/** Words of an operation that manages webhooks rather than receives them ("Create a webhook receiver", `testGithubWebhook`). */
const MANAGING = new Set(['create', 'add', 'register', 'update', 'edit', 'configure', 'set', 'list', 'get', 'delete', 'remove', 'test', 'ping', 'redeliver', 'replay', 'subscribe', 'unsubscribe']);
const HOOK_WORDS = new Set(['webhook', 'webhooks', 'hook', 'hooks']);
/** Services that send webhooks, as they name a receiver's route. */
const SENDERS = new Set(['stripe', 'github', 'gitlab', 'bitbucket', 'slack', 'twilio', 'shopify', 'paypal', 'sendgrid', 'mailgun', 'postmark', 'zoom', 'discord', 'intercom', 'hubspot', 'zendesk', 'jira', 'square', 'braintree', 'adyen', 'mollie', 'razorpay', 'paddle', 'chargebee', 'recurly', 'plaid', 'docusign', 'calendly', 'typeform', 'clerk', 'auth0', 'okta', 'mailchimp', 'vonage', 'whatsapp', 'twitch', 'dropbox', 'trello', 'asana', 'netlify', 'vercel', 'sentry', 'pagerduty', 'linear', 'svix']);
const MESSAGE_WORDS = new Set(['webhook', 'webhooks', 'callback', 'callbacks', 'notification', 'notifications', 'event', 'events', 'postback', 'ipn']);
/** Last path segments of an endpoint that receives messages (singular: `/webhooks` is usually a collection that manages them). */
const RECEIVER_SEGMENTS = new Set(['webhook', 'callback', 'postback', 'ipn']);

/**
 * Words of a sign-in flow. Its redirect endpoint (`/oauth/callback`, `/auth/callback`, `/sso/callback`,
 * a SAML assertion consumer) is reached by the user's browser, also as a POST with OIDC's
 * `response_mode=form_post`; `state`, the nonce and the signed token protect it, not a webhook signature.
 */
const SIGN_IN_WORDS = new Set(['auth', 'oauth', 'oauth2', 'oidc', 'openid', 'login', 'signin', 'sso', 'saml', 'authorize', 'authorization', 'authn']);
/** Fields a sign-in redirect carries (compacted): an authorization response or a SAML response. */
const SIGN_IN_FIELDS = ['idtoken', 'samlresponse'];
const MAX_FIELDS = 256;

/** The names of the fields a request sends: its query and form parameters, and its body's top-level properties. */
function requestFieldNames(root: JsonObject, operation: Operation): Set<string> {
  const out = new Set<string>();
  const parameters = [...asArray(operation.pathItem.parameters), ...asArray(operation.node.parameters)].slice(0, MAX_FIELDS);
  for (const raw of parameters) {
    const parameter = deref(root, raw, operation.path).node;
    if (isObject(parameter) && typeof parameter.name === 'string') out.add(compact(parameter.name));
  }
  const body = deref(root, operation.node.requestBody, [...operation.path, 'requestBody']).node;
  if (isObject(body)) {
    for (const [mediaType, media] of entries(body.content).slice(0, MAX_FIELDS)) {
      if (!isObject(media)) continue;
      const schema = deref(root, media.schema, [...operation.path, 'requestBody', 'content', mediaType, 'schema']).node;
      if (isObject(schema)) for (const [name] of entries(schema.properties).slice(0, MAX_FIELDS)) out.add(compact(name));
    }
  }
  return out;
}

/** Words that name a pushed message outright: an identity provider's own webhooks (`/auth/webhook`, "Okta SSO event hook") stay receivers. */
const PUSHED_WORDS = new Set(['webhook', 'webhooks', 'hook', 'hooks', 'event', 'events', 'notification', 'notifications', 'postback', 'ipn']);

function signInRedirect(root: JsonObject, operation: Operation): boolean {
  const named = [...literalSegments(operation.pathKey).flatMap(segment => words(segment)), ...leadingWords(operation.node.operationId), ...leadingWords(operation.node.summary)];
  if (named.some(word => PUSHED_WORDS.has(word))) return false;
  if (named.some(word => SIGN_IN_WORDS.has(word))) return true;
  const fields = requestFieldNames(root, operation);
  return SIGN_IN_FIELDS.some(name => fields.has(name)) || (fields.has('code') && fields.has('state'));
}

function receivesMessages(root: JsonObject, operation: Operation): boolean {
  if (operation.method !== 'post') return false;
  if (signInRedirect(root, operation)) return false;
  const segments = literalSegments(operation.pathKey);
  const last = segments.length > 0 ? words(segments[segments.length - 1]) : [];
  if (last.length > 0 && RECEIVER_SEGMENTS.has(last[last.length - 1]) && !last.some(w => w === 'url' || w === 'urls' || w === 'config')) return true;
  const named = [operation.node.operationId, operation.node.summary].map(text => leadingWords(text));
  for (const list of named) {
    if (list.some(w => RECEIVING.has(w)) && list.some(w => MESSAGE_WORDS.has(w))) return true;
  }
  if (named.some(list => list.some(w => MANAGING.has(w)))) return false;
  for (const list of named) {
    if (list.some(w => RECEIVER_NOUNS.has(w)) && list.some(w => HOOK_WORDS.has(w))) return true;
  }
  // `/webhooks/stripe`, `/api/github/webhooks`: a route named for the sender, not a collection of the API's own webhooks.
  if (!operation.pathKey.includes('{')) {
    const pathWords = segments.flatMap(segment => words(segment));
    if (pathWords.some(w => HOOK_WORDS.has(w)) && pathWords.some(w => SENDERS.has(w))) return true;
  }
  return false;
}

function channels(analysis: Analysis): Channel[] {
  const { root } = analysis;
  const out: Channel[] = [];
  if (analysis.version === '3.1') {
    for (const [key, raw] of entries(root.webhooks)) {
      if (key.startsWith('x-')) continue;
      const operations = pathItemOperations(root, raw, ['webhooks', key]);
      if (operations.length > 0) out.push({ label: `Webhook ${quote(key, MAX_QUOTED_URL)}`, path: ['webhooks', key], operations, exemptIn: operations[0].pathItem });
    }
  }
  // ReDoc's `x-webhooks` documents webhooks in 2.0 and 3.0 the way 3.1's `webhooks` does.
  for (const [key, raw] of entries(root['x-webhooks'])) {
    const operations = pathItemOperations(root, raw, ['x-webhooks', key]);
    if (operations.length > 0) out.push({ label: `Webhook ${quote(key, MAX_QUOTED_URL)}`, path: ['x-webhooks', key], operations, exemptIn: operations[0].pathItem });
  }
  if (analysis.version !== '2.0') {
    const seen = new Set<object>();
    for (const operation of analysis.operations) {
      for (const [name, raw] of entries(operation.node.callbacks)) {
        const callback = deref(root, raw, [...operation.path, 'callbacks', name]);
        if (!isObject(callback.node) || seen.has(callback.node)) continue;
        seen.add(callback.node);
        const operations = entries(callback.node).filter(([expression]) => !expression.startsWith('x-')).flatMap(([expression, item]) => pathItemOperations(root, item, [...callback.path, expression]));
        if (operations.length > 0) out.push({ label: `Callback ${quote(name)} of ${describe(operation)}`, path: callback.path, operations, operation });
      }
    }
  }
  for (const operation of analysis.operations) {
    if (operation.container === 'paths' && receivesMessages(root, operation)) {
      out.push({ label: `${describe(operation)}, which receives webhooks,`, path: operation.path, operations: [{ node: operation.node, path: operation.path, pathItem: operation.pathItem }], receiver: operation, operation });
    }
  }
  return out;
}

function signatureHeader(name: string, listed: ReadonlySet<string>): boolean {
  const list = words(name);
  return listed.has(list.join('')) || list.some(word => SIGNATURE_WORDS.has(word));
}

function verified(analysis: Analysis, channel: Channel, listed: ReadonlySet<string>): boolean {
  if (channel.receiver && channel.receiver.security.state === 'required') return true;
  for (const { node, path, pathItem } of channel.operations) {
    if (asArray(node.security).some(requirement => isObject(requirement) && Object.keys(requirement).length > 0)) return true;
    const texts = [node.description, node.summary, pathItem.description, pathItem.summary];
    const parameters = [...asArray(pathItem.parameters), ...asArray(node.parameters)];
    for (let i = 0; i < parameters.length; i++) {
      const parameter = deref(analysis.root, parameters[i], [...path, 'parameters', i]).node;
      if (!isObject(parameter) || typeof parameter.name !== 'string' || String(parameter.in).toLowerCase() !== 'header') continue;
      if (signatureHeader(parameter.name, listed)) return true;
      texts.push(parameter.description);
    }
    const body = deref(analysis.root, node.requestBody, [...path, 'requestBody']).node;
    if (isObject(body)) texts.push(body.description);
    if (texts.some(text => documentsVerification(prose(text)))) return true;
  }
  return false;
}

/** The description says, once for every webhook, how they are signed: `info`, a tag, or the external docs. */
function documentedOnce(root: JsonObject): boolean {
  const texts = [isObject(root.info) ? root.info.description : undefined, isObject(root.externalDocs) ? root.externalDocs.description : undefined];
  for (const tag of asArray(root.tags)) if (isObject(tag)) texts.push(tag.description, isObject(tag.externalDocs) ? tag.externalDocs.description : undefined);
  return texts.some(text => {
    const value = prose(text);
    return MESSAGES_PROSE.test(value) && documentsVerification(value);
  });
}

/**
 * Webhooks (3.1 `webhooks`, ReDoc's `x-webhooks`), callbacks (3.x) and operations that receive
 * webhooks, with no documented way for their receiver to verify who sent them: no signature
 * header, no security requirement, no prose naming a signature or HMAC (OWASP API10).
 */
export const webhookVerification = analysisFunction<WebhookVerificationOptions>(
  'webhookVerification',
  objectOptions({ webhookSignatureHeaders: stringList('Header names that carry a webhook signature or its parts.') }),
  defaultLists('webhookSignatureHeaders'),
  function* ({ analysis, options }): Iterable<Finding> {
    const all = channels(analysis);
    if (all.length === 0 || documentedOnce(analysis.root)) return;
    const listed = compactSet(options.webhookSignatureHeaders);
    for (const channel of all) {
      if (verified(analysis, channel, listed)) continue;
      const whom = channel.receiver ? 'the API cannot tell a forged webhook from a real one' : 'its receivers cannot tell a forged request from a real one';
      const fix = channel.receiver
        ? 'require a signature header (such as `X-Hub-Signature-256`, `Stripe-Signature` or the Standard Webhooks `webhook-signature`) or a security requirement, and describe how it is checked'
        : 'document the signature header the API sends (such as `X-Hub-Signature-256`, `Stripe-Signature` or the Standard Webhooks `webhook-id`/`webhook-timestamp`/`webhook-signature`), or a security requirement, and how receivers verify it';
      yield { message: `${channel.label} documents no way to verify its requests, so ${whom}: ${fix}.`, path: channel.path, operation: channel.operation, exemptIn: channel.exemptIn };
    }
  },
);
