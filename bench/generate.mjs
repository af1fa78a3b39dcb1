// Deterministic OpenAPI 3.1 descriptions of N operations, shaped like real APIs: resources grouped
// under tags, shared components reached through `$ref` (schemas, parameters, responses), `allOf`
// composition, paginated lists, request bodies for create and update, path-item parameters, OAuth2
// scopes on writes and a global bearer requirement. The same N always gives the same bytes.
//
//   node bench/generate.mjs <operations> [--out file] [--yaml]
//
// Without --out the document goes to stdout. The benchmark imports `generate` and `writeGenerated`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped whenever the output changes, so cached files from an older generator are rewritten. */
export const GENERATOR_VERSION = 1;

const NOUNS = [
  'account', 'address', 'application', 'balance', 'card', 'charge', 'checkout', 'comment', 'coupon', 'customer',
  'device', 'discount', 'dispute', 'document', 'event', 'export', 'file', 'group', 'invoice', 'issue',
  'member', 'message', 'note', 'order', 'payment', 'payout', 'plan', 'price', 'product', 'project',
  'quote', 'refund', 'report', 'review', 'session', 'shipment', 'subscription', 'task', 'team', 'ticket',
  'transfer', 'upload', 'vendor', 'webhook', 'workspace',
];
const AREAS = ['Billing', 'Catalog', 'Commerce', 'Identity', 'Messaging', 'Operations', 'Payments', 'Reporting', 'Storage', 'Support'];
const STATUSES = ['active', 'pending', 'archived', 'canceled', 'draft', 'failed', 'succeeded'];
const FIELDS = [
  ['title', { type: 'string', maxLength: 200 }],
  ['amount', { type: 'integer', format: 'int64', minimum: 0, maximum: 99999999 }],
  ['currency', { type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3 }],
  ['quantity', { type: 'integer', format: 'int32', minimum: 1, maximum: 10000 }],
  ['email', { type: 'string', format: 'email', maxLength: 254 }],
  ['phone', { type: 'string', maxLength: 32 }],
  ['url', { type: 'string', format: 'uri', maxLength: 2048 }],
  ['notes', { type: 'string', maxLength: 5000 }],
  ['priority', { type: 'integer', minimum: 0, maximum: 10 }],
  ['expires_at', { type: 'string', format: 'date-time' }],
  ['enabled', { type: 'boolean' }],
  ['reference', { type: 'string', maxLength: 64 }],
  ['locale', { type: 'string', maxLength: 16 }],
  ['weight', { type: 'number', minimum: 0, maximum: 100000 }],
  ['label', { type: 'string', maxLength: 120 }],
];

