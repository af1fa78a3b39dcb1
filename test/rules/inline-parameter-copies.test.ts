// The same parameter written inline again on every operation (Kubernetes' `dryRun` on 533 of them) is
// one design decision: every rule that reports on an inline parameter, or on anything inside it,
// reports the flaw once per document, at the first copy, with the count and another copy
// (functions/analysis/inline-copies.ts, functions/core/copies.ts).
import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, lint, messagesOf, param, pathParam, testRule, VERSIONS, type Doc, type Version } from '../helpers.js';
import { EXEMPTIONS, get, ref } from '../fixtures/documents.js';
import { paramType, paramTypePath, STRING, valuesDoc } from '../fixtures/values.js';

const STRING_ADVICE = 'String has no `maxLength`: set one (or an `enum`, a bounded `format` or an anchored `pattern` without `*`/`+`) so oversized input is rejected at the edge.';
const REF = 'define it once and `$ref` it';
const copies = (message: string, count: number, other: string, parameter = 'query parameter "dryRun"', fix = REF) =>
  `${message} Reported once for ${count} inline copies of ${parameter} (same name, location and schema; another is in ${other}): ${fix}, so one fix covers them all.`;

/** Kubernetes' `dryRun`: an unbounded query string, with its own description on each copy. */
const dryRun = (version: Version, description = 'When present, indicates that modifications should not be persisted.') => ({ ...param(version, 'dryRun', 'query'), description });

/** Write operations at /a, /b and /c, each with `parameters` of its own. */
function writes(version: Version, parameters: (path: string) => Doc[], extra: (path: string) => Doc = () => ({})): Doc {
  return valuesDoc(version, Object.fromEntries(['/a', '/b', '/c'].map(path => [path, { post: { ...get(version, parameters(path)), ...extra(path) } }])));
}

testRule(STRING, VERSIONS.flatMap(version => [
  {
    name: `${version}: three inline copies of one parameter are reported once, at the first, with the count and another copy`,
    document: writes(version, () => [dryRun(version)]),
    errors: [{ path: paramTypePath(version, 'paths', '/a', 'post', 'parameters', '0'), severity: DiagnosticSeverity.Warning, message: copies(STRING_ADVICE, 3, 'POST /b') }],
  },
  {
    name: `${version}: one parameter written once is reported as before, without a count`,
    document: valuesDoc(version, { '/a': { post: get(version, [dryRun(version)]) } }),
    errors: [{ path: paramTypePath(version, 'paths', '/a', 'post', 'parameters', '0'), severity: DiagnosticSeverity.Warning, message: STRING_ADVICE }],
  },
]));

