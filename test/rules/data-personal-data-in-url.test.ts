import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, lint, messagesOf, param, response, testRule, VERSIONS, type Doc } from '../helpers.js';
import { accepts, api, at, EXEMPTIONS, get, object, ref } from '../fixtures/documents.js';

const RULE = 'data-personal-data-in-url';
const REASON = 'Accepted in this test.';

const PERSONAL = ['email', 'emailAddress', 'user_email', 'e-mail', 'phone', 'phone_number', 'PhoneNumber', 'mobile_number', 'msisdn', 'ssn', 'date_of_birth', 'dateOfBirth', 'dob', 'birthdate', 'card_number', 'account_number', 'iban', 'passport_number'];
const LOOK_ALIKES: Array<[string, Doc]> = [
  ['email_verified', { type: 'boolean' }],
  ['has_phone', { type: 'string' }],
  ['emailType', { type: 'string' }],
  ['email_domain', { type: 'string' }],
  ['phone_count', { type: 'integer' }],
  ['phonetic', { type: 'string' }],
  ['accountId', { type: 'string' }],
  ['birth_year_from', { type: 'integer' }],
  ['username', { type: 'string' }],
  ['page_token', { type: 'string' }],
  ['emailKind', { type: 'string', enum: ['work', 'home'] }],
  ['phone', { type: 'string', enum: ['mobile', 'landline'] }],
];

