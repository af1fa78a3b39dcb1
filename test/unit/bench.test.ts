import { Document, Spectral } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM scripts without type declarations
import { match, measureAlone } from '../../bench/alone.mjs';
// @ts-expect-error plain ESM scripts without type declarations
import { growthExponent, judgeTargets } from '../../bench/run.mjs';
import { apiSecurityRuleset, rules } from '../../index.js';
import { readExample } from '../helpers.js';

const flawed = fileURLToPath(new URL('../../examples/flawed.yaml', import.meta.url));

describe('bench: our rules alone', () => {
  it('supports every given path of the ruleset', () => {
    const givens = Object.values(rules).flatMap(rule => [rule.given].flat());
    for (const given of givens) expect(() => match({}, given), given).not.toThrow();
  });

  it('matches nodes the way Spectral does for the paths it supports', () => {
    const doc = { paths: { '/a': { get: 1 }, '/b': {} }, security: [{ x: [] }] };
    expect(match(doc, '$')).toEqual([{ value: doc, path: [] }]);
    expect(match(doc, '$.paths[*]').map((m: { path: unknown[] }) => m.path)).toEqual([
      ['paths', '/a'],
      ['paths', '/b'],
    ]);
    expect(match(doc, '$.security[*]')).toEqual([{ value: { x: [] }, path: ['security', 0] }]);
    expect(match(doc, '$.components.schemas[*]')).toEqual([]);
  });

  it('does the work Spectral does: the same number of findings on the flawed example', async () => {
    const spectral = new Spectral();
    spectral.setRuleset(apiSecurityRuleset);
    const results = await spectral.run(new Document(readExample('flawed.yaml'), Parsers.Yaml, flawed));
    const alone = measureAlone(apiSecurityRuleset, Parsers, flawed, 1);
    expect(alone.findings).toBeGreaterThan(30);
    expect(alone.findings).toBe(results.length);
  });
});

describe('bench: targets', () => {
  it('measures growth: 1 for linear, 2 for quadratic', () => {
    const sizes = [1000, 4000, 16000];
    expect(growthExponent(sizes.map(n => ({ operations: n, extraSeconds: n / 1000 })))).toBeCloseTo(1, 6);
    expect(growthExponent(sizes.map(n => ({ operations: n, extraSeconds: (n / 1000) ** 2 })))).toBeCloseTo(2, 6);
  });

  const real = (name: string, time: number, memory: number) => ({ name, ratios: { oursToEmptyTime: time, oursToEmptyMemory: memory } });
  const judge = (realRatios: Array<[string, number, number]>, aloneMs: number[]) =>
    judgeTargets({
      real: realRatios.map(([name, t, m]) => real(name, t, m)),
      generated: [1000, 4000, 16000].map((operations, i) => ({ operations, alone: { medianMs: aloneMs[i], msPerOperation: aloneMs[i] / operations } })),
    }) as Array<{ target: string; met: boolean | null }>;

  it('fails a description over 1.5x in time or in memory, and passes one under', () => {
    const targets = judge(
      [
        ['stripe-spec3.yaml', 1.49, 1.2],
        ['github-api.json', 1.51, 1.0],
        ['kubernetes-swagger.json', 1.2, 1.6],
      ],
      [100, 400, 1600],
    );
    const met = (name: string) => targets.find(t => t.target.startsWith(name))?.met;
    expect(met('stripe-spec3.yaml')).toBe(true);
    expect(met('github-api.json')).toBe(false);
    expect(met('kubernetes-swagger.json')).toBe(false);
    expect(met('digitalocean.yaml')).toBe(null);
  });

  it('fails growth worse than linear and passes linear growth', () => {
    const growth = (ms: number[]) => judge([], ms).find(t => t.target.startsWith('generated series'))?.met;
    expect(growth([100, 400, 1600])).toBe(true);
    expect(growth([100, 800, 6400])).toBe(false);
  });
});
