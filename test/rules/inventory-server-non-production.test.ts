import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, found, messagesOf, testRule, type Doc, type Version } from '../helpers.js';

/** inventory-server-non-production (functions/inventory/server-non-production.ts). */
const RULE = 'inventory-server-non-production';
const V3: Version[] = ['3.0', '3.1'];
const PROD = 'https://api.example.com';

const ok = (): Doc => ({ responses: { '200': { description: 'OK' } } });

/** A document with one `GET /things` and the given root servers (and extra root keys). */
function api(version: Version, servers: unknown[], extra: Doc = {}, operation: Doc = {}, pathItem: Doc = {}): Doc {
  return base(version, { servers, paths: { '/things': { ...pathItem, get: { ...ok(), ...operation } } }, ...extra });
}

/** Hosts that name a non-production environment or a private network. */
const NON_PRODUCTION = [
  'https://api.staging.example.com',
  'https://staging-api.example.com/v1',
  'https://api-staging2.example.com',
  'https://stage.example.com',
  'https://dev.example.com',
  'https://dev-api.example.com',
  'https://api.dev.example.com:8443/v1',
  'https://qa.example.com',
  'https://qa-01.api.example.com',
  'https://uat.example.com',
  'https://test.example.com',
  'https://api.test.example.com',
  'https://api-testing.example.com',
  'https://preprod.example.com',
  'https://non-prod.example.com',
  'https://api-non-prod.example.com/v1',
  'https://pre-prod-api.example.com/v1',
  'https://api-pre-prod.example.com/v1',
  'https://api-preprod-eu.example.com',
  'https://pre-production.example.com',
  'https://api.preproduction.example.com',
  'https://api-pre-production.example.com',
  'https://preview.example.com',
  'https://internal.example.com',
  'https://api.internal.example.com',
  'https://dev.example.co.uk',
  'http://localhost:8080',
  'http://127.0.0.1:3000',
  'http://[::1]:8080',
  'http://10.0.12.7',
  'http://172.16.0.5:8080',
  'http://172.31.255.1',
  'http://192.168.1.20',
  'https://api.local',
  'https://orders.svc.internal',
  'https://api.corp',
  'https://build-box.lan:8080',
  'http://api-dev:8080',
];

/** Production hosts whose names only look like an environment word. */
const PRODUCTION_LOOK_ALIKES = [
  'https://testing-api.com',
  'https://contest.com',
  'https://api.contest.com',
  'https://devices.example.com',
  'https://latest.example.com',
  'https://developer.example.com',
  'https://developers.example.com',
  'https://devops.example.com',
  'https://stagecoach.example.com',
  'https://attest.example.com',
  'https://quality.example.com',
  'https://pre-prod.com',
  'https://api-pro-d.example.com',
  'https://product-api.example.com',
  'https://pre-products.example.com',
  'https://api.prod.example.com',
  'https://api.test.com',
  'https://dev.co.uk',
  'https://172.32.0.1',
  'https://192.169.1.1',
  'https://11.0.0.1',
];

testRule(RULE, [
  ...V3.flatMap(version => [
    {
      name: `${version}: a staging server beside production, at its url`,
      document: api(version, [{ url: PROD }, { url: 'https://api.staging.example.com/v1' }]),
      errors: [
        {
          path: ['servers', '1', 'url'],
          severity: DiagnosticSeverity.Warning,
          message:
            'Server "https://api.staging.example.com/v1" is a non-production server: its host names the "staging" environment, and the description also lists production servers. Non-production environments are often less protected, hold copies of real data and drop out of the inventory: remove it from the published description, or mark the server `x-internal: true` (stripped before publishing), or state who it is for (`x-audience: external-public`, or a description that offers it to customers).',
        },
      ],
    },
    {
      name: `${version}: not look-alike production hosts, nor servers marked internal or given an audience`,
      document: api(version, [
        { url: PROD },
        ...PRODUCTION_LOOK_ALIKES.map(url => ({ url })),
        { url: 'https://staging.example.com', 'x-internal': true },
        { url: 'https://qa.example.com', 'x-audience': 'external-partner' },
        { url: 'https://dev.example.com', 'x-ms-visibility': 'internal' },
      ]),
      errors: [],
    },
  ]),
]);

