// The data dictionaries' name matcher: phrases inside longer names, the value words that keep a
// phrase a value and the words that make it metadata, abbreviations, PEM blocks, and whose value
// a tax id is (a person's or an organisation's).
import { describe, expect, it } from 'vitest';
import {
  contextNames,
  declaresPrivateKey,
  holderOf,
  inShapeSchema,
  matchName,
  matchNameAt,
  phrases,
  qualifiedWords,
  sensitiveProperty,
  words,
  type JsonObject,
  type Located,
} from '../../../functions/analysis/index.js';
import { DEFAULT_LISTS } from '../../../functions/core/defaults.js';

const credentials = phrases(DEFAULT_LISTS.credentialNames);
const personal = phrases(DEFAULT_LISTS.personalDataNames);
const taxIds = phrases(DEFAULT_LISTS.taxIdNames);
const credential = (name: string) => matchName(words(name), credentials, { plural: true })?.entry;
const personalData = (name: string) => matchName(words(name), personal, { personal: true })?.entry;

describe('matchName: credentials', () => {
  it.each([
    ['signingPrivateKey', 'private_key'],
    ['accessTokenValue', 'access_token'],
    ['personal_access_token', 'access_token'],
    ['passwd', 'passwd'],
    ['userPwd', 'pwd'],
    ['pin_code', 'pin'],
    ['secret_key', 'secret'],
    ['privkey', 'privkey'],
    ['ssh_priv_key', 'privkey'],
    ['secretAccessKey', 'secret_access_key'],
    ['private_key_data', 'private_key'],
    ['signing_key_pkcs8', 'signing_key'],
    ['password_new', 'password'],
    ['temporary_password', 'password'],
    ['pem', 'pem'],
    ['key_pem', 'key_pem'],
    ['private_key_pem', 'private_key'],
    ['passcode', 'passcode'],
    ['card_security_code', 'card_security_code'],
    ['recovery_codes', 'recovery_code'],
    ['password_reset_token', 'reset_token'],
    ['seedPhrase', 'seed_phrase'],
  ])('"%s" holds %s', (name, entry) => {
    expect(credential(name)).toBe(entry);
  });

  it.each([
    'has_password', 'password_changed_at', 'passwordSet', 'password_expires_at', 'token_count', 'access_token_url', 'token_type',
    'token_expires_in', 'api_key_id', 'key_name', 'password_policy', 'password_min_length', 'min_password_length', 'password_hint',
    'client_secret_expires_at', 'secret_scanning_alerts', 'secretKeyRef', 'api_key_prefix', 'num_api_keys', 'total_passwords',
    'max_pin_attempts', 'public_api_key', 'publishable_key', 'public_key_pem', 'cert_pem', 'ca_pem', 'chain_pem', 'certificate',
    'compass', 'passage', 'spinner', 'pass_count', 'token', 'next_page_token', 'skip_pin', 'last_pin_timestamp', 'tokenized_password',
  ])('"%s" holds none', name => {
    expect(credential(name)).toBeUndefined();
  });

  it('a generic pem is read with its schema: App.pem is a key, Certificate.pem and CaBundle.pem are not', () => {
    const pem = (owner: string) => matchName(qualifiedWords('pem', ['components', 'schemas', owner, 'properties', 'pem']), credentials)?.entry;
    expect(pem('App')).toBe('pem');
    expect(pem('integration')).toBe('pem');
    expect(pem('Certificate')).toBeUndefined();
    expect(pem('CaBundle')).toBeUndefined();
    expect(pem('ServerCert')).toBeUndefined();
  });

  it('reports where the phrase starts', () => {
    expect(matchNameAt(words('signingPrivateKey'), credentials)).toEqual({ phrase: { entry: 'private_key', compact: 'privatekey' }, start: 1 });
  });
});

describe('matchName: personal data', () => {
  it.each([
    ['card_number_full', 'card_number'],
    ['fullCardNumber', 'card_number'],
    ['passport_no', 'passport_number'],
    ['cardNum', 'card_number'],
    ['bank_account_nr', 'bank_account_number'],
    ['national_id', 'national_id'],
    ['itin', 'itin'],
    ['ssn', 'ssn'],
  ])('"%s" holds %s', (name, entry) => {
    expect(personalData(name)).toBe(entry);
  });

  it.each(['card_number_last4', 'masked_card_number', 'card_number_token', 'tokenized_card_number', 'ssn_last_4', 'passport_number_type', 'tax_id'])('"%s" holds none', name => {
    expect(personalData(name)).toBeUndefined();
  });

  it('an entry written out wins over another entry\'s abbreviation', () => {
    const dictionary = phrases(['card_number', 'card_no']);
    expect(matchName(['card', 'no'], dictionary)?.entry).toBe('card_no');
    expect(matchName(['card', 'num'], dictionary)?.entry).toBe('card_number');
  });

  it('ignores entries that are not strings or have no words', () => {
    expect(phrases([42 as unknown as string, '', '--', 'ssn']).size).toBe(1);
    expect(phrases(undefined as unknown as string[]).size).toBe(0);
  });
});