/** mulberry32: a small seeded generator, so the "random" choices are the same on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ref = name => ({ $ref: `#/components/schemas/${name}` });
const plural = s => (/(s|sh|ch|x)(_\d+)?$/.test(s) ? s.replace(/(_\d+)?$/, 'es$1') : s.replace(/(_\d+)?$/, 's$1'));
const pascal = s => s.replace(/(^|_)([a-z])/g, (_, __, c) => c.toUpperCase());

function sharedComponents() {
  return {
    schemas: {
      Resource: {
        type: 'object',
        required: ['id', 'object', 'created_at'],
        properties: {
          id: { type: 'string', format: 'uuid', readOnly: true },
          object: { type: 'string', readOnly: true, maxLength: 64 },
          created_at: { type: 'string', format: 'date-time', readOnly: true },
          updated_at: { type: 'string', format: 'date-time', readOnly: true },
          metadata: ref('Metadata'),
        },
      },
      Metadata: {
        type: 'object',
        description: 'Free-form key/value pairs.',
        maxProperties: 50,
        additionalProperties: { type: 'string', maxLength: 500 },
      },
      Page: {
        type: 'object',
        required: ['has_more'],
        properties: {
          has_more: { type: 'boolean' },
          next_cursor: { type: ['string', 'null'], maxLength: 128 },
          total_count: { type: 'integer', minimum: 0 },
        },
      },
      Money: {
        type: 'object',
        required: ['amount', 'currency'],
        properties: {
          amount: { type: 'integer', format: 'int64', minimum: 0, maximum: 99999999 },
          currency: { type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3 },
        },
      },
      Address: {
        type: 'object',
        properties: {
          line1: { type: 'string', maxLength: 200 },
          line2: { type: 'string', maxLength: 200 },
          city: { type: 'string', maxLength: 100 },
          postal_code: { type: 'string', maxLength: 20 },
          country: { type: 'string', pattern: '^[A-Z]{2}$', maxLength: 2 },
        },
      },
      UserRef: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid', readOnly: true },
          name: { type: 'string', maxLength: 200 },
          email: { type: 'string', format: 'email', maxLength: 254 },
        },
      },
      Error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', maxLength: 64 },
          message: { type: 'string', maxLength: 1000 },
          param: { type: 'string', maxLength: 200 },
          request_id: { type: 'string', maxLength: 64 },
        },
      },
    },
    parameters: {
      Limit: { name: 'limit', in: 'query', description: 'Page size.', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
      Cursor: { name: 'starting_after', in: 'query', description: 'Cursor from the previous page.', schema: { type: 'string', maxLength: 128 } },
      Expand: {
        name: 'expand',
        in: 'query',
        schema: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 64 } },
      },
      IdempotencyKey: { name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 255 } },
    },
    headers: {
      RateLimitLimit: { description: 'Requests allowed in the window.', schema: { type: 'integer' } },
      RateLimitRemaining: { description: 'Requests left in the window.', schema: { type: 'integer' } },
      RetryAfter: { description: 'Seconds to wait.', schema: { type: 'integer' } },
    },
    responses: {
      BadRequest: { description: 'The request is malformed.', content: { 'application/json': { schema: ref('Error') } } },
      Unauthorized: { description: 'Missing or invalid credentials.', content: { 'application/json': { schema: ref('Error') } } },
      Forbidden: { description: 'Not allowed.', content: { 'application/json': { schema: ref('Error') } } },
      NotFound: { description: 'No such resource.', content: { 'application/json': { schema: ref('Error') } } },
      TooManyRequests: {
        description: 'Too many requests.',
        headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
        content: { 'application/json': { schema: ref('Error') } },
      },
      NoContent: { description: 'Deleted.' },
    },
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      oauth2: {
        type: 'oauth2',
        flows: {
          authorizationCode: {
            authorizationUrl: 'https://auth.example.com/oauth/authorize',
            tokenUrl: 'https://auth.example.com/oauth/token',
            refreshUrl: 'https://auth.example.com/oauth/refresh',
            scopes: {},
          },
        },
      },
    },
  };
}

/** One resource: its schemas (entity through allOf, create/update bodies, list page, line item). */
function resourceSchemas(name, random) {
  const fields = [];
  const count = 4 + Math.floor(random() * 5);
  const start = Math.floor(random() * FIELDS.length);
  for (let i = 0; i < count; i++) fields.push(FIELDS[(start + i * 2) % FIELDS.length]);
  const own = Object.fromEntries(fields.map(([field, schema]) => [field, { ...schema }]));
  const writable = { ...own, status: { type: 'string', enum: STATUSES.slice(0, 3 + Math.floor(random() * 4)) } };
  const entity = {
    allOf: [
      ref('Resource'),
      {
        type: 'object',
        properties: {
          ...writable,
          owner: ref('UserRef'),
          total: ref('Money'),
          ...(random() < 0.4 ? { shipping_address: ref('Address') } : {}),
          items: { type: 'array', maxItems: 100, items: ref(`${name}Item`) },
        },
      },
    ],
  };
  return {
    [name]: entity,
    [`${name}Item`]: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid', readOnly: true },
        description: { type: 'string', maxLength: 500 },
        price: ref('Money'),
        quantity: { type: 'integer', minimum: 1, maximum: 1000 },
      },
    },
    [`${name}Create`]: {
      type: 'object',
      required: [fields[0][0]],
      additionalProperties: false,
      properties: { ...writable, metadata: ref('Metadata') },
    },
    [`${name}Update`]: {
      allOf: [
        { $ref: `#/components/schemas/${name}Create` },
        { type: 'object', properties: { version: { type: 'integer', minimum: 0 } } },
      ],
    },
    [`${name}List`]: {
      allOf: [ref('Page'), { type: 'object', required: ['data'], properties: { data: { type: 'array', maxItems: 100, items: ref(name) } } }],
    },
  };
}

