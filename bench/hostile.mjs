// Hostile documents through the real CLI: the sizes an independent probe used against the packed
// package (issue 9), each linted with the empty ruleset and with ours, optionally also with ours at
// an earlier commit. Prints a table and writes bench/results/hostile.md.
//
//   node bench/hostile.mjs [--ref COMMIT] [--runs N] [--only NAME,NAME]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createProject, REPO, versions } from './project.mjs';
import { measure } from './run.mjs';

const args = process.argv.slice(2);
const option = name => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const baseRef = option('ref');
const runs = Number(option('runs') ?? 1);
const only = option('only')?.split(',');

/** 20,000 exemptions without a reason, in the root's map. */
function exemptions() {
  const map = {};
  for (let i = 0; i < 20_000; i++) map[`rule-${i}`] = '';
  return JSON.stringify({ openapi: '3.1.0', info: { title: 'Exempt', version: '1' }, 'x-api-security-exemptions': map, paths: {} });
}

/** 50,000 path items, each with an integer id. */
function widePaths() {
  const paths = {};
  for (let i = 0; i < 50_000; i++) {
    paths[`/things${i}/{id}`] = { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '200': { description: 'OK' } } } };
  }
  return JSON.stringify({ openapi: '3.1.0', info: { title: 'Wide', version: '1' }, components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } }, security: [{ bearer: [] }], paths });
}

/** A flawed path item shared by `count` path keys, through YAML aliases or through `$ref`s (nothing else is shared). */
function sharedPathItems(count, how) {
  const user = () => ({ type: 'object', properties: { name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } });
  const id = () => ({ name: 'userId', in: 'path', required: true, schema: { type: 'integer' } });
  const body = () => ({ content: { 'application/json': { schema: user() } } });
  const item = {
    get: { parameters: [id()], responses: { '200': { description: 'OK', ...body() } } },
    put: { parameters: [id()], requestBody: body(), responses: { '200': { description: 'OK', ...body() } } },
    delete: { security: [], parameters: [id()], responses: { '204': { description: 'Gone' } } },
  };
  const paths = { '/users/{userId}': item };
  for (let i = 1; i < count; i++) paths[`/t${i}/users/{userId}`] = how === 'alias' ? item : { $ref: '#/paths/~1users~1{userId}' };
  const doc = { openapi: '3.1.0', info: { title: 'Shared', version: '1' }, components: { securitySchemes: { basic: { type: 'http', scheme: 'basic' } } }, security: [{ basic: [] }], paths };
  return stringify(doc, { aliasDuplicateObjects: how === 'alias' });
}

const DOCUMENTS = [
  { name: 'exemptions-20000', label: '20,000 reason-less exemptions in one map', file: 'exemptions.json', text: exemptions },
  { name: 'paths-50000', label: '50,000 path items with integer ids', file: 'paths.json', text: widePaths },
  { name: 'alias-200', label: '200 path keys aliasing one flawed path item', file: 'alias-200.yaml', text: () => sharedPathItems(200, 'alias') },
  { name: 'ref-200', label: 'the same, by `$ref`', file: 'ref-200.yaml', text: () => sharedPathItems(200, 'ref') },
  { name: 'alias-2000', label: '2,000 path keys aliasing one flawed path item', file: 'alias-2000.yaml', text: () => sharedPathItems(2_000, 'alias') },
  { name: 'ref-2000', label: 'the same, by `$ref`', file: 'ref-2000.yaml', text: () => sharedPathItems(2_000, 'ref') },
].filter(d => !only || only.includes(d.name));

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const current = createProject();
  const base = baseRef ? createProject({ ref: baseRef }) : undefined;
  const docs = join(current.dir, 'hostile');
  mkdirSync(docs, { recursive: true });
  const rows = [];
  try {
    for (const doc of DOCUMENTS) {
      const file = join(docs, doc.file);
      const text = doc.text();
      writeFileSync(file, text);
      const cell = async (project, ruleset) => {
        const results = [];
        for (let i = 0; i < runs; i++) results.push(await measure({ project, ruleset, file, timeoutSeconds: 600 }));
        const ok = results.filter(r => r.status === 'ok');
        if (ok.length === 0) return { text: results[0].status === 'timeout' ? 'over 600 s' : `fails (${results[0].error})`, ms: undefined };
        const ms = median(ok.map(r => r.wallMs));
        return { text: `${(ms / 1000).toFixed(2)} s, ${ok[0].findings.toLocaleString('en-US')} results`, ms };
      };
      const empty = await cell(current, 'empty');
      const ours = await cell(current, 'ours');
      const before = base ? await cell(base, 'ours') : undefined;
      const ratio = empty.ms && ours.ms ? `${(ours.ms / empty.ms).toFixed(2)}x` : '—';
      const row = [`${doc.label} (${(text.length / 1024).toFixed(0)} KB)`, empty.text, ours.text, ratio, ...(base ? [before.text] : [])];
      rows.push(row);
      console.log(row.join(' | '));
    }
  } finally {
    current.cleanup();
    base?.cleanup();
  }
  const header = ['document', 'empty ruleset', 'spectral-api-security', 'ours ÷ empty', ...(base ? [`ours at ${baseRef}`] : [])];
  const table = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(r => `| ${r.join(' | ')} |`)].join('\n');
  const meta = versions();
  const text = `# Hostile documents through the CLI\n\n\`node bench/hostile.mjs${args.length ? ` ${args.join(' ')}` : ''}\`: \`spectral lint -f json\`, wall time (median of ${runs} run(s)), results counted in the JSON output. Commit ${meta.commit}, Spectral CLI ${meta['@stoplight/spectral-cli']}, Node ${meta.node}.\n\n${table}\n`;
  mkdirSync(join(REPO, 'bench/results'), { recursive: true });
  writeFileSync(join(REPO, 'bench/results/hostile.md'), text);
  console.log(`\n${text}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
