// Document builders shared by the data exposure and mass assignment tests.
import type { RulesetDefinition } from '@stoplight/spectral-core';
import type { ApiSecurityOptions } from '../../index.js';
import { base, bearerScheme, componentRef, lint, lintWith, response, schemes, type Doc, type Version } from '../helpers.js';

export const EXEMPTIONS = 'x-api-security-exemptions';

/** `{ $ref }` to a component schema. */
export function ref(version: Version, name: string, kind: 'schemas' | 'parameters' | 'responses' = 'schemas'): Doc {
  return { $ref: componentRef(version, kind, name) };
}

/** Where a component is written, as a dotted path (`components.schemas.X` or `definitions.X`). */
export function at(version: Version, name: string, kind: 'schemas' | 'parameters' | 'responses' = 'schemas'): string {
  return componentRef(version, kind, name).slice(2).split('/').join('.');
}

export interface Components {
  schemas?: Doc;
  parameters?: Doc;
  responses?: Doc;
  examples?: Doc;
}

/**
 * A document secured at the root with a bearer-like scheme, with the given paths and
 * components in the version's own places; `extra` adds root keys.
 */
export function api(version: Version, paths: Doc, components: Components = {}, extra: Doc = {}): Doc {
  const security = schemes(version, { bearer: bearerScheme(version) });
  const doc: Doc = { ...security, security: [{ bearer: [] }], paths, ...extra };
  if (version === '2.0') {
    if (components.schemas) doc.definitions = components.schemas;
    if (components.parameters) doc.parameters = components.parameters;
    if (components.responses) doc.responses = components.responses;
  } else {
    const own = (extra.components ?? {}) as Doc;
    doc.components = {
      ...(security.components as Doc),
      ...own,
      ...(components.schemas ? { schemas: components.schemas } : {}),
      ...(components.parameters ? { parameters: components.parameters } : {}),
      ...(components.responses ? { responses: components.responses } : {}),
      ...(components.examples ? { examples: components.examples } : {}),
    };
  }
  return base(version, doc);
}

/** An operation returning `schema` with 200 (and nothing else). */
export function returns(version: Version, schema: Doc, extra: Doc = {}): Doc {
  return { responses: { '200': response(version, 'OK', schema) }, ...extra };
}

/** An operation accepting `schema` as its JSON body; `result` (when given) is returned with 200. */
export function accepts(version: Version, schema: Doc, result?: Doc, extra: Doc = {}): Doc {
  const body = version === '2.0' ? { parameters: [{ name: 'body', in: 'body', required: true, schema }] } : { requestBody: { required: true, content: { 'application/json': { schema } } } };
  return { ...body, responses: { '200': response(version, 'OK', result) }, ...extra };
}

/** Where an operation's JSON body schema is written, dotted, under `paths.<key>.<method>`. */
export function bodyAt(version: Version, pathKey: string, method: string): string {
  return version === '2.0' ? `paths.${pathKey}.${method}.parameters.0.schema` : `paths.${pathKey}.${method}.requestBody.content.application/json.schema`;
}

/** Where a 200 (or `status`) response schema is written, dotted. */
export function responseAt(version: Version, pathKey: string, method: string, status = '200'): string {
  return version === '2.0' ? `paths.${pathKey}.${method}.responses.${status}.schema` : `paths.${pathKey}.${method}.responses.${status}.content.application/json.schema`;
}

/** Sorted dotted paths of one rule's findings, with the default ruleset, one built from options, or a given ruleset. */
export async function found(rule: string, doc: Doc | string, options?: ApiSecurityOptions | RulesetDefinition): Promise<string[]> {
  const results = options === undefined ? await lint(doc) : 'rules' in options ? await lint(doc, options as RulesetDefinition) : await lintWith(options as ApiSecurityOptions, doc);
  return results.filter(r => r.code === rule).map(r => r.path.join('.')).sort();
}

/** The messages of one rule's findings, sorted. */
export async function messagesOf(rule: string, doc: Doc): Promise<string[]> {
  return (await lint(doc)).filter(r => r.code === rule).map(r => r.message).sort();
}

/** An object schema with the given properties. */
export function object(properties: Doc, extra: Doc = {}): Doc {
  return { type: 'object', properties, ...extra };
}
