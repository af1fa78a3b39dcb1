// Which reads are private records: one object by its path identifier, or credentials and
// personal data in a success response (by the data dictionaries), and the look-alikes that are not.
import { describe, expect, it } from 'vitest';
import { analyse, objectIdentifier, privateRead } from '../../../functions/analysis/index.js';
import { DEFAULT_LISTS } from '../../../functions/core/defaults.js';
import { doc, operationOf, response, type Doc, type Version } from './fixtures.js';

const VOCABULARY = { credentialNames: DEFAULT_LISTS.credentialNames, personalDataNames: DEFAULT_LISTS.personalDataNames, taxIdNames: DEFAULT_LISTS.taxIdNames };

describe('objectIdentifier', () => {
  it.each([
    ['/users/{userId}', 'userId'],
    ['/users/{id}/orders', 'id'],
    ['/repos/{owner}/{repo}', 'owner'],
    ['/v1/customers/{customer}', 'customer'],
    ['/tokens/{token}', 'token'],
    ['/shipping_rates/{shipping_rate_token}', 'shipping_rate_token'],
  ])('%s is addressed by {%s}', (pathKey, name) => {
    expect(objectIdentifier(pathKey)).toBe(name);
  });

  it.each([
    ['/products', 'a collection'],
    ['/{tenant}/products', 'a leading parameter mounts the API'],
    ['/docs/{lang}', 'a language selects a representation'],
    ['/rates/{currency}', 'a currency selects a slice of public data'],
    ['/archive/{year}/{month}', 'dates'],
    ['/uploads/{signature}', 'a capability URL carries its own secret'],
    ['/invites/{code}', 'a code shared on purpose: holding it is the permission'],
    ['/countries/{country_code}', 'a code that names public data'],
    ['/files/{', 'a broken template'],
  ])('%s has none (%s)', pathKey => {
    expect(objectIdentifier(pathKey)).toBeUndefined();
  });
});

describe.each<Version>(['2.0', '3.0', '3.1'])('privateRead (%s)', version => {
  const schemasKey = version === '2.0' ? 'definitions' : 'components';
  const ref = (name: string) => (version === '2.0' ? `#/definitions/${name}` : `#/components/schemas/${name}`);
  const withSchemas = (schemas: Doc): Doc => (version === '2.0' ? { definitions: schemas } : { [schemasKey]: { schemas } });
  const judge = (pathKey: string, schema: unknown, schemas: Doc = {}, status = '200') => {
    const analysis = analyse(doc(version, { paths: { [pathKey]: { get: { responses: { [status]: response(version, schema) } } } }, ...withSchemas(schemas) }));
    return privateRead(analysis, operationOf(analysis, 'get', pathKey), VOCABULARY)?.because;
  };
  const object = (properties: Doc): Doc => ({ type: 'object', properties });

  it('one object by its path identifier', () => {
    expect(judge('/invoices/{invoiceId}', object({ total: { type: 'number' } }))).toContain('`{invoiceId}`');
  });

  it('personal data or credentials in the response: inline, through $ref, allOf, array items and nested objects', () => {
    expect(judge('/people', object({ ssn: { type: 'string' } }))).toContain('`ssn`');
    expect(judge('/people', { $ref: ref('Person') }, { Person: object({ passportNumber: { type: 'string' } }) })).toContain('`passportNumber`');
    expect(judge('/people', { allOf: [{ $ref: ref('Base') }, object({ name: { type: 'string' } })] }, { Base: object({ card_number: { type: 'string' } }) })).toContain('`card_number`');
    expect(judge('/people', { type: 'array', items: object({ owner: object({ apiKey: { type: 'string' } }) }) })).toContain('`apiKey`');
  });

  it('the data rules\' judgement: a person\'s tax id, a pem, a PEM private key by value, a format: password', () => {
    expect(judge('/catalogue', { $ref: ref('User') }, { User: object({ tax_id: { type: 'string' } }) })).toContain('`tax_id`');
    expect(judge('/catalogue', object({ app: object({ pem: { type: 'string' } }) }))).toContain('`pem`');
    expect(judge('/catalogue', object({ key: { type: 'string', example: '-----BEGIN PRIVATE KEY-----' } }))).toContain('`key`');
    expect(judge('/catalogue', object({ credential: { type: 'string', format: 'password' } }))).toContain('`credential`');
  });

  it.each<[string, unknown]>([
    ['public fields only', object({ name: { type: 'string' }, price: { type: 'number' } })],
    ['a flag about a password', object({ hasPassword: { type: 'boolean' } })],
    ['a date about a password', object({ passwordChangedAt: { type: 'string', format: 'date-time' } })],
    ['a write-only password', object({ password: { type: 'string', writeOnly: true } })],
    ['a masked card number', object({ card_number: { type: 'string', example: '****4242' } })],
    ['a secret\'s name, not the secret', object({ secretName: { type: 'string' } })],
    ['a company\'s tax id', object({ company: object({ tax_id: { type: 'string' } }) })],
    ['a certificate', object({ certificate_pem: { type: 'string', example: '-----BEGIN CERTIFICATE-----' } })],
  ])('not private: %s', (_, schema) => {
    expect(judge('/catalogue', schema)).toBeUndefined();
  });

  // Swagger 2.0 names media types per operation (`produces`), not per response.
  it.runIf(version !== '2.0')('an image rendered for embedding (a widget, a badge) is not a record, even of one object', () => {
    const analysis = analyse(doc(version, { paths: { '/guilds/{guild_id}/widget.png': { get: { responses: { '200': { description: 'OK', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } } } } } } }));
    expect(privateRead(analysis, operationOf(analysis, 'get', '/guilds/{guild_id}/widget.png'), VOCABULARY)).toBeUndefined();
    const json = analyse(doc(version, { paths: { '/guilds/{guild_id}/widget.json': { get: { responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } } } } } } }));
    expect(privateRead(json, operationOf(json, 'get', '/guilds/{guild_id}/widget.json'), VOCABULARY)?.because).toContain('`{guild_id}`');
  });

  it('error responses are not what the read returns', () => {
    expect(judge('/catalogue', object({ password: { type: 'string' } }), {}, '404')).toBeUndefined();
  });

  it('survives cycles and hostile values', () => {
    expect(judge('/nodes', { $ref: ref('Node') }, { Node: object({ child: { $ref: ref('Node') }, items: 7, properties: null }) })).toBeUndefined();
    expect(judge('/nodes', { type: 'object', properties: [1, 2], allOf: 'x' })).toBeUndefined();
  });
});
