// The walk the three secret rules share (functions/analysis/text.ts): which values and keys it
// collects, with which paths and names, and that it stays fast and iterative on hostile input.
import { describe, expect, it } from 'vitest';
import { analyse, textPath, textValues } from '../../functions/analysis/index.js';
import { leakedSecrets } from '../../functions/index.js';
import { base } from '../helpers.js';
import { LEAKED, secretFindings, SECRETS } from '../fixtures/secrets.js';

describe('the text walk', () => {
  it('collects values with their paths and the names they belong to', () => {
    const doc = base('3.1', {
      paths: {},
      components: { schemas: { S: { properties: { api_key: { example: { nested: ['aaaaaaaa'], short: 'a' }, default: 'bbbbbbbb' } } } } },
      'x-tool': { password: 'cccccccc' },
    });
    const values = textValues(analyse(doc)).filter(v => v.kind !== 'key').map(v => [textPath(v).join('.'), v.kind, v.key ?? null]);
    // Strings shorter than 8 characters cannot be a known credential and are not kept.
    expect(values).toEqual([
      ['components.schemas.S.properties.api_key.default', 'default', 'api_key'],
      ['components.schemas.S.properties.api_key.example.nested.0', 'example', 'nested'],
      ['x-tool.password', 'extension', 'password'],
    ]);
  });

  it('collects keys as long as the shortest credential, or holding an @, wherever they are written', () => {
    const doc = base('3.1', {
      paths: { '/accounts/{accountId}/bankAccounts': { get: { security: [{ longRequirementName: [] }], responses: {} } } },
      components: { schemas: { S: { properties: { shortName: {}, 'a://b:secret@h.io': {}, verificationAttempts: { example: { nestedLongKeyName: 1 } } } } } },
    });
    const keys = textValues(analyse(doc)).filter(v => v.kind === 'key').map(v => textPath(v).join('.'));
    expect(keys).toEqual([
      'paths./accounts/{accountId}/bankAccounts',
      'paths./accounts/{accountId}/bankAccounts.get.security.0.longRequirementName',
      'components.schemas.S.properties.verificationAttempts',
      'components.schemas.S.properties.a://b:secret@h.io',
      'components.schemas.S.properties.verificationAttempts.example.nestedLongKeyName',
    ]);
  });
});

describe('hostile input', () => {
  function deep(levels: number, leaf: unknown): unknown {
    let node: unknown = leaf;
    for (let i = 0; i < levels; i++) node = { [`k${i % 7}`]: node };
    return node;
  }

  it('a 1 MB description, a 100,000-item enum and long token-like runs: no throw, done in seconds', async () => {
    const doc = base('3.1', {
      info: { title: 'T', version: '1', description: `${'a'.repeat(1_000_000)} ${SECRETS.aws}` },
      paths: {},
      components: {
        schemas: {
          Big: { type: 'string', enum: Array.from({ length: 100_000 }, (_, i) => `value-${i}`).concat([SECRETS.google]) },
          Huge: { type: 'string', description: `${'eyJ'.repeat(200_000)}.${'x'.repeat(100_000)}` },
          Tokens: { type: 'string', description: `${'AKIA'.repeat(100_000)} ${'postgres://u:'.repeat(20_000)} ${'-----BEGIN PRIVATE KEY-----'.repeat(5_000)}` },
        },
      },
    });
    const started = Date.now();
    const results = await secretFindings(JSON.stringify(doc));
    expect(Date.now() - started).toBeLessThan(5_000);
    // The AWS key 1 MB into the description is found: values are scanned whole.
    expect(results).toEqual([`${LEAKED} components.schemas.Big.enum.100000`, `${LEAKED} info.description`]);
  });

  it('a 5,000-deep example object is walked without recursion', () => {
    const doc = base('3.1', { paths: {}, components: { schemas: { Deep: { type: 'object', example: deep(5_000, SECRETS.slack) } } } });
    const started = Date.now();
    const values = textValues(analyse(doc)).filter(v => v.kind !== 'key');
    expect(values).toHaveLength(1); // titles are not collected: the deep leaf is the only value
    expect(textPath(values[values.length - 1])).toHaveLength(5_000 + 4);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('the rule function reports the 5,000-deep secret and never throws on malformed input', () => {
    const run = (data: unknown) =>
      (leakedSecrets as unknown as (t: unknown, o: unknown, c: unknown) => Array<{ path: unknown[] }>)(data, { check: 'leaked' }, { document: { data }, path: [], rule: { name: LEAKED } });
    const doc = base('3.1', { paths: {}, components: { schemas: { Deep: { type: 'object', example: deep(5_000, SECRETS.slack) } } } });
    expect(run(doc).map(r => r.path.length)).toEqual([5_004]);
    const cyclic: Record<string, unknown> = { openapi: '3.1.0', paths: {} };
    cyclic.components = { schemas: { Loop: cyclic, list: [cyclic] } };
    cyclic['x-self'] = cyclic;
    for (const data of [null, 42, 'text', [], { openapi: 3 }, { paths: [] }, { components: 'x' }, { examples: 5 }, cyclic]) expect(() => run(data)).not.toThrow();
  });
});

