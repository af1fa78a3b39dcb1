// Draws the generated series of a results.json as an SVG: wall time of each ruleset against the
// number of operations (log-log), and our rules' cost per operation (ours minus the empty ruleset).
//
//   node bench/chart.mjs [bench/results/results.json] [--out bench/results/scaling.svg]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const COLORS = { empty: '#7f7f7f', oas: '#1f77b4', owasp: '#d62728', ours: '#2ca02c' };
const escape = s => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = n => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** The SVG text for `results` (the object bench/run.mjs writes). */
export function drawScaling(results) {
  const series = results.generated ?? [];
  const rulesets = results.rulesetOrder ?? ['empty', 'oas', 'owasp', 'ours'];
  const labels = results.rulesetLabels ?? {};
  const width = 960;
  const height = 430;
  const panel = { top: 60, height: 300 };
  const left = { x: 70, width: 480 };
  const right = { x: 650, width: 270 };
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  out.push(`<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">Spectral CLI on generated OpenAPI 3.1 descriptions (median wall time)</text>`);
  const ops = series.map(s => s.operations);
  if (ops.length === 0) {
    out.push(`<text x="${width / 2}" y="${height / 2}" text-anchor="middle">No generated series in these results.</text></svg>`);
    return out.join('\n');
  }
  const limit = results.options?.timeoutSeconds ?? 300;
  const values = [];
  for (const s of series) for (const id of rulesets) if (s.rulesets[id]?.medianSeconds) values.push(s.rulesets[id].medianSeconds);
  const xMin = Math.log10(Math.min(...ops) / 1.5);
  const xMax = Math.log10(Math.max(...ops) * 1.5);
  const yMin = Math.floor(Math.log10(Math.max(0.1, Math.min(...values) / 1.2)));
  const yMax = Math.ceil(Math.log10(Math.max(...values, limit) * 1.2));
  const x = v => left.x + ((Math.log10(v) - xMin) / (xMax - xMin)) * left.width;
  const y = v => panel.top + panel.height - ((Math.log10(v) - yMin) / (yMax - yMin)) * panel.height;

  // Left panel: wall time, log-log.
  out.push(`<text x="${left.x + left.width / 2}" y="${panel.top - 12}" text-anchor="middle" font-weight="bold">Wall time per run (seconds, log scale)</text>`);
  for (let e = yMin; e <= yMax; e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (Math.log10(v) > yMax) continue;
      out.push(`<line x1="${left.x}" x2="${left.x + left.width}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="${m === 1 ? '#ccc' : '#eee'}"/>`);
      if (m === 1 || yMax - yMin <= 3) out.push(`<text x="${left.x - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v >= 1 ? v : v.toFixed(1)}</text>`);
    }
  }
  for (const o of ops) {
    out.push(`<line x1="${x(o).toFixed(1)}" x2="${x(o).toFixed(1)}" y1="${panel.top}" y2="${panel.top + panel.height}" stroke="#eee"/>`);
    out.push(`<text x="${x(o).toFixed(1)}" y="${panel.top + panel.height + 16}" text-anchor="middle">${o.toLocaleString('en-US')}</text>`);
  }
  out.push(`<text x="${left.x + left.width / 2}" y="${panel.top + panel.height + 34}" text-anchor="middle">operations</text>`);
  out.push(`<line x1="${left.x}" x2="${left.x + left.width}" y1="${y(limit).toFixed(1)}" y2="${y(limit).toFixed(1)}" stroke="#999" stroke-dasharray="4 3"/>`);
  out.push(`<text x="${left.x + left.width - 4}" y="${(y(limit) - 5).toFixed(1)}" text-anchor="end" fill="#666">per-run limit ${limit} s</text>`);
  rulesets.forEach((id, index) => {
    const points = [];
    for (const s of series) {
      const r = s.rulesets[id];
      if (!r) continue;
      if (r.medianSeconds) points.push({ o: s.operations, v: r.medianSeconds, timeout: false });
      else if (r.status === 'timeout') points.push({ o: s.operations, v: limit, timeout: true });
    }
    const line = points.filter(p => !p.timeout);
    if (line.length > 1) {
      out.push(`<polyline fill="none" stroke="${COLORS[id]}" stroke-width="2" points="${line.map(p => `${x(p.o).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')}"/>`);
    }
    for (const p of points) {
      if (p.timeout) {
        const cx = x(p.o);
        const cy = y(p.v);
        out.push(`<path d="M${cx - 5},${cy - 5}L${cx + 5},${cy + 5}M${cx - 5},${cy + 5}L${cx + 5},${cy - 5}" stroke="${COLORS[id]}" stroke-width="2"/>`);
      } else {
        out.push(`<circle cx="${x(p.o).toFixed(1)}" cy="${y(p.v).toFixed(1)}" r="3.5" fill="${COLORS[id]}"><title>${escape(labels[id] ?? id)}: ${fmt(p.v)} s at ${p.o} operations</title></circle>`);
      }
    }
    const ly = panel.top + 14 + index * 18;
    out.push(`<rect x="${left.x + 10}" y="${ly - 9}" width="14" height="4" fill="${COLORS[id]}"/>`);
    out.push(`<text x="${left.x + 30}" y="${ly - 3}">${escape(labels[id] ?? id)}</text>`);
  });
  out.push(`<text x="${left.x + 10}" y="${panel.top + 14 + rulesets.length * 18}" fill="#666">× = ran past the per-run limit</text>`);

  // Right panel: our rules' cost per operation, alone (no Spectral) and in the CLI (ours minus empty).
  const bars = series
    .map(s => ({
      operations: s.operations,
      alone: s.alone?.medianMs ? s.alone.medianMs / s.operations : null,
      cli: s.ourCost?.msPerOperation ?? null,
    }))
    .filter(b => b.alone !== null || b.cli !== null);
  out.push(`<text x="${right.x + right.width / 2}" y="${panel.top - 12}" text-anchor="middle" font-weight="bold">Our rules: ms per operation</text>`);
  out.push(`<text x="${right.x + right.width / 2}" y="${panel.top + 2}" text-anchor="middle" fill="#666" font-size="11">flat or falling = linear or better</text>`);
  if (bars.length) {
    const maxV = Math.max(...bars.flatMap(b => [b.alone ?? 0, b.cli ?? 0]), 0.001) * 1.25;
    const group = right.width / bars.length;
    const bw = group * 0.34;
    const by = v => panel.top + panel.height - (Math.max(0, v) / maxV) * (panel.height - 40);
    out.push(`<line x1="${right.x}" x2="${right.x + right.width}" y1="${panel.top + panel.height}" y2="${panel.top + panel.height}" stroke="#999"/>`);
    bars.forEach((b, i) => {
      const gx = right.x + i * group + group * 0.14;
      [
        ['alone', b.alone, COLORS.ours],
        ['cli', b.cli, '#a6d8a6'],
      ].forEach(([kind, v, color], j) => {
        if (v === null) return;
        const bx = gx + j * bw;
        out.push(`<rect x="${bx.toFixed(1)}" y="${by(v).toFixed(1)}" width="${(bw * 0.92).toFixed(1)}" height="${(panel.top + panel.height - by(v)).toFixed(1)}" fill="${color}"><title>${kind === 'alone' ? 'our rules alone' : 'CLI: ours minus empty'}: ${fmt(v)} ms per operation at ${b.operations} operations</title></rect>`);
        out.push(`<text x="${(bx + bw * 0.46).toFixed(1)}" y="${(by(v) - 4).toFixed(1)}" text-anchor="middle" font-size="10">${fmt(v)}</text>`);
      });
      out.push(`<text x="${(gx + bw).toFixed(1)}" y="${panel.top + panel.height + 16}" text-anchor="middle">${b.operations.toLocaleString('en-US')}</text>`);
    });
    out.push(`<text x="${right.x + right.width / 2}" y="${panel.top + panel.height + 34}" text-anchor="middle">operations</text>`);
    out.push(`<rect x="${right.x + 4}" y="${panel.top + 12}" width="12" height="10" fill="${COLORS.ours}"/><text x="${right.x + 20}" y="${panel.top + 21}" font-size="11">our rules alone (no Spectral)</text>`);
    out.push(`<rect x="${right.x + 4}" y="${panel.top + 28}" width="12" height="10" fill="#a6d8a6"/><text x="${right.x + 20}" y="${panel.top + 37}" font-size="11">CLI: ours − empty ruleset (noisy)</text>`);
  }
  const stamp = [results.versions?.['@stoplight/spectral-cli'] && `Spectral CLI ${results.versions['@stoplight/spectral-cli']}`, results.versions?.node && `Node ${results.versions.node}`, results.machine?.cpu, results.date]
    .filter(Boolean)
    .join(' · ');
  out.push(`<text x="${width / 2}" y="${height - 10}" text-anchor="middle" fill="#666" font-size="11">${escape(stamp)}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const input = args.find(a => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--out') ?? fileURLToPath(new URL('results/results.json', import.meta.url));
  const output = args.includes('--out') ? args[args.indexOf('--out') + 1] : input.replace(/results\.json$/, 'scaling.svg');
  writeFileSync(output, drawScaling(JSON.parse(readFileSync(input, 'utf8'))));
  console.error(`wrote ${output}`);
}
