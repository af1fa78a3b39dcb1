import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, componentRef, found, messagesOf, param, testRule, VERSIONS, type Doc, type Version } from '../helpers.js';

/** inventory-version-missing (functions/inventory/version-missing.ts). */
const RULE = 'inventory-version-missing';
const V3: Version[] = ['3.0', '3.1'];

const ok = (): Doc => ({ responses: { '200': { description: 'OK' } } });

/** A document with `info.version` as given (omitted when undefined) and one `GET /things`. */
function api(version: Version, infoVersion: unknown, extra: Doc = {}, operation: Doc = {}): Doc {
  const info: Doc = { title: 'Test API' };
  if (infoVersion !== undefined) info.version = infoVersion;
  return { ...base(version), info, paths: { '/things': { get: { ...ok(), ...operation } } }, ...extra };
}

const PLACEHOLDERS = ['', '  ', 'latest', 'TODO', 'unknown', 'unversioned', 'x.y.z', 'tbd', '${VERSION}', '{{version}}', '@project.version@', null, true];
const VERSIONS_WRITTEN = ['1.0.0', '1', 1, 2.1, 'v2', '2024-01-01', '1.x', '0.1.0-beta.3', 'Release 7'];

testRule(RULE, [
  {
    name: '3.1: a placeholder `info.version` and no version anywhere, once, at info.version',
    document: api('3.1', 'latest', { servers: [{ url: 'https://api.example.com' }] }),
    errors: [
      {
        path: ['info', 'version'],
        severity: DiagnosticSeverity.Information,
        message:
          '`info.version` is "latest", which names no release, and no server URL, base path, path, version header or parameter, or media type names a version either: neither clients nor an API inventory can tell which release this describes, or tell it from older ones still running. Set `info.version` to the release this description documents (`2.3.0`, `2024-06-01`).',
      },
    ],
  },
  {
    name: '3.1: not a real version',
    document: api('3.1', '2.3.0', { servers: [{ url: 'https://api.example.com' }] }),
    errors: [],
  },
]);

describe('info.version', () => {
  it.each(VERSIONS)('%s: missing, reported at info', async version => {
    expect(await found(RULE, api(version, undefined))).toEqual(['info']);
    expect(await messagesOf(RULE, api(version, undefined))).toEqual([expect.stringContaining('`info.version` is missing')]);
  });

  it.each(VERSIONS.flatMap(v => PLACEHOLDERS.map(p => [v, p] as const)))('%s: %j names no release', async (version, value) => {
    expect(await found(RULE, api(version, value))).toEqual(['info.version']);
  });

  it.each(VERSIONS.flatMap(v => VERSIONS_WRITTEN.map(p => [v, p] as const)))('%s: %j is a version', async (version, value) => {
    expect(await found(RULE, api(version, value))).toEqual([]);
  });

  it.each(VERSIONS)('%s: a `{{ … }}` placeholder is quoted in the message as written, not swallowed by Spectral\'s templating', async version => {
    const [message] = await messagesOf(RULE, api(version, '{{ version }}'));
    expect(message.replace(/\u200B/g, '')).toContain('`info.version` is "{{ version }}", which names no release');
  });

  it('reported once however many operations there are', async () => {
    const doc = api('3.0', 'TODO', { paths: { '/a': { get: ok(), post: ok() }, '/b': { get: ok() } } });
    expect(await found(RULE, doc)).toEqual(['info.version']);
  });
});