describe('non-production hosts', () => {
  it.each(V3)('%s: flags every non-production host beside production', async version => {
    const doc = api(version, [{ url: PROD }, ...NON_PRODUCTION.map(url => ({ url }))]);
    expect(await found(RULE, doc)).toEqual(NON_PRODUCTION.map((_, i) => `servers.${i + 1}.url`).sort());
  });

  it.each(NON_PRODUCTION)('says why %s is not production', async url => {
    const [message] = await messagesOf(RULE, api('3.1', [{ url: PROD }, { url }]));
    expect(message).toMatch(/its host (names the "\w+" environment|is a loopback address|is a private network address|is on a private network)/);
  });

  it.each(PRODUCTION_LOOK_ALIKES)('does not flag %s beside a staging server, and counts it as production', async url => {
    // The look-alike is the only other server: a finding on the staging one proves it was read as production.
    expect(await found(RULE, api('3.0', [{ url }, { url: 'https://staging.example.com' }]))).toEqual(['servers.1.url']);
  });
});

describe('test environments offered to customers', () => {
  it.each(V3.flatMap(v => [
    'Public sandbox for integration tests.',
    'Sandbox: test your integration with test data.',
    'Test environment for customers and partners.',
    'Preview of the next release, open to third-party developers.',
  ].map(d => [v, d] as const)))('%s: a non-production host described as %j is published on purpose', async (version, description) => {
    expect(await found(RULE, api(version, [{ url: PROD }, { url: 'https://api.sandbox.example.com', description }, { url: 'https://test.example.com', description }, { url: 'https://preview.example.com', description }]))).toEqual([]);
  });

  it.each(V3.flatMap(v => ['Test server.', 'Test environment', 'Staging, for internal customers only.', 'Our developers\' playground.', ''].map(d => [v, d] as const)))('%s: still reported when described as %j', async (version, description) => {
    expect(await found(RULE, api(version, [{ url: PROD }, { url: 'https://api.test.example.com', description }]))).toEqual(['servers.1.url']);
  });

  it.each(V3.flatMap(v => [
    'Staging environment. Not for customer use.',
    'Pre-production - no external access, data is wiped nightly.',
    'QA. Not available to partners.',
    'Test server, not intended for use by customers.',
    'Non-public test environment.',
    'Not for public use.',
  ].map(d => [v, d] as const)))('%s: a negated audience is no audience: reported when described as %j', async (version, description) => {
    expect(await found(RULE, api(version, [{ url: PROD }, { url: 'https://api.test.example.com', description }]))).toEqual(['servers.1.url']);
  });

  it.each(V3.flatMap(v => [
    'Test environment for partners; not for production traffic.',
    'No sign-up needed: a public test environment for partners.',
    'Not just for partners: any customer can test their integration here.',
  ].map(d => [v, d] as const)))('%s: a negation elsewhere leaves the audience: not reported when described as %j', async (version, description) => {
    expect(await found(RULE, api(version, [{ url: PROD }, { url: 'https://api.test.example.com', description }]))).toEqual([]);
  });

  it.each(V3.flatMap(v => ['https://api.sandbox.example.com', 'https://sandbox-api.example.com/v1', 'https://public-api.sandbox.example.com', 'https://demo.example.com', 'https://mock.example.com'].map(u => [v, u] as const)))('%s: %s is a test environment offered to integrators: not reported, whatever its description', async (version, url) => {
    expect(await found(RULE, api(version, [{ url: PROD }, { url, description: 'Sandbox server' }]))).toEqual([]);
  });

  it.each(V3)('%s: a loopback or private address is reported whatever its description says', async version => {
    const description = 'Public test server for customers.';
    expect(await found(RULE, api(version, [{ url: PROD }, { url: 'http://localhost:8080', description }, { url: 'http://10.0.0.5', description }]))).toEqual(['servers.1.url', 'servers.2.url']);
  });

  it.each(V3)('%s: a sandbox, demo or mock server is not production either', async version => {
    expect(await found(RULE, api(version, [{ url: 'https://mock.example.com' }, { url: 'https://demo.example.com' }, { url: 'https://staging.example.com' }]))).toEqual([]);
    expect(await found(RULE, api(version, [{ url: 'https://api.sandbox.example.com' }, { url: 'https://staging.example.com' }]))).toEqual([]);
  });
});