testRule(RULE, VERSIONS.flatMap(version => [
  {
    name: `${version}: an e-mail address in the query, at the parameter`,
    document: api(version, { '/users': { get: get(version, [param(version, 'limit', 'query', { type: 'integer', maximum: 100 }), param(version, 'email', 'query')]) } }),
    errors: [
      {
        path: ['paths', '/users', 'get', 'parameters', '1'],
        severity: DiagnosticSeverity.Warning,
        message: 'Parameter "email" puts personal data (email) in the query, where server, proxy and CDN logs and browser history keep it: send it in the request body or a header, or refer to the person by an opaque id.',
      },
    ],
  },
  {
    name: `${version}: not a look-alike name, an e-mail address in a header, nor one in the request body`,
    document: api(version, {
      '/users': { get: get(version, [param(version, 'email_verified', 'query', { type: 'boolean' }), param(version, 'email', 'header')]) },
      '/users/search': { post: accepts(version, object({ email: { type: 'string' } })) },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${RULE} (%s)`, version => {
  it.each(PERSONAL)('flags "%s" in the query, at the parameter, as a warning', async name => {
    const doc = api(version, { '/users': { get: get(version, [param(version, 'limit', 'query', { type: 'integer' }), param(version, name, 'query')]) } });
    const results = (await lint(doc)).filter(r => r.code === RULE);
    expect(results.map(r => r.path.join('.'))).toEqual(['paths./users.get.parameters.1']);
    expect(results[0].severity).toBe(DiagnosticSeverity.Warning);
    expect(results[0].message).toContain(`"${name}"`);
  });

  it.each(PERSONAL)('flags "%s" in the path', async name => {
    const doc = api(version, { [`/users/{${name}}`]: { get: get(version, [param(version, name, 'path')]) } });
    expect(await found(RULE, doc)).toEqual([`paths./users/{${name}}.get.parameters.0`]);
  });

  it.each(LOOK_ALIKES)('does not flag the look-alike "%s" (%j)', async (name, schema) => {
    const doc = api(version, { '/users': { get: get(version, [param(version, name, 'query', schema)]) } });
    expect(await found(RULE, doc)).toEqual([]);
  });

  const safeLocations = version === '2.0' ? ['header'] : ['header', 'cookie'];
  it.each(safeLocations)('does not flag personal data in a %s parameter', async where => {
    const doc = api(version, { '/users': { get: get(version, [param(version, 'email', where), param(version, 'phone', where)]) } });
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('flags any query parameter whose format is email or phone, whatever its name', async () => {
    const doc = api(version, {
      '/calls': { get: get(version, [param(version, 'To', 'query', { type: 'string', format: 'phone-number' }), param(version, 'contact', 'query', { type: 'string', format: 'email' }), param(version, 'from', 'query', { type: 'string', format: 'date' })]) },
    });
    expect(await found(RULE, doc)).toEqual(['paths./calls.get.parameters.0', 'paths./calls.get.parameters.1']);
  });

  it('reports a shared component parameter once, at the component', async () => {
    const shared = ref(version, 'Email', 'parameters');
    const doc = api(version, { '/a': { get: get(version, [shared]) }, '/b': { get: get(version, [shared]), delete: get(version, [shared]) } }, { parameters: { Email: param(version, 'email', 'query') } });
    expect(await found(RULE, doc)).toEqual([at(version, 'Email', 'parameters')]);
  });

  it('judges path-level parameters once for the path item, and operation-level overrides where they are written', async () => {
    const doc = api(version, {
      '/users/by-email/{email}': { parameters: [param(version, 'email', 'path')], get: get(version), delete: get(version) },
      '/search': { parameters: [param(version, 'phone', 'query')], get: get(version, [param(version, 'phone', 'query', { type: 'string', maxLength: 20, description: 'override' })]), post: get(version) },
    });
    expect(await found(RULE, doc)).toEqual(['paths./search.get.parameters.0', 'paths./search.parameters.0', 'paths./users/by-email/{email}.parameters.0']);
  });

  it('does not flag request bodies (the remedy)', async () => {
    const body = version === '2.0' ? { parameters: [{ name: 'body', in: 'body', schema: { type: 'object', properties: { email: { type: 'string' } } } }] } : { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { email: { type: 'string' } } } } } } };
    const doc = api(version, { '/users/search': { post: { ...body, responses: { '200': response(version) } } } });
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('is silenced by an exemption on the operation, the path item or the root', async () => {
    const exempt = { [EXEMPTIONS]: { [RULE]: REASON } };
    const onOperation = api(version, { '/u': { get: get(version, [param(version, 'email', 'query')], exempt) } });
    const onItem = api(version, { '/u': { ...exempt, get: get(version, [param(version, 'email', 'query')]) } });
    const onRoot = { ...api(version, { '/u': { get: get(version, [param(version, 'email', 'query')]) } }), ...exempt };
    expect(await found(RULE, onOperation)).toEqual([]);
    expect(await found(RULE, onItem)).toEqual([]);
    expect(await found(RULE, onRoot)).toEqual([]);
  });

  it('urlPersonalDataNames: add and remove names', async () => {
    const doc = api(version, { '/subscribers': { get: get(version, [param(version, 'imsi', 'query'), param(version, 'email', 'query')]) } });
    expect(await found(RULE, doc)).toEqual(['paths./subscribers.get.parameters.1']);
    expect(await found(RULE, doc, { urlPersonalDataNames: { add: ['imsi'], remove: ['email'] } })).toEqual(['paths./subscribers.get.parameters.0']);
  });

  describe('whose data: a person\'s, not a business\'s, and not a search hint', () => {
    const phone = { type: 'string', format: 'phone-number' };

    it('does not flag location hints of a number search (NearNumber, near_lat_long, InRegion, InPostalCode)', async () => {
      const doc = api(version, {
        '/Accounts/{AccountSid}/AvailablePhoneNumbers/{CountryCode}/Local.json': {
          get: get(version, [param(version, 'NearNumber', 'query', phone), param(version, 'near_lat_long', 'query'), param(version, 'InRegion', 'query'), param(version, 'InPostalCode', 'query'), param(version, 'nearby_phone', 'query')]),
        },
        '/stores': { get: get(version, [param(version, 'within_email_domain', 'query')]) },
      });
      expect(await found(RULE, doc)).toEqual([]);
    });

    it('does not flag a number that filters a collection of phone numbers an account rents, unless the path goes through a person', async () => {
      const shared = ref(version, 'PhoneNumber', 'parameters');
      const doc = api(
        version,
        {
          '/Accounts/{AccountSid}/IncomingPhoneNumbers.json': { get: get(version, [shared]) },
          '/v2/phone_numbers': { get: get(version, [param(version, 'phone_number', 'query')]) },
          '/users/{id}/phone_numbers': { get: get(version, [param(version, 'phone_number', 'query')]) },
          '/Accounts/{AccountSid}/Calls.json': { get: get(version, [param(version, 'To', 'query', phone), shared]) },
        },
        { parameters: { PhoneNumber: param(version, 'PhoneNumber', 'query') } },
      );
      expect(await found(RULE, doc)).toEqual([
        at(version, 'PhoneNumber', 'parameters'),
        'paths./Accounts/{AccountSid}/Calls.json.get.parameters.0',
        'paths./users/{id}/phone_numbers.get.parameters.0',
      ]);
    });

    it('does not flag the contact data of a company, a business or a merchant; the collection a path reads decides, not its owner', async () => {
      const doc = api(version, {
        '/settings': { get: get(version, [param(version, 'company_email', 'query'), param(version, 'businessPhone', 'query'), param(version, 'merchant_email', 'query', { type: 'string', format: 'email' })]) },
        '/merchants': { get: get(version, [param(version, 'email', 'query'), param(version, 'reply_to', 'query', { type: 'string', format: 'email' })]) },
        // Distinct definitions: identical inline copies would be one finding (test/unit/analysis/inline-copies).
        '/organizations/{org}/members': { get: get(version, [param(version, 'email', 'query', { type: 'string', maxLength: 254 })]) },
        '/merchants/{id}/customers': { get: get(version, [param(version, 'email', 'query', { type: 'string', format: 'email' })]) },
        '/orgs/{org}/invitations': { get: get(version, [param(version, 'email', 'query')]) },
      });
      expect(await found(RULE, doc)).toEqual([
        'paths./merchants/{id}/customers.get.parameters.0',
        'paths./organizations/{org}/members.get.parameters.0',
        'paths./orgs/{org}/invitations.get.parameters.0',
      ]);
    });

    it('reads the phone format through $ref (3.x) and allOf: a search hint stays a hint, a call\'s party stays a person', async () => {
      const viaAllOf = { allOf: [ref(version, 'E164')] };
      const doc = api(
        version,
        { '/Accounts/{AccountSid}/Calls.json': { get: get(version, [param(version, 'NearNumber', 'query', viaAllOf), param(version, 'To', 'query', viaAllOf), param(version, 'From', 'query', version === '2.0' ? phone : ref(version, 'E164'))]) } },
        { schemas: { E164: { type: 'string', format: 'phone-number' } } },
      );
      expect(await found(RULE, doc)).toEqual(['paths./Accounts/{AccountSid}/Calls.json.get.parameters.1', 'paths./Accounts/{AccountSid}/Calls.json.get.parameters.2']);
    });

    it('flags a tax id only where a person holds it', async () => {
      const doc = api(version, {
        '/users': { get: get(version, [param(version, 'tax_id', 'query')]) },
        '/search': { get: get(version, [param(version, 'personal_tax_id', 'query'), param(version, 'company_tax_id', 'query')]) },
        '/invoices': { get: get(version, [param(version, 'tax_id', 'query'), param(version, 'vat_number', 'query')]) },
        '/customers/{taxId}': { get: get(version, [param(version, 'taxId', 'path')]) },
        '/users/search': { get: get(version, [param(version, 'taxpayer_id', 'query')]) },
        '/users/{id}/invoices': { get: get(version, [param(version, 'tax_id', 'query')]) },
      });
      expect(await found(RULE, doc)).toEqual(['paths./search.get.parameters.0', 'paths./users.get.parameters.0', 'paths./users/search.get.parameters.0']);
    });

    it('flags the same shared parameter where a person\'s path uses it', async () => {
      const shared = ref(version, 'TaxId', 'parameters');
      const doc = api(version, { '/invoices': { get: get(version, [shared]) }, '/people': { get: get(version, [shared]) } }, { parameters: { TaxId: param(version, 'tax_id', 'query') } });
      expect(await found(RULE, doc)).toEqual([at(version, 'TaxId', 'parameters')]);
    });

    it('flags abbreviated and longer names', async () => {
      const doc = api(version, { '/travellers': { get: get(version, [param(version, 'passport_no', 'query'), param(version, 'customer_phone_number', 'query'), param(version, 'national_id', 'query')]) } });
      expect(await found(RULE, doc)).toEqual(['paths./travellers.get.parameters.0', 'paths./travellers.get.parameters.1', 'paths./travellers.get.parameters.2']);
    });
  });

  it('names the parameter and the location, not the operation', async () => {
    const doc = api(version, { '/u': { get: get(version, [param(version, 'dob', 'query')]) } });
    const [message] = await messagesOf(RULE, doc);
    expect(message).toContain('"dob"');
    expect(message).toContain('query');
    expect(message).not.toContain('/u');
  });
});