const json = schemaName => ({ 'application/json': { schema: ref(schemaName) } });
const limited = random => random() < 0.85; // most operations document 429, as real APIs mostly do not

function operations(resource, tag, scope, random) {
  const { name, plural, id } = resource;
  const errors = { '401': { $ref: '#/components/responses/Unauthorized' }, '403': { $ref: '#/components/responses/Forbidden' } };
  const rate = () => (limited(random) ? { '429': { $ref: '#/components/responses/TooManyRequests' } } : {});
  const rateHeaders = {
    'X-RateLimit-Limit': { $ref: '#/components/headers/RateLimitLimit' },
    'X-RateLimit-Remaining': { $ref: '#/components/headers/RateLimitRemaining' },
  };
  const writeSecurity = [{ oauth2: [scope] }];
  return {
    collection: {
      get: {
        tags: [tag],
        operationId: `list${pascal(plural)}`,
        summary: `List ${plural.replace(/_/g, ' ')}`,
        description: `Returns ${plural.replace(/_/g, ' ')} page by page, newest first.`,
        parameters: [
          { $ref: '#/components/parameters/Limit' },
          { $ref: '#/components/parameters/Cursor' },
          { $ref: '#/components/parameters/Expand' },
          { name: 'status', in: 'query', schema: { type: 'string', enum: STATUSES } },
        ],
        responses: {
          '200': { description: `A page of ${plural}.`, headers: rateHeaders, content: json(`${name}List`) },
          ...errors,
          ...rate(),
        },
      },
      post: {
        tags: [tag],
        operationId: `create${name}`,
        description: `Creates a ${name}.`,
        security: writeSecurity,
        parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }],
        requestBody: { required: true, content: json(`${name}Create`) },
        responses: {
          '201': { description: 'Created.', content: json(name) },
          '400': { $ref: '#/components/responses/BadRequest' },
          ...errors,
          ...rate(),
        },
      },
    },
    item: {
      parameters: [{ $ref: `#/components/parameters/${id}` }],
      get: {
        tags: [tag],
        operationId: `get${name}`,
        description: `Returns one ${name}.`,
        parameters: [{ $ref: '#/components/parameters/Expand' }],
        responses: {
          '200': { description: `The ${name}.`, content: json(name) },
          ...errors,
          '404': { $ref: '#/components/responses/NotFound' },
          ...rate(),
        },
      },
      patch: {
        tags: [tag],
        operationId: `update${name}`,
        description: `Updates a ${name}; omitted fields are left as they are.`,
        security: writeSecurity,
        requestBody: { required: true, content: json(`${name}Update`) },
        responses: {
          '200': { description: 'Updated.', content: json(name) },
          '400': { $ref: '#/components/responses/BadRequest' },
          ...errors,
          '404': { $ref: '#/components/responses/NotFound' },
          ...rate(),
        },
      },
      delete: {
        tags: [tag],
        operationId: `delete${name}`,
        description: `Deletes a ${name}.`,
        security: writeSecurity,
        responses: {
          '204': { $ref: '#/components/responses/NoContent' },
          ...errors,
          '404': { $ref: '#/components/responses/NotFound' },
          ...rate(),
        },
      },
    },
  };
}

