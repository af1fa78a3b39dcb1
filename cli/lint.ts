// Linting one description with Spectral's engine, as `spectral lint` does (same parser, same
// ruleset loading), turned into the Report's findings. Runs inside a worker thread (worker.ts).
import { Document, Ruleset, Spectral, type ISpectralDiagnostic, type RulesetDefinition } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { builtins } from '@stoplight/spectral-ruleset-bundler/plugins/builtins';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import { fetch as spectralFetch } from '@stoplight/spectral-runtime';
import * as fs from 'node:fs';
import { relative } from 'node:path';
import { apiSecurityRuleset } from '../index.js';
import { REMOTE_REF_RULE } from './engine-rules.js';
import { fingerprint } from './fingerprint.js';
import { owaspOf } from './owasp.js';
import type { ReportFinding, SeverityName } from './report.js';

const REFUSED = 'Remote $ref not followed (no network access without --allow-remote-refs):';

const SEVERITIES: readonly SeverityName[] = ['error', 'warn', 'info', 'hint'];
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** What the main thread learns of a rule of the ruleset actually loaded. */
export interface LoadedRule {
  id: string;
  description: string;
  severity: SeverityName;
  tags: string[];
  documentationUrl?: string;
}

export interface LintedDocument {
  document: string;
  operationCount: number;
  findings: ReportFinding[];
  error?: string;
}

export interface Linter {
  rules: LoadedRule[];
  lint(absolute: string, document: string): Promise<LintedDocument>;
}

/**
 * The `$ref` resolver: local files as Spectral reads them; http(s) refused unless allowed, so linting a
 * description never connects anywhere it names (an example holding `$ref: https://…` included).
 */
function createResolver(allowRemoteRefs: boolean): Resolver | undefined {
  if (allowRemoteRefs) return undefined; // Spectral's default: http(s) and files
  const refuse = { resolve: (uri: { toString(): string }) => Promise.reject(new Error(`${REFUSED} ${uri.toString()}`)) };
  return new Resolver({
    resolvers: {
      http: refuse,
      https: refuse,
      file: { resolve: (uri: { href(): string }) => fs.promises.readFile(uri.href(), 'utf8') },
    },
  });
}

/** The user's ruleset, bundled and loaded as Spectral's CLI does; the package's own otherwise. */
async function loadRuleset(rulesetFile: string | undefined, allowRemoteRefs: boolean): Promise<Ruleset | RulesetDefinition> {
  if (rulesetFile === undefined) return apiSecurityRuleset;
  // `extends: https://…` is the network as much as a remote $ref is.
  const fetch = allowRemoteRefs
    ? spectralFetch
    : (url: unknown) => Promise.reject(new Error(`Remote ruleset not loaded (no network access without --allow-remote-refs): ${String(url)}`));
  // Spectral's CLI adds the same two plugins: Spectral's built-in functions and rulesets, and CommonJS
  // packages (this one's entry.js) imported from an ESM or YAML ruleset.
  return bundleAndLoadRuleset(rulesetFile, { fs, fetch } as unknown as Parameters<typeof bundleAndLoadRuleset>[1], [builtins(), commonjs()]);
}

export function severityName(severity: unknown): SeverityName {
  return SEVERITIES[Number(severity)] ?? 'error';
}

/** Operations under `paths` and `webhooks`, one per method; a local `$ref`'d path item is followed once. */
export function countOperations(data: unknown): number {
  if (typeof data !== 'object' || data === null) return 0;
  const root = data as Record<string, unknown>;
  const follow = (item: unknown): unknown => {
    const ref = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).$ref : undefined;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return item;
    let node: unknown = root;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      node = typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    }
    return node;
  };
  let count = 0;
  for (const section of ['paths', 'webhooks']) {
    const items = root[section];
    if (typeof items !== 'object' || items === null) continue;
    for (const item of Object.values(items)) {
      const pathItem = follow(item);
      if (typeof pathItem !== 'object' || pathItem === null) continue;
      count += Object.keys(pathItem).filter(key => METHODS.has(key.toLowerCase())).length;
    }
  }
  return count;
}

/** 1 on or inside an operation; the "N operation(s)" a document-level message names; 1 otherwise. */
export function operationsOf(path: ReadonlyArray<string | number>, message: string): number {
  if ((path[0] === 'paths' || path[0] === 'webhooks') && path.length >= 3 && METHODS.has(String(path[2]).toLowerCase())) return 1;
  const named = /\b(\d{1,7}) operations?\b|\b(\d{1,7}) operation\(s\)/.exec(message);
  const count = named ? Number(named[1] ?? named[2]) : 1;
  return count >= 1 ? count : 1;
}

/** A rule definition's `tags` (Spectral keeps them but does not type them). */
function tagsOf(definition: unknown): string[] {
  const tags = (definition as { tags?: unknown } | null)?.tags;
  return Array.isArray(tags) ? tags.map(String) : [];
}

export async function createLinter(rulesetFile: string | undefined, allowRemoteRefs: boolean): Promise<Linter> {
  const spectral = new Spectral({ resolver: createResolver(allowRemoteRefs) });
  spectral.setRuleset(await loadRuleset(rulesetFile, allowRemoteRefs));
  const loaded = spectral.ruleset!;
  const rules: LoadedRule[] = Object.values(loaded.rules)
    .filter(rule => rule.enabled)
    .map(rule => ({
      id: rule.name,
      description: rule.description ?? '',
      severity: severityName(rule.severity),
      tags: tagsOf(rule.definition),
      ...(rule.documentationUrl ? { documentationUrl: rule.documentationUrl } : {}),
    }));
  const owaspByRule = new Map(rules.map(rule => [rule.id, owaspOf(rule.tags)]));

  const toFinding = (result: ISpectralDiagnostic, absolute: string, data: unknown): ReportFinding => {
    let rule = String(result.code);
    let message = String(result.message ?? '');
    let severity = severityName(result.severity);
    if (rule === 'invalid-ref' && message.includes(REFUSED)) {
      // Not an error in the description: the tool chose not to look. Reported, but at warn.
      rule = REMOTE_REF_RULE;
      message = message.slice(message.indexOf(REFUSED));
      severity = 'warn';
    }
    if (result.source && result.source !== absolute) message = `${message} (in ${relative(process.cwd(), result.source).split('\\').join('/')})`;
    const path = result.path.map(segment => (typeof segment === 'number' ? segment : String(segment)));
    const owasp = owaspByRule.get(rule);
    return {
      rule,
      severity,
      message,
      path,
      range: {
        start: { line: result.range.start.line + 1, column: result.range.start.character + 1 },
        end: { line: result.range.end.line + 1, column: result.range.end.character + 1 },
      },
      ...(owasp ? { owasp } : {}),
      operations: operationsOf(path, message),
      fingerprint: fingerprint(rule, path, message, result.source && result.source !== absolute ? undefined : data),
    };
  };

  return {
    rules,
    async lint(absolute, document) {
      let text: string;
      try {
        text = await fs.promises.readFile(absolute, 'utf8');
      } catch (error) {
        return { document, operationCount: 0, findings: [], error: `Cannot read ${document}: ${(error as Error).message}` };
      }
      try {
        const parsed = new Document(text, Parsers.Yaml, absolute);
        const results = await spectral.run(parsed);
        const findings = results.map(result => toFinding(result, absolute, parsed.data));
        findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
        return { document, operationCount: countOperations(parsed.data), findings };
      } catch (error) {
        return { document, operationCount: 0, findings: [], error: `Cannot lint ${document}: ${(error as Error).message}` };
      }
    },
  };
}