describe('hosted mock servers', () => {
  const MOCKS = [
    'https://stoplight.io/mocks/acme/todos/91811472',
    'https://virtserver.swaggerhub.com/acme-corp/SimpleInventory/1.0.0',
    'https://api.example.com/mock/v1',
    'https://prism.example.com',
    'https://api-mock.example.com',
    'https://5f1a2b3c.mockapi.io/api/v1',
  ];

  it.each(V3.flatMap(v => MOCKS.map(u => [v, u] as const)))('%s: %s is a mock, not production: the localhost beside it is not reported', async (version, url) => {
    expect(await found(RULE, api(version, [{ url: 'http://localhost:3000' }, { url, description: 'Mock server' }]))).toEqual([]);
  });

  it.each(V3.flatMap(v => MOCKS.map(u => [v, u] as const)))('%s: %s is not reported beside production either', async (version, url) => {
    expect(await found(RULE, api(version, [{ url: PROD }, { url }, { url: 'https://staging.example.com' }]))).toEqual(['servers.2.url']);
  });

  it('3.1: a mock server of a path item in components.pathItems is not production', async () => {
    const doc = base('3.1', {
      servers: [{ url: 'http://localhost:3000' }],
      paths: { '/things': { $ref: '#/components/pathItems/Things' } },
      components: { pathItems: { Things: { servers: [{ url: 'https://stoplight.io/mocks/acme/todos/1' }], get: ok() } } },
    });
    expect(await found(RULE, doc)).toEqual([]);
  });

  it.each(V3.flatMap(v => ['https://api.example.com/mockingbird', 'https://api.example.com/v1?mode=mock', 'https://swaggerhub.com/apis', 'https://api.prismatic.example.com', 'https://mocktail.com'].map(u => [v, u] as const)))(
    '%s: %s only looks like a mock: it is production',
    async (version, url) => {
      expect(await found(RULE, api(version, [{ url }, { url: 'http://localhost:3000' }]))).toEqual(['servers.1.url']);
    },
  );
});

describe('what counts as production', () => {
  it.each(V3)('%s: nothing when every server is non-production (no production to compare)', async version => {
    expect(await found(RULE, api(version, [{ url: 'http://localhost:8080' }, { url: 'https://staging.example.com' }, { url: 'https://qa.example.com' }]))).toEqual([]);
  });

  it.each(V3)('%s: relative and unfilled servers are not production', async version => {
    expect(await found(RULE, api(version, [{ url: '/v1' }, { url: 'https://{host}/v1' }, { url: 'http://localhost:8080' }]))).toEqual([]);
  });

  it('2.0: `host` is one server, nothing to compare: never reported', async () => {
    const doc = base('2.0', { host: 'api.staging.example.com', schemes: ['https'], paths: { '/things': { get: ok() } }, 'x-servers': [{ url: PROD }] });
    expect(await found(RULE, doc)).toEqual([]);
  });

  it.each(V3)('%s: a description marked internal at its root or info is not published', async version => {
    const servers = [{ url: PROD }, { url: 'https://staging.example.com' }];
    expect(await found(RULE, api(version, servers, { 'x-internal': true }))).toEqual([]);
    expect(await found(RULE, base(version, { info: { title: 'T', version: '1', 'x-audience': 'company-internal' }, servers, paths: { '/things': { get: ok() } } }))).toEqual([]);
    // An external audience at the root says the description is published.
    expect(await found(RULE, base(version, { info: { title: 'T', version: '1', 'x-audience': 'external-public' }, servers, paths: { '/things': { get: ok() } } }))).toEqual(['servers.1.url']);
  });
});

