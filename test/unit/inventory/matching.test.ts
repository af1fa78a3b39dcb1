// Requests matched to documented operations the way routers do, in Swagger 2.0, OpenAPI 3.0 and 3.1.
import { describe, expect, it } from 'vitest';
import { parseDescription } from '../../../cli/inventory/description.js';
import { joinSegments, methodToken, pathSegments, targetPath } from '../../../cli/inventory/request-path.js';
import { Router, type Match } from '../../../cli/inventory/router.js';

const PATHS = `
  /users:
    get: {responses: {'200': {description: ok}}}
  /users/{id}:
    get: {responses: {'200': {description: ok}}}
    delete: {deprecated: true, responses: {'204': {description: ok}}}
  /users/me:
    get: {responses: {'200': {description: ok}}}
  /files/{name}.json:
    get: {responses: {'200': {description: ok}}}
  /files/{name}:
    get: {responses: {'200': {description: ok}}}
`;

const VERSIONS: Record<string, string> = {
  '2.0': `swagger: '2.0'\ninfo: {title: t, version: '1'}\nbasePath: /v1\npaths:${PATHS}`,
  '3.0': `openapi: 3.0.3\ninfo: {title: t, version: '1'}\nservers:\n  - url: https://api.example.com/{base}\n    variables:\n      base: {default: v1}\npaths:${PATHS}`,
  '3.1': `openapi: 3.1.0\ninfo: {title: t, version: '1'}\nservers:\n  - url: /v1\npaths:${PATHS}`,
};

function route(text: string, method: string, target: string): string {
  const router = new Router(parseDescription(text, 'spec.yaml').operations);
  const match: Match = router.match(methodToken(method)!, pathSegments(targetPath(target)!));
  switch (match.kind) {
    case 'operation':
      return `${match.operation.method} ${match.operation.path}`;
    case 'method':
      return `method not documented on ${match.path}`;
    case 'path':
      return `undocumented under ${joinSegments(match.base)}`;
    default:
      return 'outside';
  }
}

describe.each(Object.keys(VERSIONS))('OpenAPI %s', version => {
  const text = VERSIONS[version];
  const cases: Array<[string, string, string]> = [
    ['GET', '/v1/users', 'GET /users'],
    ['GET', '/v1/users/', 'GET /users'],
    ['GET', '/v1/users/42', 'GET /users/{id}'],
    ['get', '/v1/users/42', 'GET /users/{id}'],
    // a literal segment wins over a template that also matches
    ['GET', '/v1/users/me', 'GET /users/me'],
    // ... but only for its own method: DELETE /users/me is the template's
    ['DELETE', '/v1/users/me', 'DELETE /users/{id}'],
    ['HEAD', '/v1/users/42', 'GET /users/{id}'],
    ['GET', '/v1/users/42?fields=a/b#top', 'GET /users/{id}'],
    ['GET', 'https://api.example.com/v1/users/42?x=1', 'GET /users/{id}'],
    // percent-encoding is decoded per segment; an encoded slash stays inside it
    ['GET', '/v1/users/a%2Fb', 'GET /users/{id}'],
    ['GET', '/v1/%75sers/42', 'GET /users/{id}'],
    ['GET', '/v1/users/42/extra', 'undocumented under /v1'],
    // one trailing slash is tolerated; a parameter never matches an empty segment
    ['GET', '/v1/users//', 'undocumented under /v1'],
    ['GET', '/v1/files/report.json', 'GET /files/{name}.json'],
    ['GET', '/v1/files/report.csv', 'GET /files/{name}'],
    ['GET', '/v1/files/.json', 'GET /files/{name}'],
    ['POST', '/v1/users', 'method not documented on /users'],
    ['GET', '/v1/internal/users/42', 'undocumented under /v1'],
    // a base path is a whole-segment prefix
    ['GET', '/v10/users', 'outside'],
    ['GET', '/users', 'outside'],
    ['GET', '/V1/users', 'outside'],
  ];
  it.each(cases)('%s %s → %s', (method, target, expected) => {
    expect(route(text, method, target)).toBe(expected);
  });
});

