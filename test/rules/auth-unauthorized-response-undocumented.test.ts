import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, bearerScheme, found, response, schemes, testRule, VERSIONS } from '../helpers.js';
import { api, get, ref } from '../fixtures/documents.js';

const UNAUTHORIZED = 'auth-unauthorized-response-undocumented';

testRule(UNAUTHORIZED, VERSIONS.flatMap(version => [
  {
    name: `${version}: a secured operation with only a 200, at its responses`,
    document: api(version, { '/things': { get: get(version) } }),
    errors: [
      {
        path: ['paths', '/things', 'get', 'responses'],
        severity: DiagnosticSeverity.Warning,
        message: 'GET /things requires authentication but documents neither 401 nor 403: add a 401 response (missing or invalid credentials) and a 403 response (not allowed).',
      },
    ],
  },
  {
    name: `${version}: not a secured operation documenting 401, nor a public one`,
    document: api(version, {
      '/things': { get: { responses: { '200': response(version), '401': response(version, 'Unauthorized') } } },
      '/status': { get: get(version, [], { security: [] }) },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)('auth-unauthorized-response-undocumented (%s)', version => {
  it('flags a secured operation with only a 200, at its responses', async () => {
    const doc = api(version, { '/things': { get: get(version) } });
    expect(await found(UNAUTHORIZED, doc)).toEqual(['paths./things.get.responses']);
  });

  it('flags an operation secured by its own security (no root security)', async () => {
    const doc = base(version, {
      ...schemes(version, { bearer: bearerScheme(version) }),
      paths: { '/things': { get: get(version, [], { security: [{ bearer: [] }] }), post: get(version) } },
    });
    expect(await found(UNAUTHORIZED, doc)).toEqual(['paths./things.get.responses']);
  });

  it.each(['401', '403', '4XX', '4xx', 'default'])('does not flag a secured operation documenting %s', async code => {
    const doc = api(version, { '/things': { get: { responses: { '200': response(version), [code]: response(version, 'Denied') } } } });
    expect(await found(UNAUTHORIZED, doc)).toEqual([]);
  });

  it('counts a 401 written as a $ref to a shared response', async () => {
    const doc = api(
      version,
      { '/things': { get: { responses: { '200': response(version), '401': ref(version, 'Unauthorized', 'responses') } } } },
      { responses: { Unauthorized: response(version, 'Unauthorized') } },
    );
    expect(await found(UNAUTHORIZED, doc)).toEqual([]);
  });

  it('does not count a 400, 404 or 5XX as documenting 401/403', async () => {
    const doc = api(version, {
      '/things': { get: { responses: { '200': response(version), '400': response(version, 'Bad'), '404': response(version, 'Gone'), '5XX': response(version, 'Err') } } },
    });
    expect(await found(UNAUTHORIZED, doc)).toEqual(['paths./things.get.responses']);
  });

  it('does not flag a public operation (`security: []`), an optional one, or an unsecured document', async () => {
    const publicOp = api(version, { '/things': { get: get(version, [], { security: [] }), post: get(version, [], { security: [{}, { bearer: [] }] }) } });
    expect(await found(UNAUTHORIZED, publicOp)).toEqual([]);
    const unsecured = base(version, { paths: { '/things': { get: get(version) } } });
    expect(await found(UNAUTHORIZED, unsecured)).toEqual([]);
  });

  it('reads numeric response codes written unquoted in YAML', async () => {
    const head = version === '2.0' ? "swagger: '2.0'" : `openapi: ${version === '3.0' ? '3.0.3' : '3.1.0'}`;
    const scheme = version === '2.0'
      ? 'securityDefinitions:\n  bearer:\n    type: apiKey\n    in: header\n    name: Authorization'
      : 'components:\n  securitySchemes:\n    bearer:\n      type: http\n      scheme: bearer';
    const yaml = [
      head,
      'info:\n  title: t\n  version: "1"',
      scheme,
      'security:\n  - bearer: []',
      'paths:',
      '  /ok:\n    get:\n      responses:\n        200:\n          description: ok\n        401:\n          description: no',
      '  /missing:\n    get:\n      responses:\n        200:\n          description: ok\n        404:\n          description: gone',
    ].join('\n');
    expect(await found(UNAUTHORIZED, yaml)).toEqual(['paths./missing.get.responses']);
  });
});