describe('holderOf', () => {
  const holder = (name: string, context: string[] = []) => {
    const nameWords = words(name);
    const at = matchNameAt(nameWords, taxIds);
    return at ? holderOf(nameWords, at.start, context) : 'no match';
  };

  it.each<[string, string[], string | undefined]>([
    ['tax_id', ['User'], 'person'],
    ['tax_id', ['tax_info', 'Person'], 'person'],
    ['individual_tax_id', [], 'person'],
    ['taxId', ['employees'], 'person'],
    ['tax_id', ['company', 'User'], 'organization'],
    ['company_tax_id', ['User'], 'organization'],
    ['tax_id', ['Merchant'], 'organization'],
    ['customer_tax_id', ['Invoice'], undefined],
    ['tax_id', ['invoices_resource_invoice_tax_id'], undefined],
    ['tax_id', ['Customer'], undefined],
    ['tax_id', ['Businesses'], 'organization'],
    ['tax_id', ['companies'], 'organization'],
  ])('%s in %j: %s', (name, context, expected) => {
    expect(holder(name, context)).toBe(expected);
  });

  it('reads the names around a declaration, nearest first, up to the schema or the path', () => {
    expect(contextNames(['components', 'schemas', 'User', 'properties', 'billing', 'properties', 'tax_id'])).toEqual(['billing', 'User']);
    expect(contextNames(['definitions', 'Person', 'properties', 'ids', 'items', 'properties', 'tax_id'])).toEqual(['ids', 'Person']);
    expect(contextNames(['paths', '/users/{id}/profile', 'get', 'responses', '200', 'schema', 'properties', 'tax_id'])).toEqual(['profile']);
    expect(contextNames(['paths', '/users/search', 'get', 'responses', '200', 'schema', 'properties', 'tax_id'])).toEqual(['users']);
    expect(contextNames(['tax_id'])).toEqual([]);
  });
});

describe('declaresPrivateKey', () => {
  const at = (node: JsonObject): Array<Located<JsonObject>> => [{ node, path: [] }];
  const says = (node: JsonObject) => declaresPrivateKey(at(node), {});

  it.each<[string, JsonObject]>([
    ['an example PEM block', { type: 'string', example: '-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----' }],
    ['an encrypted PKCS#8 default', { type: 'string', default: '-----BEGIN ENCRYPTED PRIVATE KEY-----\n...' }],
    ['an OpenSSH key in examples', { type: 'string', examples: ['-----BEGIN OPENSSH PRIVATE KEY-----\n...'] }],
    ['a pattern', { type: 'string', pattern: '^-----BEGIN (RSA |EC )?PRIVATE KEY-----' }],
    ['a format', { type: 'string', format: 'pem-private-key' }],
    ['a description that calls it one', { type: 'string', description: 'The PEM-encoded private key of the app.' }],
    ['a short description', { type: 'string', description: 'Private key for TLS client authentication' }],
  ])('yes: %s', (_, node) => {
    expect(says(node)).toBe(true);
  });

  it.each<[string, JsonObject]>([
    ['a certificate', { type: 'string', example: '-----BEGIN CERTIFICATE-----\nMIID...' }],
    ['a public key', { type: 'string', example: '-----BEGIN PUBLIC KEY-----\nMIIB...' }],
    ['a fingerprint', { type: 'string', description: 'Private key fingerprint (SHA-256).' }],
    ['a path', { type: 'string', description: 'Path to the private key file.' }],
    ['a description that only mentions one', { type: 'string', description: 'A proof that the caller holds the private key.' }],
    ['nothing', { type: 'string' }],
  ])('no: %s', (_, node) => {
    expect(says(node)).toBe(false);
  });

  it('reads the declaration written beside a $ref too', () => {
    expect(declaresPrivateKey(at({ type: 'string' }), { example: '-----BEGIN EC PRIVATE KEY-----' })).toBe(true);
  });
});

describe('sensitiveProperty', () => {
  const root = {};
  const str: Array<Located<JsonObject>> = [{ node: { type: 'string' }, path: [] }];
  const judge = (name: string, declaration: Array<string | number>, members = str, declared: JsonObject = {}) =>
    sensitiveProperty(root, name, [...declaration, 'properties', name], members, declared, { credentials, personal, taxIds });

  it('a schema that describes a credential\'s shape holds none', () => {
    expect(inShapeSchema(['definitions', 'RegistryCredentialPattern', 'properties', 'access_secret_data'])).toBe(true);
    expect(judge('access_secret_data', ['definitions', 'RegistryCredentialPattern'])).toBeUndefined();
    expect(judge('access_secret_data', ['definitions', 'RegistryCredential'])).toEqual({ kind: 'credential', what: 'secret', issuable: true });
  });

  it('tax ids are personal data where a person holds them', () => {
    expect(judge('tax_id', ['components', 'schemas', 'User'])).toEqual({ kind: 'personal', what: 'tax_id', issuable: false });
    expect(judge('tax_id', ['components', 'schemas', 'Invoice'])).toBeUndefined();
    expect(judge('vat_number', ['components', 'schemas', 'User'])).toBeUndefined();
  });

  it('a password is never issued; a key, secret, token or PEM private key may be', () => {
    expect(judge('password', ['definitions', 'User'])?.issuable).toBe(false);
    expect(judge('pem', ['definitions', 'App'])?.issuable).toBe(true);
    expect(judge('key', ['definitions', 'Sink'], [{ node: { type: 'string', example: '-----BEGIN PRIVATE KEY-----' }, path: [] }])).toEqual({ kind: 'credential', what: 'PEM private key', issuable: true });
  });

  it('not a boolean, a masked value or an object', () => {
    expect(judge('password', ['definitions', 'User'], [{ node: { type: 'boolean' }, path: [] }])).toBeUndefined();
    expect(judge('password', ['definitions', 'User'], str, { example: '********' })).toBeUndefined();
    expect(judge('key', ['definitions', 'Sink'], [{ node: { type: 'object', example: '-----BEGIN PRIVATE KEY-----' }, path: [] }])).toBeUndefined();
  });
});