/** The description with `operationCount` operations (five per resource: list, create, get, update, delete). */
export function generate(operationCount) {
  const n = Math.max(1, Math.floor(operationCount));
  const random = prng(0x5eed + n);
  const components = sharedComponents();
  const scopes = components.securitySchemes.oauth2.flows.authorizationCode.scopes;
  const tags = [];
  const paths = {};
  const resources = Math.ceil(n / 5);
  let remaining = n;
  for (let r = 0; r < resources; r++) {
    const noun = NOUNS[r % NOUNS.length];
    const round = Math.floor(r / NOUNS.length);
    const base = round === 0 ? noun : `${noun}_${round}`;
    const resource = { name: pascal(base), plural: plural(base), id: `${pascal(base)}Id` };
    // Resources are grouped eight to a tag; tags are named after product areas.
    const group = Math.floor(r / 8);
    const tag = `${AREAS[group % AREAS.length]} ${Math.floor(group / AREAS.length) + 1}`;
    if (r % 8 === 0) {
      tags.push({ name: tag, description: `Endpoints of the ${tag} area.` });
      scopes[`${tag.toLowerCase().replace(/ /g, '_')}:write`] = `Change ${tag} resources.`;
    }
    const scope = `${tag.toLowerCase().replace(/ /g, '_')}:write`;
    Object.assign(components.schemas, resourceSchemas(resource.name, random));
    components.parameters[resource.id] = {
      name: `${base}_id`,
      in: 'path',
      required: true,
      description: `Identifier of the ${base.replace(/_/g, ' ')}.`,
      schema: { type: 'string', format: 'uuid' },
    };
    const { collection, item } = operations(resource, tag, scope, random);
    // Every third resource is nested under the previous one, as sub-resources are in real APIs.
    const prefix = r % 3 === 2 ? `/v1/${plural(NOUNS[(r - 1) % NOUNS.length])}/{parent_id}` : '/v1';
    const parent = r % 3 === 2 ? [{ name: 'parent_id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }] : [];
    const collectionOps = Object.entries(collection).slice(0, Math.min(2, remaining));
    remaining -= collectionOps.length;
    const itemOps = Object.entries(item)
      .filter(([key]) => key !== 'parameters')
      .slice(0, Math.max(0, Math.min(3, remaining)));
    remaining -= itemOps.length;
    if (collectionOps.length) paths[`${prefix}/${resource.plural}`] = { ...(parent.length ? { parameters: parent } : {}), ...Object.fromEntries(collectionOps) };
    if (itemOps.length) {
      paths[`${prefix}/${resource.plural}/{${base}_id}`] = { parameters: [...parent, ...item.parameters], ...Object.fromEntries(itemOps) };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `Generated API (${n} operations)`,
      version: '1.0.0',
      description: 'Generated by bench/generate.mjs for the spectral-api-security benchmark.',
      contact: { name: 'API team', url: 'https://example.com/support' },
    },
    servers: [{ url: 'https://api.example.com' }],
    security: [{ bearerAuth: [] }],
    tags,
    paths,
    components,
  };
}

/** Counts HTTP-method keys under `paths`. */
export function countOperations(document) {
  const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
  let count = 0;
  for (const item of Object.values(document.paths ?? {})) for (const key of Object.keys(item)) if (methods.has(key)) count++;
  return count;
}

/** Writes the description as pretty-printed JSON (or YAML) and returns its size in bytes. */
export async function writeGenerated(operationCount, file, { yaml = false } = {}) {
  const document = generate(operationCount);
  let text;
  if (yaml) {
    const { stringify } = await import('yaml');
    text = stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
  } else {
    text = JSON.stringify(document, null, 2) + '\n';
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const count = Number(args.find(a => /^\d+$/.test(a)));
  if (!count) {
    console.error('usage: node bench/generate.mjs <operations> [--out file] [--yaml]');
    process.exit(2);
  }
  const outIndex = args.indexOf('--out');
  const yaml = args.includes('--yaml');
  if (outIndex >= 0 && args[outIndex + 1]) {
    const bytes = await writeGenerated(count, args[outIndex + 1], { yaml });
    console.error(`${args[outIndex + 1]}: ${count} operations, ${bytes} bytes`);
  } else if (yaml) {
    const { stringify } = await import('yaml');
    process.stdout.write(stringify(generate(count), { aliasDuplicateObjects: false, lineWidth: 0 }));
  } else {
    process.stdout.write(JSON.stringify(generate(count), null, 2) + '\n');
  }
}
