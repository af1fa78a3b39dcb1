import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { base, componentRef, VERSIONS, type Doc, type Version } from '../helpers.js';
import { assertStrict, lintText, ours, type Results } from './harness.js';

/**
 * YAML aliases are `$ref`s written another way. Spectral's parser hands rules a fresh copy of the
 * anchored value at every alias, so without care one flawed schema aliased N times gives N findings
 * that Spectral cannot locate (1:1), and a few KB of aliased path items give tens of thousands of
 * findings (enough to crash Spectral's CLI). Each document here is written twice, once sharing its
 * pieces through anchors and aliases and once through `$ref`s to the same places: both must give the
 * same findings, at the same, locatable, places.
 */
beforeAll(assertStrict);

const measured: string[] = [];
afterAll(() => console.log(`alias documents, measured:\n${measured.join('\n')}`));

async function timed(label: string, work: () => Promise<Results>): Promise<Results> {
  const start = performance.now();
  const results = await work();
  measured.push(`  ${label}: ${((performance.now() - start) / 1000).toFixed(2)} s, ${ours(results).length} findings`);
  return results;
}

const oas3 = (version: Version) => version !== '2.0';

/** A flawed schema, parameter, response, security scheme and path item, each to be shared. */
function pieces(version: Version) {
  const user: Doc = {
    type: 'object',
    properties: { name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } }, stack: { type: 'string' } },
  };
  const id: Doc = { name: 'userId', in: 'path', required: true, ...(oas3(version) ? { schema: { type: 'integer' } } : { type: 'integer' }) };
  const limit: Doc = { name: 'limit', in: 'query', ...(oas3(version) ? { schema: { type: 'integer' } } : { type: 'integer' }) };
  const error: Doc = oas3(version)
    ? { description: 'Error', content: { 'application/json': { schema: { type: 'object', properties: { stack: { type: 'string' }, message: { type: 'string' } } } } } }
    : { description: 'Error', schema: { type: 'object', properties: { stack: { type: 'string' }, message: { type: 'string' } } } };
  const basic: Doc = oas3(version) ? { type: 'http', scheme: 'basic' } : { type: 'basic' };
  return { user, id, limit, error, basic };
}

/**
 * The document, with `share(kind, name, value)` deciding how each use of a shared piece is written:
 * the very object again (an alias once stringified) or a `$ref` to where it is defined.
 */
function document(version: Version, operations: number, share: (kind: string, name: string, value: Doc) => Doc): Doc {
  const p = pieces(version);
  const body = (schema: Doc): Doc => (oas3(version) ? { requestBody: { content: { 'application/json': { schema } } } } : {});
  const ok = (schema: Doc): Doc => (oas3(version) ? { description: 'OK', content: { 'application/json': { schema } } } : { description: 'OK', schema });
  const params = (extra: Doc[]): Doc[] => [share('parameters', 'UserId', p.id), ...extra, ...(oas3(version) ? [] : [{ name: 'body', in: 'body', schema: share('schemas', 'User', p.user) }])];
  const item: Doc = {
    get: { security: [{ basic: [] }], parameters: params([share('parameters', 'Limit', p.limit)]), responses: { '200': ok({ type: 'array', items: share('schemas', 'User', p.user) }), '500': share('responses', 'Error', p.error) } },
    put: { security: [{ basic: [] }], parameters: params([]), ...body(share('schemas', 'User', p.user)), responses: { '200': ok(share('schemas', 'User', p.user)), '500': share('responses', 'Error', p.error) } },
    delete: { security: [], parameters: params([]), responses: { '204': { description: 'Gone' }, '500': share('responses', 'Error', p.error) } },
  };
  const paths: Doc = { '/users/{userId}': item };
  for (let i = 1; i < operations; i++) paths[`/tenants/t${i}/users/{userId}`] = share('paths', '/users/{userId}', item);
  const components = { schemas: { User: p.user }, parameters: { UserId: p.id, Limit: p.limit }, responses: { Error: p.error } };
  // Shared pieces are defined before the paths, so the first occurrence (the anchor) is the definition.
  return version === '2.0'
    ? base(version, { definitions: components.schemas, parameters: components.parameters, responses: components.responses, securityDefinitions: { basic: p.basic }, paths })
    : base(version, { components: { ...components, securitySchemes: { basic: p.basic } }, paths });
}

