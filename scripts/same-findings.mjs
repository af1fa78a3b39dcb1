// Lints every real description of ../shared/corpus/real/ and every example with two builds of the
// ruleset, in process, and compares the findings (rule, path, severity, message) one by one. Used
// to show that a change which should not change behaviour (a refactor) does not.
//
//   node scripts/same-findings.mjs --ref <commit>   the working tree's dist/ against a clean build of <commit>
//   node scripts/same-findings.mjs --list           only print this build's findings (one per line)
//
// Each description is linted twice per build: with every rule on (`extends: [[ruleset, all]]`, so
// rules that are off by default count too), and with createRuleset given an `add` for every list
// option, so the plumbing of each option from createRuleset down to its function is compared too.
// Exits 1 when the findings differ.
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRevision, REPO } from '../bench/project.mjs';

const require = createRequire(import.meta.url);
const { Document, Spectral } = require('@stoplight/spectral-core');
const { Json, Yaml } = require('@stoplight/spectral-parsers');

const args = process.argv.slice(2);
const ref = args.includes('--ref') ? args[args.indexOf('--ref') + 1] : undefined;
const listOnly = args.includes('--list');
const corpus = join(REPO, '..', 'shared', 'corpus', 'real');

/** An `add` for every list option of createRuleset: words that real descriptions use, so the options change findings. */
const OPTIONS = {
  credentialParameterNames: { add: ['sig'] },
  credentialHeaderNames: { add: ['X-Request-Id'] },
  sessionCookieNames: { add: ['remember_me'] },
  adminMarkers: { add: ['staff', 'moderation'] },
  idWords: { add: ['number'] },
  weakHttpSchemes: { remove: ['basic'] },
  deprecatedOAuthFlows: { remove: ['password'] },
  readMethods: { add: ['options'] },
  writeMethods: { remove: ['delete'] },
  unauthorizedResponseKeys: { remove: ['default'] },
  credentialEntryNames: { add: ['session'] },
  selfServiceNames: { remove: ['account'] },
  privilegedNames: { add: ['moderation'] },
  publicMetadataNames: { add: ['uptime'] },
  expensiveOperationWords: { add: ['report', 'reports'] },
  rateLimitHeaderNames: { add: ['X-Ratelimit-*'] },
  rateLimitResetHeaderNames: { add: ['X-Quota-Reset'] },
  boundedStringFormats: { add: ['email'] },
  uploadSizeKeywords: { add: ['x-maxsize'] },
  pageSizeParameterNames: { add: ['per'] },
  pageItemsPropertyNames: { add: ['list'] },
  quantityNames: { add: ['priority'] },
  credentialNames: { add: ['signature'] },
  personalDataNames: { add: ['email'] },
  taxIdNames: { add: ['cpf'] },
  urlPersonalDataNames: { add: ['name'] },
  privilegedPropertyNames: { add: ['plan'] },
  internalDataNames: { add: ['risk_score'] },
  errorDetailNames: { add: ['details'] },
  secretNames: { add: ['signature'] },
  secretPlaceholders: { add: ['sample'] },
  transportAllowedHosts: { add: ['*.internal'] },
  outboundUrlNames: { add: ['banner'] },
  redirectTargetNames: { add: ['after login'] },
  webhookSignatureHeaders: { add: ['X-Request-Id'] },
  nonProductionHostWords: { add: ['beta'] },
  internalMarkers: { add: ['x-hidden'] },
};

function documents() {
  const out = [];
  if (existsSync(corpus)) {
    for (const name of readdirSync(corpus).sort()) if (/\.(ya?ml|json)$/.test(name)) out.push(join(corpus, name));
  } else {
    console.error(`note: ${corpus} does not exist; comparing the examples only.`);
  }
  for (const name of readdirSync(join(REPO, 'examples')).sort()) if (/\.ya?ml$/.test(name)) out.push(join(REPO, 'examples', name));
  return out;
}

async function findingsOf(distDir, files) {
  const module = require(join(distDir, 'dist/cjs/index.js'));
  const variants = {
    all: { extends: [[module.default ?? module.apiSecurityRuleset, 'all']] },
    options: module.createRuleset(OPTIONS),
  };
  const lines = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = file.startsWith(corpus) ? file.slice(corpus.length + 1) : `examples/${file.split('/').pop()}`;
    for (const [variant, ruleset] of Object.entries(variants)) {
      const spectral = new Spectral();
      spectral.setRuleset(ruleset);
      const results = await spectral.run(new Document(text, file.endsWith('.json') ? Json : Yaml, file));
      for (const r of results) {
        if (r.code === 'unrecognized-format' || r.code === 'parser') continue;
        lines.push([name, variant, r.code, r.severity, r.path.join('.'), r.message].join('\t'));
      }
    }
  }
  return lines.sort();
}

const files = documents();
const current = await findingsOf(REPO, files);
if (listOnly) {
  process.stdout.write(current.join('\n') + '\n');
  process.exit(0);
}
if (!ref) {
  console.error('usage: node scripts/same-findings.mjs --ref <commit> | --list');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'same-findings-'));
let before;
try {
  before = await findingsOf(buildRevision(ref, dir), files);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const count = list => list.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map());
const [a, b] = [count(before), count(current)];
const lost = [...a].filter(([l, n]) => (b.get(l) ?? 0) < n).map(([l]) => l);
const gained = [...b].filter(([l, n]) => (a.get(l) ?? 0) < n).map(([l]) => l);
const perFile = new Map();
for (const line of before) perFile.set(line.split('\t')[0], (perFile.get(line.split('\t')[0]) ?? 0) + 1);
for (const [file, n] of perFile) console.log(`${file}: ${n} findings at ${ref}`);
console.log(`${files.length} descriptions, ${before.length} findings at ${ref}, ${current.length} in the working tree's dist/.`);
for (const line of lost) console.log(`- ${line}`);
for (const line of gained) console.log(`+ ${line}`);
if (lost.length + gained.length > 0) {
  console.log(`DIFFERENT: ${lost.length} lost, ${gained.length} gained.`);
  process.exit(1);
}
console.log('SAME: every finding identical.');