describe('server variables', () => {
  it.each(V3)('%s: an enum value that makes the host non-production, at that value', async version => {
    const doc = api(version, [{ url: 'https://{environment}.example.com/v1', variables: { environment: { default: 'api', enum: ['api', 'api.staging', 'devices', 'dev'] } } }]);
    expect(await found(RULE, doc)).toEqual(['servers.0.variables.environment.enum.1', 'servers.0.variables.environment.enum.3']);
    const messages = await messagesOf(RULE, doc);
    expect(messages[0]).toContain('Server variable "environment" offers "api.staging", which makes "https://api.staging.example.com/v1" a non-production server');
  });

  it.each(V3)('%s: a default that is non-production, beside a production server', async version => {
    const doc = api(version, [{ url: PROD }, { url: 'https://{env}.example.com', variables: { env: { default: 'qa' } } }]);
    expect(await found(RULE, doc)).toEqual(['servers.1.variables.env.default']);
  });

  it.each(V3)('%s: a variable outside the host does not take the blame for a literal staging host', async version => {
    const doc = api(version, [{ url: PROD }, { url: 'https://staging.example.com/{version}', variables: { version: { default: 'v1', enum: ['v1', 'v2'] } } }]);
    expect(await found(RULE, doc)).toEqual(['servers.1.url']);
  });

  it.each(V3)('%s: the variable whose value makes the host non-production takes the blame, once, not the one beside it', async version => {
    const doc = api(version, [{ url: PROD }, { url: 'https://{region}.{environment}.example.com/v3', variables: { region: { default: 'eu-west-1', enum: ['eu-west-1', 'us-east-1'] }, environment: { default: 'api', enum: ['api', 'uat'] } } }]);
    expect(await found(RULE, doc)).toEqual(['servers.1.variables.environment.enum.1']);
    expect(await messagesOf(RULE, doc)).toEqual([expect.stringContaining('Server variable "environment" offers "uat"')]);
  });

  it.each(V3)('%s: a host variable defaulting to localhost takes the blame, not the scheme', async version => {
    const doc = api(version, [{ url: PROD }, { url: '{scheme}://{host}/api/v1', variables: { scheme: { default: 'http', enum: ['http', 'https'] }, host: { default: 'localhost:3000' } } }]);
    expect(await found(RULE, doc)).toEqual(['servers.1.variables.host.default']);
  });

  it.each(V3)('%s: a variable whose value is the whole environment word takes the blame when every value is non-production', async version => {
    const doc = api(version, [{ url: PROD }, { url: 'https://{tenant}.{env}.example.com', variables: { tenant: { default: 'acme', enum: ['acme', 'globex'] }, env: { default: 'staging' } } }]);
    expect(await found(RULE, doc)).toEqual(['servers.1.variables.env.default']);
  });

  it('3.1: blamed where the variable is written, through a path item in components.pathItems', async () => {
    const doc = base('3.1', {
      servers: [{ url: PROD }],
      paths: { '/things': { $ref: '#/components/pathItems/Things' } },
      components: { pathItems: { Things: { servers: [{ url: 'https://{region}.{environment}.example.com', variables: { region: { default: 'eu' }, environment: { default: 'api', enum: ['api', 'qa'] } } }], get: ok() } } },
    });
    expect(await found(RULE, doc)).toEqual(['components.pathItems.Things.servers.0.variables.environment.enum.1']);
  });

  it.each(V3)('%s: nothing when every value is production', async version => {
    const doc = api(version, [{ url: 'https://{region}.example.com', variables: { region: { default: 'eu', enum: ['eu', 'us', 'devices'] } } }]);
    expect(await found(RULE, doc)).toEqual([]);
  });
});

describe('servers at every level', () => {
  it.each(V3)('%s: path item and operation servers, beside a root production server', async version => {
    const doc = api(version, [{ url: PROD }], {}, { servers: [{ url: 'https://dev.example.com' }] }, { servers: [{ url: 'http://192.168.0.10' }] });
    expect(await found(RULE, doc)).toEqual(['paths./things.get.servers.0.url', 'paths./things.servers.0.url']);
  });

  it.each(V3)('%s: production at operation level counts too', async version => {
    const doc = api(version, [{ url: 'https://staging.example.com' }], {}, { servers: [{ url: PROD }] });
    expect(await found(RULE, doc)).toEqual(['servers.0.url']);
  });

  it('3.1: a path item in components.pathItems, reported where its server is written', async () => {
    const doc = base('3.1', {
      servers: [{ url: PROD }],
      paths: { '/things': { $ref: '#/components/pathItems/Things' } },
      components: { pathItems: { Things: { servers: [{ url: 'https://uat.example.com' }], get: ok() } } },
    });
    expect(await found(RULE, doc)).toEqual(['components.pathItems.Things.servers.0.url']);
  });

  it.each(V3)('%s: an operation exempt from the rule drops its server finding', async version => {
    const doc = api(version, [{ url: PROD }], {}, { servers: [{ url: 'https://dev.example.com' }], 'x-api-security-exemptions': { [RULE]: 'Partners test against dev by contract.' } });
    expect(await found(RULE, doc)).toEqual([]);
  });
});

describe('options', () => {
  it('nonProductionHostWords.add and .remove change which words name an environment', async () => {
    const doc = api('3.1', [{ url: PROD }, { url: 'https://beta.example.com' }, { url: 'https://dev.example.com' }, { url: 'https://api.sandbox.example.com' }]);
    expect(await found(RULE, doc)).toEqual(['servers.2.url']);
    expect(await found(RULE, doc, { nonProductionHostWords: { add: ['beta', 'sandbox'], remove: ['dev'] } })).toEqual(['servers.1.url', 'servers.3.url']);
  });

  it('internalMarkers.add makes another extension a marker', async () => {
    const doc = api('3.0', [{ url: PROD }, { url: 'https://dev.example.com', 'x-hidden': true }]);
    expect(await found(RULE, doc)).toEqual(['servers.1.url']);
    expect(await found(RULE, doc, { internalMarkers: { add: ['x-hidden'] } })).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws on odd servers', async () => {
    const doc = api('3.1', [null, 'x', { url: 42 }, { url: PROD, variables: { a: null } }, { url: 'https://{a}.example.com', variables: { a: { enum: 'dev' } } }, { url: `https://${'a.'.repeat(200)}dev.example.com` }]);
    expect(await found(RULE, doc)).toEqual([]);
  });
});
