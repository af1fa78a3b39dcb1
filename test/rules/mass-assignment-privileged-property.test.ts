import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { componentPath, found, lint, messagesOf, testRule, VERSIONS, withFunctionOptions, type Doc, type Version } from '../helpers.js';
import { accepts, api, at, bodyAt, bodyPath, EXEMPTIONS, object, ref, returns } from '../fixtures/documents.js';

const RULE = 'mass-assignment-privileged-property';
const REASON = 'Accepted in this test.';
const str = { type: 'string' };
const int = { type: 'integer' };
const bool = { type: 'boolean' };
const PRIVILEGED = (name: string) =>
  `Property "${name}" can be set by clients in request bodies, yet it is a privileged or server-managed property: mark it \`readOnly: true\` or use a separate input schema without it.`;
const finding = (path: string[], name: string) => ({ path: [...path, 'properties', name], severity: DiagnosticSeverity.Warning, message: PRIVILEGED(name) });
const PUBLIC = { security: [] };

/** The body schema of a case, written three ways: inline, through `$ref`, and as an `allOf` of a `$ref`ed base. */
type Shape = 'inline' | '$ref' | 'allOf';
const SHAPES: Shape[] = ['inline', '$ref', 'allOf'];

/** A document whose one operation accepts `properties` shaped as `shape`, returning nothing, and where each finding is declared. */
function oneBody(version: Version, shape: Shape, pathKey: string, method: string, properties: Doc, extra: Doc = {}, more: Doc = {}): { document: Doc; declared: string[] } {
  const schema = shape === 'inline' ? object(properties) : shape === '$ref' ? ref(version, 'Input') : { allOf: [ref(version, 'Input'), object({ note: str })] };
  const schemas = shape === 'inline' ? undefined : { Input: object(properties) };
  const document = api(version, { [pathKey]: { [method]: accepts(version, schema, undefined, extra) }, ...more }, schemas ? { schemas } : {});
  return { document, declared: shape === 'inline' ? bodyPath(version, pathKey, method) : componentPath(version, 'schemas', 'Input') };
}

testRule(RULE, VERSIONS.flatMap(version => SHAPES.flatMap(shape => {
  const flagged = (name: string, pathKey: string, method: string, properties: Doc, extra: Doc = {}) => {
    const { document, declared } = oneBody(version, shape, pathKey, method, properties, extra);
    return { name: `${version}, ${shape}: ${method.toUpperCase()} ${pathKey} can set ${name}, though no response returns the schema`, document, errors: [finding(declared, name)] };
  };
  const clean = (why: string, pathKey: string, method: string, properties: Doc, extra: Doc = {}, more: Doc = {}) => ({
    name: `${version}, ${shape}: not ${why}`,
    document: oneBody(version, shape, pathKey, method, properties, extra, more).document,
    errors: [],
  });
  return [
    flagged('isAdmin', '/register', 'post', { email: str, password: str, isAdmin: bool }, PUBLIC),
    flagged('isVerified', '/auth/signup', 'post', { email: str, isVerified: bool }, PUBLIC),
    flagged('role', '/me', 'patch', { displayName: str, role: str }),
    flagged('walletBalance', '/users/me', 'put', { name: str, walletBalance: { type: 'number' } }),
    flagged('accountStatus', '/accounts/{id}', 'patch', { accountStatus: str }),
    flagged('ownerUserId', '/projects/{id}', 'patch', { name: str, ownerUserId: str }),
    flagged('created_at', '/notes', 'post', { text: str, created_at: { type: 'string', format: 'date-time' } }),
    flagged('status', '/orders', 'post', { sku: str, status: str }),
    flagged('reviewState', '/documents', 'post', { title: str, reviewState: str }),
    clean('a role assigned where assigning roles is the purpose (PUT /users/{id}/roles)', '/users/{id}/roles', 'put', { roles: { type: 'array', items: str } }),
    clean('a member added with a role (/orgs/{org}/members/{user})', '/orgs/{org}/members/{user}', 'put', { role: str }),
    clean('an admin area (/admin/users)', '/admin/users', 'post', { email: str, isAdmin: bool, role: str }),
    clean('identity provisioning (SCIM): an identity provider sets members\' groups by purpose', '/scim/v2/organizations/{org}/Users', 'post', { userName: str, groups: { type: 'array', items: str } }),
    clean('search criteria (POST /search)', '/search', 'post', { status: str, role: str, created_at: str }),
    clean('filter criteria (searchOrders)', '/orders/lookup', 'post', { status: str }, { operationId: 'searchOrders' }),
    clean('the state of an issue its author closes', '/repos/{owner}/{repo}/issues/{number}', 'patch', { title: str, state: str }),
    clean('a status written through the /status sub-resource', '/orders/{id}', 'put', { sku: str, status: str }, {}, { '/orders/{id}/status': { put: accepts(version, object({ status: str })) } }),
    clean('a status on a resource that has a /status sub-resource, on create', '/orders', 'post', { sku: str, status: str }, {}, { '/orders/{id}/status': { put: accepts(version, object({ status: str })) } }),
    clean('a status change written for it (a user cancelling their order)', '/orders/{id}', 'patch', { status: { type: 'string', enum: ['cancelled'] } }),
    clean("a customer's balance set through an input written for whoever manages customers", '/customers/{id}', 'put', { name: str, balance: int }),
    clean('roles on something that is not a user (who may use an emoji)', '/guilds/{id}/emojis', 'post', { name: str, roles: { type: 'array', items: str } }),
    clean('the scopes a token is asked for', '/authorizations', 'post', { note: str, scopes: { type: 'array', items: str } }),
    clean('an owner chosen on create', '/projects', 'post', { name: str, owner_id: str }),
    clean('the observed status of a declarative resource (beside a spec)', '/payments/{id}', 'put', { spec: object({ amount: int }), status: object({ phase: str }) }),
  ];
})));

