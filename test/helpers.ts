import { Document, Spectral, type ISpectralDiagnostic, type RulesetDefinition } from '@stoplight/spectral-core';
import { Yaml } from '@stoplight/spectral-parsers';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import ruleset, { createRuleset, type ApiSecurityOptions } from '../index.js';

export { onlyRule, testRule, withFunctionOptions, type ExpectedFinding, type RuleCase } from './test-rule.js';

export type Doc = Record<string, unknown>;

/** Lints a document (object or YAML text) with the real Spectral engine and our ruleset. */
export async function lint(doc: Doc | string, rules: RulesetDefinition = ruleset, source = 'openapi.yaml'): Promise<ISpectralDiagnostic[]> {
  const spectral = new Spectral();
  spectral.setRuleset(rules);
  const text = typeof doc === 'string' ? doc : stringify(doc, { aliasDuplicateObjects: false });
  return spectral.run(new Document(text, Yaml, source));
}

export async function lintWith(options: ApiSecurityOptions, doc: Doc | string) {
  return lint(doc, createRuleset(options));
}

/** The default ruleset, one built from options, or a given ruleset (anything with `rules` or `extends`). */
export type Rules = ApiSecurityOptions | RulesetDefinition;

async function lintUsing(doc: Doc | string, rules?: Rules): Promise<ISpectralDiagnostic[]> {
  if (rules === undefined) return lint(doc);
  return 'rules' in rules || 'extends' in rules ? lint(doc, rules as RulesetDefinition) : lintWith(rules as ApiSecurityOptions, doc);
}

/** Sorted dotted paths of one rule's findings ("paths./a.get.parameters.0"), for compact assertions. */
export async function found(rule: string, doc: Doc | string, rules?: Rules): Promise<string[]> {
  return (await lintUsing(doc, rules)).filter(r => r.code === rule).map(r => r.path.join('.')).sort();
}

/** The messages of one rule's findings, sorted. */
export async function messagesOf(rule: string, doc: Doc | string, rules?: Rules): Promise<string[]> {
  return (await lintUsing(doc, rules)).filter(r => r.code === rule).map(r => r.message).sort();
}

/** Findings of several rules as sorted "rule-id dotted.path" lines: a case also proves the others stay silent. */
export async function findingsOf(ids: readonly string[], doc: Doc | string, rules?: Rules): Promise<string[]> {
  return (await lintUsing(doc, rules)).filter(r => ids.includes(String(r.code))).map(r => `${r.code} ${r.path.join('.')}`).sort();
}

/** Findings of several rules as sorted dotted paths by rule id; rules without findings are absent. */
export async function byRule(ids: readonly string[], doc: Doc | string, rules?: Rules): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const r of await lintUsing(doc, rules)) {
    if (ids.includes(String(r.code))) (out[String(r.code)] ??= []).push(r.path.join('.'));
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

export function readExample(name: string): string {
  return readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8');
}

export type Version = '2.0' | '3.0' | '3.1';
export const VERSIONS: Version[] = ['2.0', '3.0', '3.1'];

/** A minimal valid document root for a version: `openapi`/`swagger` and `info`. */
export function base(version: Version, extra: Doc = {}): Doc {
  const head = version === '2.0' ? { swagger: '2.0' } : { openapi: version === '3.0' ? '3.0.3' : '3.1.0' };
  return { ...head, info: { title: 'Test API', version: '1.0.0' }, ...extra };
}

/** Where security schemes live for a version, wrapped as root keys. */
export function schemes(version: Version, defs: Doc): Doc {
  return version === '2.0' ? { securityDefinitions: defs } : { components: { securitySchemes: defs } };
}

/** A bearer-like scheme in each version's own shape (Swagger 2.0 has no http bearer). */
export function bearerScheme(version: Version): Doc {
  return version === '2.0' ? { type: 'apiKey', in: 'header', name: 'Authorization' } : { type: 'http', scheme: 'bearer' };
}

/** A response object in each version's own shape. */
export function response(version: Version, description = 'OK', schema?: Doc): Doc {
  if (!schema) return { description };
  return version === '2.0' ? { description, schema } : { description, content: { 'application/json': { schema } } };
}

/** Where reusable components of a kind live: `components/<kind>` (3.x) or the Swagger 2.0 root key. */
export function componentRef(version: Version, kind: 'schemas' | 'parameters' | 'responses' | 'securitySchemes', name: string): string {
  if (version === '2.0') {
    const root = { schemas: 'definitions', parameters: 'parameters', responses: 'responses', securitySchemes: 'securityDefinitions' }[kind];
    return `#/${root}/${name}`;
  }
  return `#/components/${kind}/${name}`;
}

/** A path parameter in each version's shape. */
export function pathParam(version: Version, name: string, schema: Doc): Doc {
  return version === '2.0' ? { name, in: 'path', required: true, ...schema } : { name, in: 'path', required: true, schema };
}

/** A parameter in each version's shape: 2.0 non-body parameters carry their type themselves. */
export function param(version: Version, name: string, where: string, schema: Doc = { type: 'string' }): Doc {
  if (where === 'path') return pathParam(version, name, schema);
  return version === '2.0' ? { name, in: where, ...schema } : { name, in: where, schema };
}

/** Where a component is written, as path segments (`components, parameters, X` or `parameters, X`). */
export function componentPath(version: Version, kind: 'schemas' | 'parameters' | 'responses' | 'securitySchemes', name: string): string[] {
  return componentRef(version, kind, name).slice(2).split('/');
}