/** The same document written with anchors and aliases, and with `$ref`s. */
function texts(version: Version, operations: number): { aliased: string; referenced: string } {
  const aliased = stringify(document(version, operations, (_kind, _name, value) => value), { aliasDuplicateObjects: true });
  const referenced = stringify(
    document(version, operations, (kind, name) => ({ $ref: kind === 'paths' ? `#/paths/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` : componentRef(version, kind as 'schemas', name) })),
    { aliasDuplicateObjects: false },
  );
  return { aliased, referenced };
}

const summary = (results: Results) => ours(results).map(r => `${r.code} ${r.path.join('.')} ${r.message}`).sort();

describe.each(VERSIONS)('aliases and $refs give the same findings (%s)', version => {
  it('shared schemas, parameters, responses and path items: the same findings, where the anchor or the definition is written, each locatable', async () => {
    const { aliased, referenced } = texts(version, 3);
    expect(aliased).toMatch(/&\w+/);
    expect(aliased).toMatch(/\*\w+/);
    expect(aliased).not.toContain('$ref');
    const fromAliases = await lintText(aliased);
    const fromRefs = await lintText(referenced);
    expect(summary(fromAliases)).toEqual(summary(fromRefs));
    // The document is flawed in many ways, so many rules take part.
    expect(new Set(ours(fromAliases).map(r => r.code)).size).toBeGreaterThanOrEqual(8);
    // Spectral locates every finding in the text: none is left at 1:1 for want of a place.
    const unplaced = ours(fromAliases).filter(r => r.path.length > 0 && r.range.start.line === 0 && r.range.start.character === 0).map(r => `${r.code} ${r.path.join('.')}`);
    expect(unplaced).toEqual([]);
    // The flawed schema is reported once, where it is written.
    const schemas = version === '2.0' ? 'definitions' : 'components.schemas';
    expect(ours(fromAliases).filter(r => r.code === 'data-credential-in-response').map(r => r.path.join('.'))).toEqual([`${schemas}.User.properties.password`]);
  });

  it('a value aliased three times under different names is reported once, on the anchored component', async () => {
    const text = [
      version === '2.0' ? 'swagger: "2.0"' : `openapi: ${version === '3.0' ? '3.0.3' : '3.1.0'}`,
      'info: {title: Three, version: "1"}',
      version === '2.0' ? 'definitions:' : 'components:\n  schemas:',
      `${version === '2.0' ? '  ' : '    '}Secret: &secret {type: object, properties: {password: {type: string}}}`,
      `${version === '2.0' ? '  ' : '    '}A: *secret`,
      `${version === '2.0' ? '  ' : '    '}B: *secret`,
      `${version === '2.0' ? '  ' : '    '}C: *secret`,
      'paths:',
      '  /a:',
      '    get:',
      '      responses:',
      version === '2.0' ? '        "200": {description: OK, schema: *secret}' : '        "200": {description: OK, content: {application/json: {schema: *secret}}}',
    ].join('\n');
    const results = ours(await lintText(`${text}\n`)).filter(r => r.code === 'data-credential-in-response');
    const schemas = version === '2.0' ? 'definitions' : 'components.schemas';
    expect(results.map(r => r.path.join('.'))).toEqual([`${schemas}.Secret.properties.password`]);
    expect(results[0].range.start.line).toBe(version === '2.0' ? 3 : 4);
  });
});

describe('alias amplification: thousands of aliased path items', () => {
  it.each([200, 2_000])('%i aliases of a flawed path item give the findings of the same document written with $refs (< 60 s)', async count => {
    const { aliased, referenced } = texts('3.1', count);
    await timed(`${count} aliased path items (${(aliased.length / 1024).toFixed(0)} KB), empty ruleset`, () => lintText(aliased, { rules: {} }));
    const fromAliases = await timed(`${count} aliased path items (${(aliased.length / 1024).toFixed(0)} KB)`, () => lintText(aliased));
    const fromRefs = await timed(`${count} path items by $ref (${(referenced.length / 1024).toFixed(0)} KB)`, () => lintText(referenced));
    expect(ours(fromAliases).length).toBe(ours(fromRefs).length);
    expect(summary(fromAliases)).toEqual(summary(fromRefs));
  }, 120_000);
});
