import { describe, expect, it } from 'vitest';
import { base, found, messagesOf, onlyRule, VERSIONS, type Doc } from '../helpers.js';

/** webhook-verification-undocumented (functions/outbound/webhook-verification.ts). */
const RULE = 'webhook-verification-undocumented';
const only = onlyRule(RULE);
const ok = { '200': { description: 'OK' } };

/** A message the API sends: a POST with a JSON payload, plus operation fields. */
const message = (extra: Doc = {}): Doc => ({ post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok, ...extra } });
const header = (name: string): Doc => ({ name, in: 'header', required: true, schema: { type: 'string' } });

describe('3.1 webhooks', () => {
  const doc = (webhook: Doc, extra: Doc = {}) => base('3.1', { webhooks: { newPet: webhook }, ...extra });

  it('flags a webhook that documents no verification, once, on the webhook', async () => {
    expect(await found(RULE, doc({ ...message(), put: message().post }), only)).toEqual(['webhooks.newPet']);
    const [text] = await messagesOf(RULE, doc(message()), only);
    expect(text).toContain('Webhook "newPet"');
    expect(text).toContain('X-Hub-Signature-256');
  });

  it.each([
    ['X-Hub-Signature-256', { parameters: [header('X-Hub-Signature-256')] }],
    ['Stripe-Signature', { parameters: [header('Stripe-Signature')] }],
    ['the Standard Webhooks webhook-id', { parameters: [header('webhook-id')] }],
    ['a vendor signature header', { parameters: [header('X-Acme-Signature-Ed25519')] }],
    ['an HMAC header', { parameters: [header('X-Shop-Hmac-Sha256')] }],
    ['a security requirement', { security: [{ hmac: [] }] }],
    ['prose', { description: 'Each request is signed with HMAC-SHA256 of the body; verify it with your endpoint secret.' }],
  ])('leaves a webhook verified by %s alone', async (_, extra) => {
    expect(await found(RULE, doc(message(extra)), only)).toEqual([]);
  });

  it('takes the signature header from the path item, and a $ref path item', async () => {
    expect(await found(RULE, doc({ parameters: [header('Webhook-Signature')], ...message() }), only)).toEqual([]);
    const referenced = base('3.1', { webhooks: { newPet: { $ref: '#/components/pathItems/NewPet' } }, components: { pathItems: { NewPet: message() } } });
    expect(await found(RULE, referenced, only)).toEqual(['webhooks.newPet']);
  });

  it('an empty requirement is no verification; a description that documents signatures once covers every webhook', async () => {
    expect(await found(RULE, doc(message({ security: [{}] })), only)).toEqual(['webhooks.newPet']);
    const info = { info: { title: 'Pets', version: '1', description: 'Webhooks carry a `Pet-Signature` header: an HMAC of the body with your secret.' } };
    expect(await found(RULE, doc(message(), info), only)).toEqual([]);
    const unrelated = { info: { title: 'Pets', version: '1', description: 'Documents are signed by the vet.' } };
    expect(await found(RULE, doc(message(), unrelated), only)).toEqual(['webhooks.newPet']);
  });

  it('webhookSignatureHeaders: a team header counts', async () => {
    const custom = doc(message({ parameters: [header('X-Pet-Auth')] }));
    expect(await found(RULE, custom, only)).toEqual(['webhooks.newPet']);
    expect(await found(RULE, custom, onlyRule(RULE, { webhookSignatureHeaders: { add: ['X-Pet-Auth'] } }))).toEqual([]);
  });
});

describe.each(['3.0', '3.1'] as const)('%s callbacks', version => {
  const subscribe = (callbacks: Doc, extra: Doc = {}) =>
    base(version, { paths: { '/subscriptions': { post: { responses: { '201': { description: 'Created' } }, callbacks } }, '/other': { post: { responses: ok, callbacks } } }, ...extra });

  it('flags a callback once, where it is written (a shared component once)', async () => {
    expect(await found(RULE, subscribe({ onEvent: { '{$request.body#/callbackUrl}': message() } }), only)).toEqual(['paths./other.post.callbacks.onEvent', 'paths./subscriptions.post.callbacks.onEvent']);
    const shared = subscribe({ onEvent: { $ref: '#/components/callbacks/Event' } }, { components: { callbacks: { Event: { '{$request.body#/callbackUrl}': message() } } } });
    expect(await found(RULE, shared, only)).toEqual(['components.callbacks.Event']);
  });

  it('leaves a signed callback alone', async () => {
    expect(await found(RULE, subscribe({ onEvent: { '{$request.body#/callbackUrl}': message({ parameters: [header('X-Signature')] }) } }), only)).toEqual([]);
  });
});