/** The classic shape: `User` is returned by GET and accepted by PATCH (and optionally more writes). */
function usersApi(version: Version, user: Doc, writes: string[] = ['patch'], more: Doc = {}, extra: { get?: Doc; write?: Doc } = {}): Doc {
  const item: Doc = { get: returns(version, ref(version, 'User'), extra.get) };
  for (const method of writes) item[method] = accepts(version, ref(version, 'User'), ref(version, 'User'), extra.write);
  return api(version, { '/users/{id}': item, '/users': { get: returns(version, { type: 'array', items: ref(version, 'User') }) } }, { schemas: { User: user, ...more } });
}

testRule(RULE, VERSIONS.flatMap(version => [
  {
    name: `${version}: a role in a schema that PATCH accepts and GET returns, once, at the property`,
    document: usersApi(version, object({ id: { ...str, readOnly: true }, name: str, role: str })),
    errors: [
      {
        path: [...componentPath(version, 'schemas', 'User'), 'properties', 'role'],
        severity: DiagnosticSeverity.Warning,
        message: 'Property "role" can be set by clients in request bodies, yet it is a privileged or server-managed property: mark it `readOnly: true` or use a separate input schema without it.',
      },
    ],
  },
  {
    name: `${version}: not a readOnly role, a roleName, nor a role only responses carry`,
    document: api(
      version,
      { '/users/{id}': { patch: accepts(version, ref(version, 'User'), ref(version, 'User')) }, '/orgs/{id}': { get: returns(version, ref(version, 'Org')) } },
      { schemas: { User: object({ role: { ...str, readOnly: true }, roleName: str }), Org: object({ role: str }) } },
    ),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${RULE} (%s)`, version => {
  const User = at(version, 'User');

  it('flags role in a shared User schema accepted by PATCH, once, at the property declaration, as a warning', async () => {
    const doc = usersApi(version, object({ id: { ...str, readOnly: true }, name: str, role: str }), ['patch', 'put']);
    const results = (await lint(doc)).filter(r => r.code === RULE);
    expect(results.map(r => r.path.join('.'))).toEqual([`${User}.properties.role`]);
    expect(results[0].severity).toBe(DiagnosticSeverity.Warning);
    expect(results[0].message).toContain('"role"');
    expect(results[0].message).toContain('readOnly');
  });

  it.each([
    'role', 'roles', 'roleIds', 'userRole', 'isAdmin', 'is_admin', 'admin', 'siteAdmin', 'isSuperuser', 'permissions', 'scopes', 'groups',
    'balance', 'walletBalance', 'credit', 'loyaltyPoints', 'verified', 'isVerified', 'emailVerified', 'email_verified', 'approved', 'kycStatus', 'accountStatus',
    'ownerId', 'ownerUserId', 'tenant_id', 'orgId', 'organization_id', 'createdAt', 'updated_at', 'deletedAt', 'createdBy', 'repoCreatedAt',
  ])('flags "%s" (the name ends with a privileged name)', async name => {
    // Numeric, so the money names count too (a balance is an amount).
    const doc = usersApi(version, object({ name: str, [name]: int }));
    expect(await found(RULE, doc)).toEqual([`${User}.properties.${name}`]);
  });

  it.each([
    'roleName', 'user_role_description', 'administrator_notes', 'statusMessage', 'status_code', 'groupName', 'creditCardBrand', 'balanceCurrency', 'owner',
    'productId', 'tenantName', 'created', 'pricing', 'permissionsUrl', 'has_password', 'exemptRoles', 'include_groups', 'defaultMemberPermissions', 'add_scopes', 'discountForRole',
    'status', 'state', 'userId',
  ])('does not flag "%s" (a look-alike, a criterion or setting, or a user\'s own state)', async name => {
    const doc = usersApi(version, object({ [name]: int }));
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('flags the status of an order whose representation the update accepts', async () => {
    const doc = api(
      version,
      { '/orders/{id}': { get: returns(version, ref(version, 'Order')), patch: accepts(version, ref(version, 'Order'), ref(version, 'Order')) } },
      { schemas: { Order: object({ sku: str, status: str, total: int }) } },
    );
    expect(await found(RULE, doc)).toEqual([`${at(version, 'Order')}.properties.status`, `${at(version, 'Order')}.properties.total`]);
  });

  it('judges a balance or credit only when it is an amount (not a settings object or a credit\'s id)', async () => {
    const doc = usersApi(version, object({ balance: object({ reconciliation: str }), credit: str, walletBalance: { type: 'string', format: 'decimal' } }));
    expect(await found(RULE, doc)).toEqual([`${User}.properties.walletBalance`]);
  });

  it('judges an owner id on updates, not on create', async () => {
    const doc = usersApi(version, object({ ownerId: str, name: str }), ['post', 'patch']);
    expect(await found(RULE, doc)).toEqual([`${User}.properties.ownerId`]);
    expect(await found(RULE, usersApi(version, object({ ownerId: str, name: str }), ['post']))).toEqual([]);
  });

  it('does not flag a readOnly property: on the property, beside or inside its $ref, or in an allOf member', async () => {
    const doc = usersApi(
      version,
      object({
        role: { ...str, readOnly: true },
        status: version === '3.1' ? { ...ref(version, 'Status'), readOnly: true } : { allOf: [ref(version, 'Status'), { readOnly: true }] },
        balance: ref(version, 'Money'),
      }),
      ['patch', 'post'],
      { Status: str, Money: { type: 'integer', readOnly: true } },
    );
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('judges a schema used in requests and responses on its request use only', async () => {
    // Returned by GET only: exposing the role is fine.
    const readOnlyUse = api(version, { '/users/{id}': { get: returns(version, ref(version, 'User')) } }, { schemas: { User: object({ role: str }) } });
    expect(await found(RULE, readOnlyUse)).toEqual([]);
    // Accepted by DELETE (not a judged method) and returned: nothing to judge.
    const deleteUse = api(version, { '/users/{id}': { delete: accepts(version, ref(version, 'User'), ref(version, 'User')) } }, { schemas: { User: object({ role: str }) } });
    expect(await found(RULE, deleteUse)).toEqual([]);
  });

  it('flags dedicated input schemas (only requests use them) by default; sharedOnly: true leaves them alone', async () => {
    const doc = api(
      version,
      { '/users': { post: accepts(version, ref(version, 'UserInput'), ref(version, 'User')) } },
      { schemas: { UserInput: object({ email: str, isAdmin: bool }), User: object({ email: str, isAdmin: { ...bool, readOnly: true } }) } },
    );
    expect(await found(RULE, doc)).toEqual([`${at(version, 'UserInput')}.properties.isAdmin`]);
    expect(await found(RULE, doc, withFunctionOptions(RULE, { sharedOnly: true }))).toEqual([]);
  });

  it('does not flag an id in a dedicated input schema (a client-chosen id), only in the representation responses return', async () => {
    const doc = api(version, { '/coupons': { post: accepts(version, ref(version, 'CouponInput'), object({ id: str })) } }, { schemas: { CouponInput: object({ id: str, name: str }) } });
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('flags a property composed through allOf at the base schema where it is declared', async () => {
    const doc = usersApi(version, { allOf: [ref(version, 'Base'), object({ name: str })] }, ['put'], { Base: object({ id: { ...str, readOnly: true }, tenantId: str }) });
    expect(await found(RULE, doc)).toEqual([`${at(version, 'Base')}.properties.tenantId`]);
  });

  it('flags the top level of oneOf alternatives and of array (bulk) bodies', async () => {
    const doc = api(
      version,
      {
        '/accounts': { post: accepts(version, { oneOf: [ref(version, 'Person'), ref(version, 'Company')] }), get: returns(version, { type: 'array', items: { oneOf: [ref(version, 'Person'), ref(version, 'Company')] } }) },
        '/accounts/bulk': { put: accepts(version, { type: 'array', items: ref(version, 'Person') }) },
      },
      { schemas: { Person: object({ name: str, isAdmin: { type: 'boolean' } }), Company: object({ name: str, balance: { type: 'number' } }) } },
    );
    expect(await found(RULE, doc)).toEqual([`${at(version, 'Company')}.properties.balance`, `${at(version, 'Person')}.properties.isAdmin`]);
  });

  it('does not flag privileged names in nested objects (sub-configurations), and does not descend into a flagged property', async () => {
    const doc = usersApi(
      version,
      object({
        name: str,
        permissions: object({ role: str, scopes: { type: 'array', items: object({ status: str }) } }),
        securityContext: object({ role: str, user: str }),
        memberships: { type: 'array', items: object({ groups: { type: 'array', items: str } }) },
      }),
    );
    expect(await found(RULE, doc)).toEqual([`${User}.properties.permissions`]);
  });

  describe('the id on create', () => {
    it('flags a top-level id accepted by POST in a shared schema', async () => {
      const doc = usersApi(version, object({ id: str, name: str }), ['post']);
      expect(await found(RULE, doc)).toEqual([`${User}.properties.id`]);
    });

    it('does not flag an id accepted by PUT or PATCH only', async () => {
      const doc = usersApi(version, object({ id: str, name: str }), ['put', 'patch']);
      expect(await found(RULE, doc)).toEqual([]);
    });

    it('does not flag nested ids or references such as productId', async () => {
      const doc = api(
        version,
        { '/carts': { post: accepts(version, ref(version, 'Cart'), ref(version, 'Cart')) } },
        { schemas: { Cart: object({ id: { ...str, readOnly: true }, productId: str, owner: object({ id: str }), items: { type: 'array', items: object({ id: str, quantity: { type: 'integer' } }) } }) } },
      );
      expect(await found(RULE, doc)).toEqual([]);
    });
  });

  describe('a price on an order', () => {
    it('flags a numeric price in an order line item, nested, even in a dedicated input schema', async () => {
      const doc = api(
        version,
        { '/orders': { post: accepts(version, ref(version, 'CreateOrder'), object({ id: str })) } },
        { schemas: { CreateOrder: object({ items: { type: 'array', items: ref(version, 'OrderItem') } }), OrderItem: object({ sku: str, quantity: { type: 'integer' }, unitPrice: { type: 'number' } }) } },
      );
      expect(await found(RULE, doc)).toEqual([`${at(version, 'OrderItem')}.properties.unitPrice`]);
    });

    it('flags a price written inline under an order, cart or checkout path', async () => {
      const doc = api(version, { '/checkout': { post: accepts(version, object({ lines: { type: 'array', items: object({ sku: str, price: { type: 'integer' } }) } })) } });
      expect(await found(RULE, doc)).toEqual([`${bodyAt(version, '/checkout', 'post')}.properties.lines.items.properties.price`]);
    });

    it('does not flag a price outside orders, a price that is a reference id, or a readOnly price', async () => {
      const doc = api(
        version,
        {
          '/products': { post: accepts(version, ref(version, 'Product'), ref(version, 'Product')) },
          '/orders': { post: accepts(version, object({ price: str, total_price: { type: 'number', readOnly: true } }), object({ id: str })) },
        },
        { schemas: { Product: object({ name: str, price: { type: 'number' } }) } },
      );
      expect(await found(RULE, doc)).toEqual([]);
    });
  });

  describe('exemptions', () => {
    const exempt = { [EXEMPTIONS]: { [RULE]: REASON } };

    it('is silenced when every write accepting the schema is exempt, not when one is not', async () => {
      const allExempt = usersApi(version, object({ role: str }), ['patch'], {}, { write: exempt });
      expect(await found(RULE, allExempt)).toEqual([]);
      const oneExempt = usersApi(version, object({ role: str }), ['patch', 'put'], {}, {});
      (oneExempt.paths as Doc)['/users/{id}'] = { ...((oneExempt.paths as Doc)['/users/{id}'] as Doc), patch: accepts(version, ref(version, 'User'), ref(version, 'User'), exempt) };
      expect(await found(RULE, oneExempt)).toEqual([`${User}.properties.role`]);
    });

    it('an exemption on a read that returns the schema does not silence it', async () => {
      expect(await found(RULE, usersApi(version, object({ role: str }), ['patch'], {}, { get: exempt }))).toEqual([`${User}.properties.role`]);
    });

    it('is silenced by an exemption on the schema, on the property, or at the root', async () => {
      expect(await found(RULE, usersApi(version, object({ role: str }, exempt)))).toEqual([]);
      expect(await found(RULE, usersApi(version, object({ role: { ...str, ...exempt } })))).toEqual([]);
      expect(await found(RULE, { ...usersApi(version, object({ role: str })), ...exempt })).toEqual([]);
    });
  });

  it('privilegedPropertyNames: add and remove names', async () => {
    const doc = usersApi(version, object({ plan: str, role: str, id: str }), ['post']);
    expect(await found(RULE, doc)).toEqual([`${User}.properties.id`, `${User}.properties.role`]);
    expect(await found(RULE, doc, { privilegedPropertyNames: { add: ['plan'], remove: ['role', 'id'] } })).toEqual([`${User}.properties.plan`]);
  });

  it('messages name the property, not an operation', async () => {
    const [message] = await messagesOf(RULE, usersApi(version, object({ isAdmin: { type: 'boolean' } })));
    expect(message).toContain('"isAdmin"');
    expect(message).not.toContain('/users');
  });

  it('does not judge webhook requests (3.1), which the API sends', async () => {
    if (version !== '3.1') return;
    const doc = api(version, {}, { schemas: { User: object({ role: str }) } }, { webhooks: { userChanged: { post: accepts(version, ref(version, 'User'), ref(version, 'User')) } } });
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('survives cycles and malformed bodies', async () => {
    const doc = usersApi(version, object({ self: ref(version, 'User'), role: str, junk: 7 as unknown as Doc, list: { type: 'array', items: 'x' } }), ['patch']);
    expect(await found(RULE, doc)).toEqual([`${User}.properties.role`]);
  });
});

describe.each(VERSIONS)('%s: readOnly written in another allOf member', version => {
  // JSON Schema collects `readOnly` from every member: a composition that marks `role` read-only
  // in one member makes it read-only in the whole body, wherever `role` is declared.
  it('keeps the base declaration out of the body that composes it, and not out of the base used alone', async () => {
    const Base = object({ name: str, role: str });
    const ReadOnlyRole = { allOf: [ref(version, 'Base'), { properties: { role: { readOnly: true } } }] };
    const composed = api(version, { '/users/{id}': { get: returns(version, ref(version, 'Base')), patch: accepts(version, ref(version, 'ReadOnlyRole'), ref(version, 'Base')) } }, { schemas: { Base, ReadOnlyRole } });
    expect(await found(RULE, composed)).toEqual([]);
    const alone = api(version, { '/users/{id}': { get: returns(version, ref(version, 'Base')), patch: accepts(version, ref(version, 'Base'), ref(version, 'Base')) } }, { schemas: { Base } });
    expect(await found(RULE, alone)).toEqual([`${at(version, 'Base')}.properties.role`]);
  });
});
