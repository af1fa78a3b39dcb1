import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { componentPath, found, lint, testRule, VERSIONS, type Doc } from '../helpers.js';
import { accepts, api, at, EXEMPTIONS, object, ref, responseAt, returns } from '../fixtures/documents.js';

const PERSONAL = 'data-personal-data-in-response';
const REASON = 'Accepted in this test.';
const str = { type: 'string' };

testRule(PERSONAL, VERSIONS.flatMap(version => [
  {
    name: `${version}: an ssn a shared schema returns, once, at the property`,
    document: api(
      version,
      { '/people': { get: returns(version, { type: 'array', items: ref(version, 'Person') }) }, '/people/{id}': { get: returns(version, ref(version, 'Person')) } },
      { schemas: { Person: object({ id: str, ssn: str }) } },
    ),
    errors: [
      {
        path: [...componentPath(version, 'schemas', 'Person'), 'properties', 'ssn'],
        severity: DiagnosticSeverity.Warning,
        message: 'Property "ssn" returns highly sensitive personal data (ssn) in responses: return a masked form (e.g. the last four digits) or mark it `writeOnly: true`.',
      },
    ],
  },
  {
    name: `${version}: not the last four digits, a writeOnly ssn, nor an ssn only requests carry`,
    document: api(version, { '/me': { get: returns(version, object({ ssn_last4: str, ssn: { type: 'string', writeOnly: true } })), put: accepts(version, object({ ssn: str }), object({ ok: { type: 'boolean' } })) } }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${PERSONAL} (%s)`, version => {
  it.each(['ssn', 'social_security_number', 'taxId', 'tax_id_number', 'card_number', 'cardNumber', 'pan', 'bank_account_number', 'passportNumber', 'driver_license_number'])(
    'flags "%s" in a response as a warning, once, at the declaration',
    async name => {
      const doc = api(
        version,
        { '/people': { get: returns(version, { type: 'array', items: ref(version, 'Person') }) }, '/people/{id}': { get: returns(version, ref(version, 'Person')) } },
        { schemas: { Person: object({ id: str, [name]: str }) } },
      );
      const results = (await lint(doc)).filter(r => r.code === PERSONAL);
      expect(results.map(r => r.path.join('.'))).toEqual([`${at(version, 'Person')}.properties.${name}`]);
      expect(results[0].severity).toBe(DiagnosticSeverity.Warning);
    },
  );

  it('qualifies a generic name by its schema: Card.number and Passport.number, not Invoice.number', async () => {
    const doc = api(
      version,
      { '/wallet': { get: returns(version, object({ card: ref(version, 'Card'), passport: ref(version, 'Passport'), invoice: ref(version, 'Invoice') })) } },
      { schemas: { Card: object({ number: str, last4: str }), Passport: object({ number: str }), Invoice: object({ number: str }) } },
    );
    expect(await found(PERSONAL, doc)).toEqual([`${at(version, 'Card')}.properties.number`, `${at(version, 'Passport')}.properties.number`]);
  });

  it.each([
    ['ssn_last4', str],
    ['ssnLast4', str],
    ['last4', str],
    ['masked_card_number', str],
    ['card_number_last4', str],
    ['tax_id_provided', { type: 'boolean' }],
    ['taxIdType', str],
    ['email', str],
    ['phone_number', str],
    ['passport', object({ country: str })],
    ['tax_ids', { type: 'array', items: str }],
    ['card_number', { type: 'string', example: '•••• •••• •••• 4242'.replace(/ /g, '') }],
  ])('does not flag "%s" (%j)', async (name, schema) => {
    const doc = api(version, { '/me': { get: returns(version, object({ [name]: schema as Doc })) } });
    expect(await found(PERSONAL, doc)).toEqual([]);
  });

  it('does not flag writeOnly personal data or personal data only accepted in requests', async () => {
    const doc = api(version, {
      '/me': { put: accepts(version, object({ ssn: str }), object({ ok: { type: 'boolean' } })), get: returns(version, object({ ssn: { type: 'string', writeOnly: true } })) },
    });
    expect(await found(PERSONAL, doc)).toEqual([]);
  });

  it('flags through allOf, oneOf, nested objects and arrays', async () => {
    const schema = { allOf: [object({ id: str }), { oneOf: [object({ ssn: str }), object({ holder: object({ accounts: { type: 'array', items: object({ bank_account_number: str }) } }) })] }] };
    const doc = api(version, { '/x': { get: returns(version, schema) } });
    const where = responseAt(version, '/x', 'get');
    expect(await found(PERSONAL, doc)).toEqual([
      `${where}.allOf.1.oneOf.0.properties.ssn`,
      `${where}.allOf.1.oneOf.1.properties.holder.properties.accounts.items.properties.bank_account_number`,
    ]);
  });

  it('personalDataNames: add msisdn and imsi, remove ssn', async () => {
    const doc = api(version, { '/subscriber': { get: returns(version, object({ msisdn: str, imsi: str, ssn: str })) } });
    const where = `${responseAt(version, '/subscriber', 'get')}.properties`;
    expect(await found(PERSONAL, doc)).toEqual([`${where}.ssn`]);
    expect(await found(PERSONAL, doc, { personalDataNames: { add: ['msisdn', 'imsi'], remove: ['ssn'] } })).toEqual([`${where}.imsi`, `${where}.msisdn`]);
  });

  it.each(['card_number_full', 'fullCardNumber', 'passport_no', 'card_num', 'national_id', 'itin', 'social_insurance_number'])('flags "%s", a phrase inside a longer name or abbreviated, through allOf', async name => {
    const doc = api(version, { '/wallet': { get: returns(version, ref(version, 'Wallet')) } }, { schemas: { Wallet: { allOf: [ref(version, 'Base'), object({ [name]: str })] }, Base: object({ id: str }) } });
    expect(await found(PERSONAL, doc)).toEqual([`${at(version, 'Wallet')}.allOf.1.properties.${name}`]);
  });

  it.each(['card_number_token', 'tokenized_card_number', 'card_number_last4', 'passport_number_type'])('does not flag the stand-in or metadata "%s"', async name => {
    const doc = api(version, { '/wallet': { get: returns(version, object({ [name]: str })) } });
    expect(await found(PERSONAL, doc)).toEqual([]);
  });

  describe('tax ids: a person\'s, not a business\'s', () => {
    it('flags a tax id a person\'s schema holds (User, Employee), inline in a person\'s resource (/users/me, not /users/{id}/invoices), or named as an individual\'s', async () => {
      const doc = api(
        version,
        {
          '/users/{id}': { get: returns(version, ref(version, 'User')) },
          '/employees/{id}': { get: returns(version, ref(version, 'Employee')) },
          '/me': { get: returns(version, object({ individual_tax_id: str })) },
          '/users/me': { get: returns(version, object({ taxpayer_id: str })) },
          '/users/{id}/invoices': { get: returns(version, object({ tax_id: str })) },
        },
        { schemas: { User: object({ id: str, tax_id: str }), Employee: { allOf: [ref(version, 'User'), object({ tax_id_number: str })] } } },
      );
      expect(await found(PERSONAL, doc)).toEqual([
        `${at(version, 'Employee')}.allOf.1.properties.tax_id_number`,
        `${at(version, 'User')}.properties.tax_id`,
        `${responseAt(version, '/me', 'get')}.properties.individual_tax_id`,
        `${responseAt(version, '/users/me', 'get')}.properties.taxpayer_id`,
      ]);
    });

    it('does not flag the tax ids of companies, merchants, invoices and customers, nor VAT, EIN or registration numbers', async () => {
      const TaxId = object({ type: { type: 'string', enum: ['eu_vat', 'us_ein', 'au_abn'] }, value: str });
      const doc = api(
        version,
        {
          '/invoices/{id}': { get: returns(version, ref(version, 'Invoice')) },
          '/customers/{id}': { get: returns(version, ref(version, 'Customer')) },
          '/merchants/{id}': { get: returns(version, ref(version, 'Merchant')) },
          '/users/{id}': { get: returns(version, ref(version, 'User')) },
        },
        {
          schemas: {
            Invoice: object({ id: str, customer_tax_ids: { type: 'array', items: ref(version, 'TaxId') }, account_tax_id: str, vat_number: str }),
            Customer: object({ id: str, tax_id: str, tax_ids: { type: 'array', items: ref(version, 'TaxId') } }),
            Merchant: object({ tax_id: str, ein: str, company_registration_number: str }),
            User: object({ id: str, company: object({ name: str, tax_id: str }), company_tax_id: str }),
            TaxId,
          },
        },
      );
      expect(await found(PERSONAL, doc)).toEqual([]);
    });

    it('taxIdNames: add and remove names', async () => {
      const doc = api(version, { '/people/{id}': { get: returns(version, ref(version, 'Person')) } }, { schemas: { Person: object({ cpf: str, tax_id: str }) } });
      const where = `${at(version, 'Person')}.properties`;
      expect(await found(PERSONAL, doc)).toEqual([`${where}.tax_id`]);
      expect(await found(PERSONAL, doc, { taxIdNames: { add: ['cpf'], remove: ['tax_id'] } })).toEqual([`${where}.cpf`]);
    });
  });

  it('is silenced by a schema-level exemption', async () => {
    const doc = api(version, { '/p': { get: returns(version, ref(version, 'Person')) } }, { schemas: { Person: object({ ssn: str }, { [EXEMPTIONS]: { [PERSONAL]: REASON } }) } });
    expect(await found(PERSONAL, doc)).toEqual([]);
  });

  it('is silenced by an operation-level exemption', async () => {
    const doc = api(version, { '/p': { get: returns(version, object({ ssn: str }), { [EXEMPTIONS]: { [PERSONAL]: REASON } }) } });
    expect(await found(PERSONAL, doc)).toEqual([]);
  });
});