describe.each(VERSIONS)('%s: operations that receive webhooks, and x-webhooks', version => {
  const body = version === '2.0' ? { parameters: [{ name: 'body', in: 'body', schema: { type: 'object' } }] } : { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } };
  const receiver = (path: string, extra: Doc = {}, root: Doc = {}) => base(version, { paths: { [path]: { post: { ...body, responses: ok, ...extra } } }, ...root });

  it('flags POST /webhook and a receiveWebhook operation without verification', async () => {
    expect(await found(RULE, receiver('/payments/webhook'), only)).toEqual(['paths./payments/webhook.post']);
    expect(await found(RULE, receiver('/events', { operationId: 'receiveStripeEvent' }), only)).toEqual(['paths./events.post']);
  });

  it('leaves a receiver with required security, a signature header or prose alone', async () => {
    const scheme = version === '2.0' ? { securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } } : { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } } };
    expect(await found(RULE, receiver('/webhook', {}, { ...scheme, security: [{ key: [] }] }), only)).toEqual([]);
    const sig = version === '2.0' ? { name: 'X-Hub-Signature-256', in: 'header', type: 'string' } : header('X-Hub-Signature-256');
    expect(await found(RULE, receiver('/webhook', { parameters: [...((body as Doc).parameters as Doc[] ?? []), sig] }), only)).toEqual([]);
    expect(await found(RULE, receiver('/webhook', { description: 'Verify the Signature header before trusting the event.' }), only)).toEqual([]);
  });

  it('leaves webhook management and OAuth callbacks alone', async () => {
    expect(await found(RULE, receiver('/webhooks'), only)).toEqual([]);
    expect(await found(RULE, receiver('/repos/{repo}/hooks', { operationId: 'createWebhook' }), only)).toEqual([]);
    expect(await found(RULE, base(version, { paths: { '/oauth/callback': { get: { responses: ok } } } }), only)).toEqual([]);
    expect(await found(RULE, receiver('/webhook_url'), only)).toEqual([]);
  });

  it('flags a receiver and an x-webhooks entry whose prose denies verification or promises it for later', async () => {
    const denials = [
      'These notifications are not signed; do not rely on them for anything security-relevant.',
      'Deliveries carry no signature. Secure your endpoint with an unguessable URL.',
      'Signature verification is not supported yet.',
      'HMAC signing is planned for a future release.',
    ];
    for (const description of denials) {
      expect(await found(RULE, receiver('/payments/webhook', { description }), only)).toEqual(['paths./payments/webhook.post']);
      expect(await found(RULE, base(version, { paths: {}, 'x-webhooks': { orderPaid: { $ref: '#/x-shared/Paid' } }, 'x-shared': { Paid: { post: { description, responses: ok } } } }), only)).toEqual(['x-webhooks.orderPaid']);
    }
    expect(await found(RULE, base(version, { info: { title: 'T', version: '1', description: 'Webhooks are not signed.' }, paths: {}, 'x-webhooks': { orderPaid: { post: { responses: ok } } } }), only)).toEqual(['x-webhooks.orderPaid']);
  });

  it('prose that enforces the signature, or signs beside a denial of something else, still documents it', async () => {
    for (const description of ['Requests without a valid signature are rejected.', "Deliveries are not retried, but each is signed with HMAC-SHA256.", 'Do not trust a payload whose signature does not match.']) {
      expect(await found(RULE, receiver('/payments/webhook', { description }), only)).toEqual([]);
    }
    expect(await found(RULE, base(version, { info: { title: 'T', version: '1', description: 'Webhooks are not retried. Each webhook is signed with HMAC.' }, paths: {}, 'x-webhooks': { orderPaid: { post: { responses: ok } } } }), only)).toEqual([]);
  });

  it('leaves a sign-in redirect (OIDC form_post, SAML) alone, but not an identity provider\'s own webhook', async () => {
    const form = version === '2.0'
      ? { consumes: ['application/x-www-form-urlencoded'], parameters: [{ name: 'code', in: 'formData', type: 'string' }, { name: 'state', in: 'formData', type: 'string' }] }
      : { requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/Redirect' } } } } };
    const root = version === '2.0' ? {} : { components: { schemas: { Redirect: { type: 'object', properties: { code: { type: 'string' }, id_token: { type: 'string' }, state: { type: 'string' } } } } } };
    for (const path of ['/auth/callback', '/oauth/callback', '/login/callback', '/sso/callback', '/auth/{provider}/callback']) {
      expect(await found(RULE, receiver(path, { summary: 'Redirect URI (response_mode=form_post)', security: [] }), only)).toEqual([]);
    }
    expect(await found(RULE, receiver('/callback', { ...form, summary: 'Redirect URI' }, root), only)).toEqual([]);
    expect(await found(RULE, receiver('/callback', { operationId: 'oidcFormPostCallback' }), only)).toEqual([]);
    expect(await found(RULE, receiver('/auth/webhook'), only)).toEqual(['paths./auth/webhook.post']);
    expect(await found(RULE, receiver('/sso/callback', { operationId: 'receiveSsoEvents' }), only)).toEqual(['paths./sso/callback.post']);
    expect(await found(RULE, receiver('/payments/callback'), only)).toEqual(['paths./payments/callback.post']);
  });

  it('flags a receiver route named for its sender, and a summary that calls it a webhook receiver', async () => {
    expect(await found(RULE, receiver('/webhooks/stripe', { operationId: 'stripeWebhook' }), only)).toEqual(['paths./webhooks/stripe.post']);
    expect(await found(RULE, receiver('/api/github/webhooks', { summary: 'GitHub webhook receiver' }), only)).toEqual(['paths./api/github/webhooks.post']);
    expect(await found(RULE, receiver('/integrations/inbound', { summary: 'Webhook listener for partner events' }), only)).toEqual(['paths./integrations/inbound.post']);
  });

  it('leaves sender-named webhook management and a receiver noun in a managing operation alone', async () => {
    expect(await found(RULE, receiver('/integrations/github/webhooks', { operationId: 'createGithubWebhook' }), only)).toEqual([]);
    expect(await found(RULE, receiver('/webhooks/stripe/test', { summary: 'Test the Stripe webhook' }), only)).toEqual([]);
    expect(await found(RULE, receiver('/repos/{repo}/github/hooks'), only)).toEqual([]);
    expect(await found(RULE, receiver('/receivers', { summary: 'Create a webhook receiver' }), only)).toEqual([]);
    expect(await found(RULE, receiver('/stripe/customers'), only)).toEqual([]);
  });

  it('flags an x-webhooks entry without verification', async () => {
    const doc = base(version, { paths: {}, 'x-webhooks': { orderPaid: { post: { responses: ok } } } });
    expect(await found(RULE, doc, only)).toEqual(['x-webhooks.orderPaid']);
    const signed = base(version, { paths: {}, 'x-webhooks': { orderPaid: { post: { parameters: [version === '2.0' ? { name: 'Stripe-Signature', in: 'header', type: 'string' } : header('Stripe-Signature')], responses: ok } } } });
    expect(await found(RULE, signed, only)).toEqual([]);
  });

  it('reports nothing on a description without webhooks', async () => {
    expect(await found(RULE, base(version, { paths: { '/things': { get: { responses: ok } } } }), only)).toEqual([]);
  });
});

describe('exemptions', () => {
  const reason = 'Accepted in this test: delivered over mutual TLS to receivers registered by staff.';
  it('an exemption on the webhook path item, or on the operation owning a callback, silences it', async () => {
    const webhook = base('3.1', { webhooks: { newPet: { 'x-api-security-exemptions': { [RULE]: reason }, ...message() } } });
    expect(await found(RULE, webhook, only)).toEqual([]);
    const callback = base('3.0', { paths: { '/subscriptions': { post: { 'x-api-security-exemptions': { [RULE]: reason }, responses: ok, callbacks: { onEvent: { '{$request.body#/url}': message() } } } } } });
    expect(await found(RULE, callback, only)).toEqual([]);
  });
});