describe('a version written elsewhere', () => {
  it('2.0: in basePath', async () => {
    expect(await found(RULE, api('2.0', 'latest', { basePath: '/api/v1' }))).toEqual([]);
    expect(await found(RULE, api('2.0', 'latest', { basePath: '/api/2.0' }))).toEqual([]);
    expect(await found(RULE, api('2.0', 'latest', { basePath: '/api' }))).toEqual(['info.version']);
  });

  it.each(V3)('%s: in a server URL, at any level, or a server variable', async version => {
    expect(await found(RULE, api(version, '', { servers: [{ url: 'https://api.example.com/v2' }] }))).toEqual([]);
    expect(await found(RULE, api(version, '', { servers: [{ url: '/2024-01-01' }] }))).toEqual([]);
    expect(await found(RULE, api(version, '', {}, { servers: [{ url: 'https://api.example.com/api/v1beta1' }] }))).toEqual([]);
    expect(await found(RULE, api(version, '', { servers: [{ url: 'https://api.example.com/{version}', variables: { version: { default: 'v3' } } }] }))).toEqual([]);
    // Look-alikes: a host with a digit, a port, a path word with a v.
    expect(await found(RULE, api(version, '', { servers: [{ url: 'https://v2.example.com:8443/vendors' }] }))).toEqual(['info.version']);
  });

  it.each(VERSIONS)('%s: in the paths', async version => {
    expect(await found(RULE, api(version, 'latest', { paths: { '/v1/things': { get: ok() } } }))).toEqual([]);
    expect(await found(RULE, api(version, 'latest', { paths: { '/api/2023-10-16/things': { get: ok() } } }))).toEqual([]);
    expect(await found(RULE, api(version, 'latest', { paths: { '/videos/{id}': { get: ok() }, '/v/{code}': { get: ok() } } }))).toEqual(['info.version']);
  });

  it.each(VERSIONS.flatMap(v => ['Api-Version', 'X-API-Version', 'Stripe-Version', 'X-GitHub-Api-Version', 'Accept-Version'].map(n => [v, n] as const)))('%s: a header parameter %s', async (version, name) => {
    expect(await found(RULE, api(version, 'latest', {}, { parameters: [param(version, name, 'header')] }))).toEqual([]);
  });

  it.each(VERSIONS)('%s: an api-version query parameter, also through a $ref', async version => {
    const components = version === '2.0' ? { parameters: { V: param(version, 'api-version', 'query') } } : { components: { parameters: { V: param(version, 'api-version', 'query') } } };
    expect(await found(RULE, api(version, 'latest', components, { parameters: [{ $ref: componentRef(version, 'parameters', 'V') }] }))).toEqual([]);
    // Declared once in components and not (yet) used: the description still names how versions are chosen.
    expect(await found(RULE, api(version, 'latest', components))).toEqual([]);
  });

  it.each(VERSIONS)('%s: look-alike parameter names are not versions', async version => {
    const parameters = [param(version, 'conversion', 'query'), param(version, 'versioned_at', 'query'), param(version, 'X-Diversion', 'header')];
    expect(await found(RULE, api(version, 'latest', {}, { parameters }))).toEqual(['info.version']);
  });

  it.each(V3)('%s: a versioned media type', async version => {
    const content = { 'application/vnd.acme.v2+json': { schema: { type: 'object' } } };
    expect(await found(RULE, api(version, 'latest', {}, { responses: { '200': { description: 'OK', content } } }))).toEqual([]);
    const parameterised = { 'application/json; version=2': { schema: { type: 'object' } } };
    expect(await found(RULE, api(version, 'latest', {}, { responses: { '200': { description: 'OK', content: parameterised } } }))).toEqual([]);
    const plain = { 'application/vnd.acme+json': { schema: { type: 'object' } } };
    expect(await found(RULE, api(version, 'latest', {}, { responses: { '200': { description: 'OK', content: plain } } }))).toEqual(['info.version']);
  });

  it.each(V3)('%s: a `;v=2` media type parameter, also in a $ref response', async version => {
    const content = (type: string) => ({ [type]: { schema: { type: 'object' } } });
    expect(await found(RULE, api(version, 'current', {}, { responses: { '200': { description: 'OK', content: content('application/vnd.acme.catalog+json;v=2') } } }))).toEqual([]);
    const components = { components: { responses: { Ok: { description: 'OK', content: content('application/json; v=1.1') } } } };
    expect(await found(RULE, api(version, 'current', components, { responses: { '200': { $ref: '#/components/responses/Ok' } } }))).toEqual([]);
    // Look-alikes: `v` with no number, another parameter ending in v.
    expect(await found(RULE, api(version, 'current', {}, { responses: { '200': { description: 'OK', content: content('application/json;v=latest') } } }))).toEqual(['info.version']);
    expect(await found(RULE, api(version, 'current', {}, { responses: { '200': { description: 'OK', content: content('application/json;dev=2') } } }))).toEqual(['info.version']);
  });

  it('2.0: a `;v=2` media type in produces, and not `;v=latest`', async () => {
    expect(await found(RULE, api('2.0', 'current', { produces: ['application/vnd.acme+json;v=2'] }))).toEqual([]);
    expect(await found(RULE, api('2.0', 'current', { produces: ['application/vnd.acme+json;v=latest'] }))).toEqual(['info.version']);
  });

  it('2.0: a versioned media type in produces', async () => {
    expect(await found(RULE, api('2.0', 'latest', { produces: ['application/vnd.github.v3+json'] }))).toEqual([]);
  });

  it.each(V3)('%s: a version response header', async version => {
    const responses = { '200': { description: 'OK', headers: { 'API-Version': { schema: { type: 'string' } } } } };
    expect(await found(RULE, api(version, 'latest', {}, { responses }))).toEqual([]);
  });
});

describe('not judged', () => {
  it.each(VERSIONS)('%s: a description without an `info` object (invalid, or cut short): the structural rules report it', async version => {
    const doc = { ...api(version, 'latest') };
    delete doc.info;
    expect(await found(RULE, doc)).toEqual([]);
    expect(await found(RULE, { ...doc, info: 'Test API' })).toEqual([]);
  });
});
