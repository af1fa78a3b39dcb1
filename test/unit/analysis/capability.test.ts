// Capability URLs: path parameters that are the credential, and the look-alikes that are not.
import { describe, expect, it } from 'vitest';
import { capabilityParameters, isHandedOutUrl, isSecretName, namesCollectionItem, ownCredential, phrases, requiredBodyCredential } from '../../../functions/analysis/index.js';
import { DEFAULT_LISTS } from '../../../functions/core/defaults.js';
import { doc, json, oneOperation, onlyOperation, type Doc, type Version } from './fixtures.js';

describe('isSecretName', () => {
  it.each(['webhook_token', 'interactionToken', 'token', 'signature', 'upload-sig', 'client_secret', 'api_key', 'accessKey', 'signing_key'])('%s is a secret', name => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each(['page_token', 'nextToken', 'continuation_token', 'key', 'object_key', 'tokenId', 'token_type', 'signature_id', 'secretName', ''])('%s is not', name => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('namesCollectionItem', () => {
  it.each([
    ['/tokens/{token}', 'token', true],
    ['/v1/tokens/{token}', 'token', true],
    ['/keys/{access_key}', 'access_key', true],
    ['/v1/shipping_rates/{shipping_rate_token}', 'shipping_rate_token', true],
    ['/webhooks/{id}/{webhook_token}', 'webhook_token', false],
    ['/{token}', 'token', false],
  ])('%s: {%s} names an item of the collection: %s', (pathKey, parameter, expected) => {
    expect(namesCollectionItem(pathKey, parameter)).toBe(expected);
  });
});

describe('capabilityParameters', () => {
  const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

  it('the secret path parameters of an operation, not its ids, cursors or collection items', () => {
    const operation = onlyOperation(oneOperation('post', '/webhooks/{webhook_id}/{webhook_token}', { parameters: [path('webhook_id'), path('webhook_token')] }));
    expect(capabilityParameters(operation).map(p => p.name)).toEqual(['webhook_token']);
    const item = onlyOperation(oneOperation('get', '/tokens/{token}', { parameters: [path('token')] }));
    expect(capabilityParameters(item)).toEqual([]);
  });

  it('only path parameters: a query token is a credential in the URL, not a capability path', () => {
    const operation = onlyOperation(oneOperation('get', '/files', { parameters: [{ name: 'signature', in: 'query', schema: { type: 'string' } }] }));
    expect(capabilityParameters(operation)).toEqual([]);
  });
});

describe('isHandedOutUrl', () => {
  it.each(['/<upload_url>', '/{presigned_url}', '/{downloadLink}', '/<location>'])('%s is a URL handed out at run time', pathKey => {
    expect(isHandedOutUrl(pathKey)).toBe(true);
  });

  it.each(['/uploads', '/{id}', '/files/{file_url}', '/<name>', '/', ''])('%s is a route', pathKey => {
    expect(isHandedOutUrl(pathKey)).toBe(false);
  });
});

describe.each<Version>(['2.0', '3.0', '3.1'])('requiredBodyCredential and ownCredential (%s)', version => {
  const dictionary = phrases(DEFAULT_LISTS.credentialNames);
  const withBody = (schema: unknown, definitions: Doc = {}): Doc =>
    version === '2.0'
      ? doc(version, { paths: { '/unmerge': { post: { parameters: [{ name: 'body', in: 'body', schema }], responses: { '200': { description: 'OK' } } } } }, definitions })
      : doc(version, { paths: { '/unmerge': { post: { requestBody: { content: json(schema) }, responses: { '200': { description: 'OK' } } } } }, components: { schemas: definitions } });
  const ref = (name: string) => (version === '2.0' ? `#/definitions/${name}` : `#/components/schemas/${name}`);
  const credentialOf = (document: Doc) => requiredBodyCredential(document, onlyOperation(document), dictionary);

  it('a credential the body requires, inline or through $ref and allOf', () => {
    expect(credentialOf(withBody({ type: 'object', required: ['client_id', 'external_auth_token'], properties: { external_auth_token: { type: 'string' } } }))).toBe('external_auth_token');
    expect(credentialOf(withBody({ $ref: ref('Unmerge') }, { Unmerge: { allOf: [{ $ref: ref('Client') }, { type: 'object' }] }, Client: { required: ['client_secret'] } }))).toBe('client_secret');
  });

  it('not an optional credential, a flag about one, nor anything in a malformed body', () => {
    expect(credentialOf(withBody({ type: 'object', required: ['name'], properties: { password: { type: 'string' } } }))).toBeUndefined();
    expect(credentialOf(withBody({ type: 'object', required: ['has_password', 'password_changed_at'] }))).toBeUndefined();
    expect(credentialOf(withBody({ type: 'object', required: 'password' }))).toBeUndefined();
    expect(credentialOf(withBody({ required: [7, null, { password: 1 }] }))).toBeUndefined();
  });

  it('ownCredential names what authenticates the caller', () => {
    expect(ownCredential(withBody({ required: ['password'] }), onlyOperation(withBody({ required: ['password'] })), dictionary)).toBe('password');
    const upload = doc(version, { paths: { '/<upload_url>': { put: { responses: { '200': { description: 'OK' } } } } } });
    expect(ownCredential(upload, onlyOperation(upload), dictionary)).toBe('/<upload_url>');
  });
});
