// Numbers named like amounts of work or money, and the schema facts the value rules judge them by.
import { describe, expect, it } from 'vitest';
import { acceptsAnyValue, analyse, hasLowerBound, quantityMatcher, requestValueNames, schemaGraph } from '../../../functions/analysis/index.js';
import { DEFAULT_LISTS } from '../../../functions/core/defaults.js';
import { doc, json, members } from './fixtures.js';

const isQuantity = quantityMatcher(DEFAULT_LISTS.quantityNames);

describe('quantityMatcher', () => {
  it.each([
    ['quantity', 'quantity'],
    ['order_quantity', 'quantity'],
    ['maxRetries', 'retries'],
    ['retry_limit', 'retry'],
    ['amount_cents', 'amount'],
    ['unitAmount', 'amount'],
    ['amounts', 'amount'],
    ['TimeoutSeconds', 'timeout'],
    ['retry_delay_ms', 'retry'],
    ['X-Rate-Limit', 'limit'],
    ['max_output_tokens', 'tokens'],
    ['num_inference_steps', 'steps'],
    ['numberReady', 'number of'],
  ])('%s is a quantity (%s)', (name, entry) => {
    expect(isQuantity(name)).toEqual({ entry });
  });

  it.each([
    'account_number', 'number', 'version', 'port', 'year', 'day', 'exp_month', 'latitude', 'user_id', 'userIds', 'retry_id', 'amount_type', 'size_code',
    'expiration_time', 'timeout_at', 'period_start', 'interval_end', 'count_status', 'discount_code', 'account', 'discounted', 'second', 'hour', '', 'x'.repeat(10_000),
    'smart_tip_threshold', 'size_cutoff', 'sinceSeconds', 'older_than_days', 'before_amount', 'days_until_due', 'ttl', 'lease_duration_seconds',
  ])('%s is not', name => {
    expect(isQuantity(name)).toBeUndefined();
  });

  it('takes multi-word entries and ignores entries that are not names', () => {
    const match = quantityMatcher(['time_to_live', 7 as unknown as string, '', 'a b c d e']);
    expect(match('cacheTimeToLive')).toEqual({ entry: 'time_to_live' });
    expect(match('time')).toBeUndefined();
    expect(match('a_b_c_d_e')).toBeUndefined();
  });
});

describe('requestValueNames', () => {
  it('names values by property, parameter, component and holder; not those of observed state or read-only prose', () => {
    const root = doc('3.1', {
      paths: {
        '/a': {
          post: {
            parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
            requestBody: { content: json({ type: 'object', properties: { fees: { type: 'array', items: { type: 'integer' } }, money: { $ref: '#/components/schemas/Amount' }, status: { type: 'object', properties: { readyReplicas: { type: 'integer' } } }, grace: { type: 'integer', description: 'Read-only.' } } }) },
            responses: { '200': { description: 'OK', content: json({ type: 'object', properties: { onlyOut: { type: 'integer' } } }) } },
          },
        },
      },
      components: { schemas: { Amount: { type: 'integer' } } },
    });
    const analysis = analyse(root);
    const graph = schemaGraph(analysis);
    const names = requestValueNames(analysis);
    const byPath = new Map([...graph.sites.values()].map(site => [site.path.join('.'), names.get(site.node)]));
    const body = 'paths./a.post.requestBody.content.application/json.schema';
    expect(byPath.get('paths./a.post.parameters.0.schema')).toEqual(['limit']);
    expect(byPath.get(`${body}.properties.fees.items`)).toEqual(['fees']);
    expect(byPath.get('components.schemas.Amount')).toEqual(['money', 'Amount']);
    expect(byPath.get(`${body}.properties.status.properties.readyReplicas`)).toBeUndefined();
    expect(byPath.get(`${body}.properties.grace`)).toBeUndefined();
    expect(byPath.get('paths./a.post.responses.200.content.application/json.schema.properties.onlyOut')).toBeUndefined();
  });
});

describe('hasLowerBound', () => {
  it.each([[{ minimum: 0 }], [{ exclusiveMinimum: 0 }], [{ enum: [1, 2] }], [{ const: 3 }], [{ format: 'uint32' }], [{ format: 'UInt64' }]])('%j is a lower bound', node => {
    expect(hasLowerBound(members({ type: 'integer', ...node }))).toBe(true);
  });

  it.each([[{ exclusiveMinimum: true }], [{ minimum: '0' }], [{ minimum: -Infinity }], [{ format: 'int32' }], [{ format: 'uintx' }], [{}]])('%j is not', node => {
    expect(hasLowerBound(members({ type: 'integer', ...node }))).toBe(false);
  });

  it('reads allOf members', () => {
    expect(hasLowerBound(members({ type: 'integer' }, { minimum: 1 }))).toBe(true);
  });
});

describe('acceptsAnyValue', () => {
  it.each([[{}], [{ example: 'any' }], [{ description: 'x', title: 'y', default: 1, nullable: true, 'x-any': true }]])('%j accepts any value', node => {
    expect(acceptsAnyValue(node)).toBe(true);
  });

  it.each([[{ type: 'string' }], [{ $ref: '#/x' }], [{ enum: [] }], [{ allOf: [] }], [{ not: {} }], [{ format: 'int64' }], [{ properties: {} }], [{ typo: 1 }], [{ name: 'q', in: 'query' }]])('%j does not', node => {
    expect(acceptsAnyValue(node)).toBe(false);
  });

  it('reads a Swagger 2.0 parameter as its own schema when asked', () => {
    expect(acceptsAnyValue({ name: 'q', in: 'query', required: true, description: 'x' }, true)).toBe(true);
    expect(acceptsAnyValue({ name: 'q', in: 'query', type: 'string' }, true)).toBe(false);
  });
});
