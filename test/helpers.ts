import { Document, Spectral, type ISpectralDiagnostic, type RulesetDefinition } from '@stoplight/spectral-core';
import { Yaml } from '@stoplight/spectral-parsers';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import ruleset, { createRuleset, type ApiSecurityOptions } from '../index.js';

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

/** Findings of one rule, as "dotted.path" strings for compact assertions. */
export async function findings(rule: string, doc: Doc | string, rules?: RulesetDefinition): Promise<string[]> {
  const results = await lint(doc, rules);
  return results.filter(r => r.code === rule).map(r => r.path.join('.'));
}

export async function messages(rule: string, doc: Doc | string): Promise<string[]> {
  const results = await lint(doc);
  return results.filter(r => r.code === rule).map(r => r.message);
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
