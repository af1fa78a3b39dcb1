// Capability URLs: path parameters that are the credential, and the look-alikes that are not.
import { describe, expect, it } from 'vitest';
import { capabilityParameters, isSecretName, namesCollectionItem } from '../../../functions/analysis/index.js';
import { oneOperation, onlyOperation } from './fixtures.js';

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