describe.each(VERSIONS)('inline parameter copies (%s)', version => {
  it('counts copies that differ only in prose, examples or `required` as one definition', async () => {
    const d = writes(version, path => [{ ...dryRun(version, `Dry run of ${path}.`), example: path, required: path === '/b' }]);
    expect(await found(STRING, d)).toEqual([paramType(version, 'paths./a.post.parameters.0')]);
    expect(await messagesOf(STRING, d)).toEqual([copies(STRING_ADVICE, 3, 'POST /b')]);
  });

  it('keeps apart definitions that differ in name, location or schema', async () => {
    const d = writes(version, path => [
      path === '/c' ? param(version, 'dryRun', 'header') : dryRun(version),
      param(version, path === '/a' ? 'fieldManager' : 'fieldValidation', 'query'),
      param(version, 'pretty', 'query', path === '/b' ? { type: 'string', maxLength: 5 } : { type: 'string', minLength: 1 }),
    ]);
    const results = (await lint(d)).filter(r => r.code === STRING).map(r => `${r.path.join('.')} ${r.message.includes('Reported once for 2') ? 'x2' : 'x1'}`);
    expect(results.sort()).toEqual([
      `${paramType(version, 'paths./a.post.parameters.0')} x2`,
      `${paramType(version, 'paths./a.post.parameters.1')} x1`,
      `${paramType(version, 'paths./a.post.parameters.2')} x2`,
      `${paramType(version, 'paths./b.post.parameters.1')} x2`,
      `${paramType(version, 'paths./c.post.parameters.0')} x1`,
    ].sort());
  });

  it('a parameter of a path item, shared by its operations, is one definition, not copies', async () => {
    const d = valuesDoc(version, { '/a': { parameters: [dryRun(version)], post: get(version), put: get(version) } });
    expect(await messagesOf(STRING, d)).toEqual([STRING_ADVICE]);
    expect(await found(STRING, d)).toEqual([paramType(version, 'paths./a.parameters.0')]);
  });

  it('copies in path items and in operations count together; the message says where another is', async () => {
    const d = valuesDoc(version, { '/a': { parameters: [dryRun(version)], post: get(version) }, '/b': { post: get(version, [dryRun(version)]) } });
    expect(await messagesOf(STRING, d)).toEqual([copies(STRING_ADVICE, 2, 'POST /b')]);
    const second = valuesDoc(version, { '/a': { post: get(version, [dryRun(version)]) }, '/b': { parameters: [dryRun(version)], post: get(version) } });
    expect(await messagesOf(STRING, second)).toEqual([copies(STRING_ADVICE, 2, 'the path item /b')]);
  });

  it('leaves a parameter component alone: it is already reported once, where it is written', async () => {
    const d = valuesDoc(version, { '/a': { post: get(version, [ref(version, 'DryRun', 'parameters')]) }, '/b': { post: get(version, [ref(version, 'DryRun', 'parameters')]) } }, undefined, version === '2.0' ? { parameters: { DryRun: dryRun(version) } } : { components: { parameters: { DryRun: dryRun(version) } } });
    expect(await messagesOf(STRING, d)).toEqual([STRING_ADVICE]);
  });

  it('merges findings deep inside a copy (a property of an inline body parameter or of an object schema)', async () => {
    const schema = { type: 'object', properties: { note: { type: 'string' }, ok: { type: 'string', maxLength: 3 } } };
    const inline = version === '2.0' ? { name: 'body', in: 'body', schema } : { name: 'filter', in: 'query', content: { 'application/json': { schema } } };
    const d = writes(version, () => [inline]);
    const inside = version === '2.0' ? 'paths./a.post.parameters.0.schema.properties.note' : 'paths./a.post.parameters.0.content.application/json.schema.properties.note';
    expect(await found(STRING, d)).toEqual([inside]);
    expect(await messagesOf(STRING, d)).toEqual([copies(STRING_ADVICE, 3, 'POST /b', version === '2.0' ? 'body parameter "body"' : 'query parameter "filter"')]);
  });

  it('exempt copies do not count; with the first copy exempt, the next one stands for the rest', async () => {
    const reason = { [STRING]: 'The gateway caps query strings at 2 KB.' };
    const d = writes(version, () => [dryRun(version)], path => (path === '/a' ? { [EXEMPTIONS]: reason } : {}));
    expect(await found(STRING, d)).toEqual([paramType(version, 'paths./b.post.parameters.0')]);
    expect(await messagesOf(STRING, d)).toEqual([copies(STRING_ADVICE, 2, 'POST /c')]);
  });

  it('applies to every rule that reports on inline parameters: credentials, personal data and guessable ids in URLs', async () => {
    const d = valuesDoc(version, Object.fromEntries(['/a/{userId}', '/b/{userId}'].map(path => [path, {
      get: get(version, [pathParam(version, 'userId', { type: 'integer', maximum: 10 }), param(version, 'access_token', 'query', { type: 'string', maxLength: 10 }), param(version, 'email', 'query', { type: 'string', format: 'email', maxLength: 50 })]),
    }])));
    const results = await lint(d);
    for (const rule of ['auth-object-id-guessable', 'auth-credentials-in-url', 'data-personal-data-in-url']) {
      const own = results.filter(r => r.code === rule);
      expect(own.map(r => r.path.join('.')), rule).toHaveLength(1);
      expect(own[0].path.slice(0, 2), rule).toEqual(['paths', '/a/{userId}']);
      expect(own[0].message, rule).toMatch(/ Reported once for 2 inline copies of (path|query) parameter "(userId|access_token|email)" \(same name, location and schema; another is in GET \/b\/\{userId\}\)/);
    }
  });

  it('copies on the methods of one path are fixed in its path item\'s `parameters`; the first copy is the first written', async () => {
    // `post` is written before `put`: the analysis lists methods in a fixed order, the message follows the file.
    const d = valuesDoc(version, { '/a': { post: get(version, [dryRun(version)]), put: get(version, [dryRun(version)]), delete: get(version, [dryRun(version)]) } });
    expect(await found(STRING, d)).toEqual([paramType(version, 'paths./a.post.parameters.0')]);
    expect(await messagesOf(STRING, d)).toEqual([copies(STRING_ADVICE, 3, 'PUT /a', undefined, "declare it once in the path item's `parameters`")]);
  });
});

describe('many copies', () => {
  it('2,000 inline copies on 2,000 path items: one finding, with the count', async () => {
    const paths = Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`/things${i}`, { post: get('3.1', [dryRun('3.1', `Dry run ${i}.`)]) }]));
    const results = (await lint(valuesDoc('3.1', paths))).filter(r => r.code === STRING);
    expect(results.map(r => r.path.join('.'))).toEqual(['paths./things0.post.parameters.0.schema']);
    expect(results[0].message).toBe(copies(STRING_ADVICE, 2_000, 'POST /things1'));
  }, 120_000);
});

describe('YAML aliases', () => {
  it('a parameter repeated through an alias is one definition (reported at its anchor), not a copy', async () => {
    const yaml = `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /a:
    post:
      parameters:
        - &dryRun { name: dryRun, in: query, schema: { type: string } }
      responses: { '200': { description: OK } }
  /b:
    post:
      parameters:
        - *dryRun
      responses: { '200': { description: OK } }
`;
    expect(await messagesOf(STRING, yaml)).toEqual([STRING_ADVICE]);
    expect(await found(STRING, yaml)).toEqual(['paths./a.post.parameters.0.schema']);
  });
});
