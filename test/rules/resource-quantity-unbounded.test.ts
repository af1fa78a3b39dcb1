import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, lint, messagesOf, param, pathParam, testRule, VERSIONS, type Doc } from '../helpers.js';
import { at, bodyPath, EXEMPTIONS, get, object, ref, returns } from '../fixtures/documents.js';
import { body, byValueRule, NUMBER, paramType, paramTypePath, post, QUANTITY, valuesDoc } from '../fixtures/values.js';

const both = (entry: string, bounds = '`minimum: 1`, `maximum: 1000`') =>
  `Number named like a quantity ("${entry}") has neither \`maximum\` nor \`minimum\`: one request can ask for a billion (items, seconds, retries or cents), or for a negative amount (the classic refund and balance fraud). Set both (e.g. ${bounds}).`;
const noMaximum = (entry: string) => `Number named like a quantity ("${entry}") has no \`maximum\`: one request can ask for a billion (items, seconds, retries or cents). Set one.`;
const noMinimum = (entry: string) =>
  `Number named like a quantity ("${entry}") has no \`minimum\` (or \`exclusiveMinimum\`): a negative quantity or amount is the classic refund and balance fraud. Set \`minimum: 0\` (or 1).`;

testRule(QUANTITY, VERSIONS.flatMap(version => [
  {
    name: `${version}: quantities and amounts without either bound, where each is written, as warnings saying which bound is missing`,
    document: valuesDoc(version, {
      '/orders': {
        post: post(version, object({
          order_quantity: { type: 'integer' },
          amount_cents: { type: 'integer', maximum: 100000 },
          maxRetries: { type: 'integer', minimum: 0 },
          ok: { type: 'integer', minimum: 1, maximum: 99 },
        })),
      },
      '/jobs': { post: get(version, [param(version, 'timeoutSeconds', 'query', { type: 'integer' })]) },
    }),
    errors: [
      { path: [...bodyPath(version, '/orders', 'post'), 'properties', 'order_quantity'], severity: DiagnosticSeverity.Warning, message: both('quantity') },
      { path: [...bodyPath(version, '/orders', 'post'), 'properties', 'amount_cents'], severity: DiagnosticSeverity.Warning, message: noMinimum('amount') },
      { path: [...bodyPath(version, '/orders', 'post'), 'properties', 'maxRetries'], severity: DiagnosticSeverity.Warning, message: noMaximum('retries') },
      { path: paramTypePath(version, 'paths', '/jobs', 'post', 'parameters', '0'), severity: DiagnosticSeverity.Warning, message: both('timeout') },
    ],
  },
  {
    name: `${version}: not numbers named like ids, versions, ports, years, coordinates or positions, nor a GET page size, nor response values`,
    document: valuesDoc(version, {
      '/things': {
        post: post(version, object({
          account_number: { type: 'integer' },
          version: { type: 'integer' },
          port: { type: 'integer' },
          year: { type: 'integer' },
          exp_month: { type: 'integer' },
          latitude: { type: 'number' },
          position: { type: 'integer' },
          user_id: { type: 'integer' },
          amount_type: { type: 'integer' },
          expiration_time: { type: 'integer' },
          period_end: { type: 'integer' },
        })),
        get: { ...returns(version, object({ total_amount: { type: 'integer' } })), parameters: [param(version, 'limit', 'query', { type: 'integer' })] },
      },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${QUANTITY} (%s)`, version => {
  it.each([
    'quantity', 'qty', 'itemCount', 'replicas', 'max_connections', 'num_nodes', 'numberOfSeats', 'retries', 'retry_limit', 'max_attempts',
    'page_size', 'file_size_bytes', 'memory_mb', 'storage_gib', 'rate_limit', 'quota', 'timeout', 'timeout_seconds', 'delay_ms', 'backoff_ms',
    'amount', 'unit_amount', 'price', 'shipping_cost', 'application_fee',
    'balance', 'credit', 'refund_amount', 'tip', 'discount', 'amounts',
  ])('reads %s as a quantity', async name => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ [name]: { type: 'number' } })) } });
    expect(await found(QUANTITY, d)).toEqual([`${body(version)}.properties.${name}`]);
    expect(await found(NUMBER, d)).toEqual([]);
  });

  it.each([
    'id', 'order_id', 'accountNumber', 'phone_number', 'zip_code', 'api_version', 'port', 'year', 'month', 'day', 'hour', 'created_at',
    'expires_at', 'timestamp', 'latitude', 'longitude', 'x', 'index', 'position', 'priority', 'rating', 'score', 'level', 'weight', 'seed',
    'temperature', 'count_type', 'size_class_code', 'billing_period_start', 'trial_end', 'width', 'height', 'account', 'discount_code',
    'smart_tip_threshold', 'amountThreshold', 'size_cutoff', 'sinceSeconds', 'since_days', 'older_than_days', 'until_ms',
    'ttl', 'retention_days', 'expires_after_seconds', 'gracePeriodSeconds', 'days_until_due', 'leaseDurationSeconds', 'segment_ms', 'days',
    'failedJobsHistoryLimit', 'history_size', 'amount_gte', 'quantity_lt', 'unitAmountLte',
    'interval_count', 'intervalCount', 'period_count', 'retry_interval', 'max_billing_cycles',
  ])('does not read %s as a quantity (it stays the number rule\'s, as info)', async name => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ [name]: { type: 'number' } })) } });
    expect(await found(QUANTITY, d)).toEqual([]);
    expect(await found(NUMBER, d)).toEqual([`${body(version)}.properties.${name}`]);
  });

  const bounded: Array<[string, Doc]> = [
    ['minimum and maximum', { minimum: 1, maximum: 100 }],
    ['minimum: 0 and maximum: 0', { minimum: 0, maximum: 0 }],
    ['an enum', { enum: [1, 5, 10] }],
    ['an unsigned format and a maximum', { format: 'uint32', maximum: 100 }],
    ['`format: uint16` (caps at 65,535)', { format: 'uint16' }],
    ['`format: int8` (caps at 127) and a minimum', { format: 'int8', minimum: 0 }],
    ['3.0 exclusive flags beside both bounds', { minimum: 0, exclusiveMinimum: true, maximum: 100, exclusiveMaximum: true }],
    ...(version === '3.1'
      ? [['numeric exclusiveMinimum and exclusiveMaximum (3.1)', { exclusiveMinimum: 0, exclusiveMaximum: 1000 }] as [string, Doc], ['a const', { const: 3 }] as [string, Doc]]
      : []),
  ];
  it.each(bounded)('does not flag a quantity bounded by %s', async (_, keywords) => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ quantity: { type: 'integer', ...keywords } })) } });
    expect(await byValueRule(d)).toEqual({});
  });

  it('advises the bounds of a share for percents and ratios (0 to 100, 0 to 1)', async () => {
    const d = valuesDoc(version, { '/charges': { post: post(version, object({
      application_fee_percent: { type: 'number' },
      discount_ratio: { type: 'number' },
      fee_pct: { type: 'number', minimum: 0 },
    })) } });
    expect((await lint(d)).filter(r => r.code === QUANTITY).map(r => `${String(r.path[r.path.length - 1])} ${r.message}`).sort()).toEqual([
      `application_fee_percent ${both('fee', '`minimum: 0`, `maximum: 100`')}`,
      `discount_ratio ${both('discount', '`minimum: 0`, `maximum: 1`')}`,
      `fee_pct ${noMaximum('fee')}`,
    ]);
  });

  it('takes a documented -1 ("-1 means no limit") as the lower bound: only the missing maximum is reported', async () => {
    const d = valuesDoc(version, { '/topics': { post: post(version, object({
      max_connections: { type: 'integer', description: 'Connections per node; -1 means no limit.' },
      replicas: { type: 'integer', description: 'Standby nodes; at least 1.' },
      credit: { type: 'integer', description: 'Credit in cents (e.g. 100-150).' },
    })) } });
    expect((await lint(d)).filter(r => r.code === QUANTITY).map(r => `${String(r.path[r.path.length - 1])} ${r.message}`).sort()).toEqual([
      `credit ${both('credit')}`,
      `max_connections ${noMaximum('connections')}`,
      `replicas ${both('replicas')}`,
    ]);
  });

  it.each<[string, Doc, (name: string) => string]>([
    ['only `exclusiveMinimum: true` (3.0 style: a flag, not a bound) and a maximum', { exclusiveMinimum: true, maximum: 10 }, noMinimum],
    ['a minimum given as a string', { minimum: '0', maximum: 10 }, noMinimum],
    ['`format: int32` and a minimum', { format: 'int32', minimum: 1 }, noMaximum],
    ['`format: int16` alone (capped, but it may be negative)', { format: 'int16' }, noMinimum],
  ])('flags a quantity with %s', async (_, keywords, message) => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ quantity: { type: 'integer', ...keywords } })) } });
    expect(await messagesOf(QUANTITY, d)).toEqual([message('quantity')]);
  });

  it('reads a shared schema by the name of the property that uses it, reported once where its type is written', async () => {
    const d = valuesDoc(version, { '/a': { post: post(version, object({ unit_amount: ref(version, 'Money') })) }, '/b': { put: post(version, object({ unit_amount: ref(version, 'Money') })) } }, { Money: { type: 'integer' } });
    expect(await found(QUANTITY, d)).toEqual([at(version, 'Money')]);
    expect(await messagesOf(QUANTITY, d)).toEqual([both('amount')]);
  });

  it('reads a component by its own name when the property that uses it is not a quantity', async () => {
    const d = valuesDoc(version, { '/a': { post: post(version, object({ total: ref(version, 'Amount') })) } }, { Amount: { type: 'integer', minimum: 0 } });
    expect(await found(QUANTITY, d)).toEqual([at(version, 'Amount')]);
    expect(await messagesOf(QUANTITY, d)).toEqual([noMaximum('amount')]);
  });

  it('merges allOf: a maximum on the wrapper counts, and the finding lands where the type is written', async () => {
    const d = valuesDoc(version, { '/a': { post: post(version, object({ order_quantity: { allOf: [ref(version, 'Count')], maximum: 10 } })) } }, { Count: { type: 'integer' } });
    expect(await found(QUANTITY, d)).toEqual([at(version, 'Count')]);
    expect(await messagesOf(QUANTITY, d)).toEqual([noMinimum('quantity')]);
    const closed = valuesDoc(version, { '/a': { post: post(version, object({ order_quantity: { allOf: [ref(version, 'Count')], maximum: 10, minimum: 1 } })) } }, { Count: { type: 'integer' } });
    expect(await byValueRule(closed)).toEqual({});
  });

  it('reads the items of an array by the array\'s name', async () => {
    const d = valuesDoc(version, { '/a': { post: post(version, object({ fixed_amounts: { type: 'array', maxItems: 3, items: { type: 'integer' } } })) } });
    expect(await found(QUANTITY, d)).toEqual([`${body(version, '/a')}.properties.fixed_amounts.items`]);
  });

  it('judges query and header parameters, not path parameters, and leaves GET page sizes to the pagination rule', async () => {
    const d = valuesDoc(version, {
      '/things/{count}': { get: get(version, [pathParam(version, 'count', { type: 'integer' })]) },
      '/things': {
        get: get(version, [param(version, 'limit', 'query', { type: 'integer' }), param(version, 'X-Retry-Count', 'header', { type: 'integer', minimum: 0 })]),
        post: get(version, [param(version, 'copies', 'query', { type: 'integer', minimum: 1 })]),
      },
    });
    expect(await found(QUANTITY, d)).toEqual([paramType(version, 'paths./things.get.parameters.1'), paramType(version, 'paths./things.post.parameters.0')]);
    expect(await found('resource-pagination-unbounded', d)).toEqual(['paths./things.get.parameters.0']);
  });

  it('does not read values sent to a verification (`/verify_microdeposits`, `/validate`) as quantities: the server compares them', async () => {
    const withId = (operation: Doc): Doc => ({ ...operation, parameters: [...((operation.parameters as Doc[] | undefined) ?? []), pathParam(version, 'id', { type: 'string' })] });
    const d = valuesDoc(version, {
      '/bank_accounts/{id}/verify_microdeposits': { post: withId(post(version, object({ amounts: { type: 'array', items: { type: 'integer' } } }))) },
      '/coupons/validate': { post: get(version, [param(version, 'amount', 'query', { type: 'integer' })]) },
      '/verifications/{id}/retries': { post: withId(post(version, object({ retries: { type: 'integer' } }))) },
      '/validated_orders': { post: post(version, object({ quantity: { type: 'integer' } })) },
    });
    // A verification earlier in the path does not make the last segment's request one.
    expect(await found(QUANTITY, d)).toEqual([`${body(version, '/validated_orders')}.properties.quantity`, `${body(version, '/verifications/{id}/retries')}.properties.retries`].sort());
    expect(await found(NUMBER, d)).toEqual([`${body(version, '/bank_accounts/{id}/verify_microdeposits')}.properties.amounts.items`, paramType(version, 'paths./coupons/validate.post.parameters.0')].sort());
  });

  it('does not read the query of a GET or HEAD as quantities: it filters what exists (`?amount=500`), and stays the number rule\'s', async () => {
    const d = valuesDoc(version, { '/topups': { get: get(version, [param(version, 'amount', 'query', { type: 'integer' })]), head: get(version, [param(version, 'min_amount', 'query', { type: 'integer' })]) } });
    expect(await found(QUANTITY, d)).toEqual([]);
    expect(await found(NUMBER, d)).toEqual([paramType(version, 'paths./topups.get.parameters.0'), paramType(version, 'paths./topups.head.parameters.0')]);
  });

  it('does not read counts in schemas that report observed state, or described as read-only, as quantities: they stay numbers', async () => {
    const d = valuesDoc(version, { '/deployments': { put: post(version, object({ spec: ref(version, 'DeploymentSpec'), status: ref(version, 'DeploymentStatus'), stats: object({ pull_count: { type: 'integer' } }) })) } }, {
      DeploymentSpec: object({ replicas: { type: 'integer' }, gracePeriodSeconds: { type: 'integer', description: 'Seconds to wait. Read-only.' } }),
      DeploymentStatus: object({ readyReplicas: { type: 'integer' } }),
    });
    expect(await found(QUANTITY, d)).toEqual([`${at(version, 'DeploymentSpec')}.properties.replicas`]);
    expect(await found(NUMBER, d)).toEqual([
      `${at(version, 'DeploymentSpec')}.properties.gracePeriodSeconds`,
      `${at(version, 'DeploymentStatus')}.properties.readyReplicas`,
      `${body(version, '/deployments', 'put')}.properties.stats.properties.pull_count`,
    ].sort());
  });

  it('quantityNames.add and .remove change which names are quantities', async () => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ priority: { type: 'integer' }, amount: { type: 'integer' } })) } });
    const options = { quantityNames: { add: ['priority'], remove: ['amount'] } };
    expect(await found(QUANTITY, d, options)).toEqual([`${body(version)}.properties.priority`]);
    expect(await found(NUMBER, d, options)).toEqual([`${body(version)}.properties.amount`]);
  });

  it('honours exemptions on the number schema, the operation and the root', async () => {
    const reason = { [QUANTITY]: 'Amounts are capped per merchant by the payment provider.' };
    const d = valuesDoc(version, { '/things': { post: post(version, object({ amount: { type: 'integer', [EXEMPTIONS]: reason }, quantity: { type: 'integer' } })) } });
    expect(await found(QUANTITY, d)).toEqual([`${body(version)}.properties.quantity`]);
    expect(await found(QUANTITY, { ...d, [EXEMPTIONS]: reason })).toEqual([]);
  });

  if (version === '3.1') {
    it('judges 3.1 type lists', async () => {
      const d = valuesDoc(version, { '/things': { post: post(version, object({ quantity: { type: ['integer', 'null'], minimum: 1 } })) } });
      expect(await messagesOf(QUANTITY, d)).toEqual([noMaximum('quantity')]);
    });
  }
});

// Swagger 2.0 schemas have no oneOf/anyOf: OpenAPI 3.x only.
describe.each(['3.0', '3.1'] as const)('%s: alternatives', version => {
  it('reads an alternative by the name of the value that holds it; alternatives that are all constants bound it', async () => {
    const d = valuesDoc(version, {
      '/things': {
        post: post(version, object({
          delay_days: { anyOf: [{ type: 'string', enum: ['minimum'] }, { type: 'integer' }] },
          tier_quantity: { oneOf: [{ const: 1 }, { const: 10 }], type: 'integer' },
        })),
      },
    });
    expect(await found(QUANTITY, d)).toEqual([`${body(version)}.properties.delay_days.anyOf.1`]);
  });
});