describe('base paths', () => {
  it('with no servers, paths start at the root', () => {
    const text = `openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: {responses: {'200': {description: ok}}}`;
    expect(route(text, 'GET', '/a')).toBe('GET /a');
    expect(route(text, 'GET', '/b')).toBe('undocumented under /');
  });

  it('path-level and operation-level servers override the root ones; enum values of variables count', () => {
    const text = `openapi: 3.1.0
info: {title: t, version: '1'}
servers: [{url: 'https://api.example.com/{v}', variables: {v: {default: v1, enum: [v1, v2]}}}]
paths:
  /a:
    servers: [{url: /legacy}]
    get: {responses: {'200': {description: ok}}}
    post: {servers: [{url: /writes}], responses: {'200': {description: ok}}}
  /b:
    get: {responses: {'200': {description: ok}}}
`;
    expect(route(text, 'GET', '/legacy/a')).toBe('GET /a');
    expect(route(text, 'GET', '/v1/a')).toBe('undocumented under /v1');
    expect(route(text, 'POST', '/writes/a')).toBe('POST /a');
    expect(route(text, 'POST', '/legacy/a')).toBe('method not documented on /a');
    expect(route(text, 'GET', '/v1/b')).toBe('GET /b');
    expect(route(text, 'GET', '/v2/b')).toBe('GET /b');
    expect(route(text, 'GET', '/v3/b')).toBe('outside');
  });

  it('the longest base path claims a request first', () => {
    const text = `openapi: 3.0.0\ninfo: {title: t, version: '1'}\nservers: [{url: /}, {url: /api}]\npaths:\n  /users:\n    get: {responses: {'200': {description: ok}}}`;
    expect(route(text, 'GET', '/api/users')).toBe('GET /users');
    expect(route(text, 'GET', '/users')).toBe('GET /users');
    expect(route(text, 'GET', '/api/other')).toBe('undocumented under /api');
  });

  it('a Swagger 2.0 description without basePath serves from the root; JSON works like YAML', () => {
    const text = JSON.stringify({ swagger: '2.0', info: { title: 't', version: '1' }, paths: { '/pets/{id}': { get: { responses: { 200: { description: 'ok' } } } } } });
    expect(route(text, 'GET', '/pets/1')).toBe('GET /pets/{id}');
    expect(route(text, 'GET', '/pets')).toBe('undocumented under /');
  });

  it('follows a path item behind a local $ref', () => {
    const text = `openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a/{id}: {$ref: '#/components/pathItems/A'}
components:
  pathItems:
    A:
      get: {deprecated: true, responses: {'200': {description: ok}}}
`;
    const description = parseDescription(text, 'spec.yaml');
    expect(description.operations.map(o => [o.method, o.path, o.deprecated])).toEqual([['GET', '/a/{id}', true]]);
    expect(route(text, 'GET', '/a/1')).toBe('GET /a/{id}');
  });

  it('locates operations and paths for SARIF (1-based lines)', () => {
    const description = parseDescription(VERSIONS['3.1'], 'spec.yaml');
    expect(description.pathsRange.start.line).toBe(5);
    const remove = description.operations.find(o => o.method === 'DELETE')!;
    expect(remove.range.start.line).toBe(10);
  });
});

describe('request targets', () => {
  it('reduce absolute URLs to their path and ignore query and fragment', () => {
    expect(targetPath('HTTPS://h.example:8443/a/b?q=1')).toBe('/a/b');
    expect(targetPath('http://h.example')).toBe('/');
    expect(targetPath('//h.example/x')).toBe('/x');
    expect(targetPath('/a#f?g')).toBe('/a');
    expect(targetPath('*')).toBeUndefined();
    expect(targetPath('h.example:443')).toBeUndefined();
  });

  it('decode each segment on its own, keeping a bad escape as written', () => {
    expect(pathSegments('/a%2Fb/c%20d/%E0%A4%A/')).toEqual(['a/b', 'c d', '%E0%A4%A']);
    expect(joinSegments(['a/b', '{id}'])).toBe('/a%2Fb/{id}');
    expect(pathSegments('/' + 'x/'.repeat(1000)).length).toBe(64);
  });

  it('accept method tokens only', () => {
    expect(methodToken('get')).toBe('GET');
    expect(methodToken('PURGE')).toBe('PURGE');
    expect(methodToken('GE T')).toBeUndefined();
    expect(methodToken('-')).toBeUndefined();
    expect(methodToken(42)).toBeUndefined();
  });
});
