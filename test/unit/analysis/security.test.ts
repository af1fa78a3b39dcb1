import { describe, expect, it } from 'vitest';
import {
  collectSecuritySchemes,
  effectiveSecurity,
  parseRequirements,
  requirementsSignature,
  tokenUrlPaths,
  type JsonObject,
  type SecurityScheme,
} from '../../../functions/analysis/index.js';
import { doc } from './fixtures.js';

/** Which schemes report findings on their definition, by name. */
function reporters(schemes: Map<string, SecurityScheme>): string[] {
  return [...schemes.values()].filter(s => s.reportsDefinition).map(s => s.name);
}

describe('collectSecuritySchemes', () => {
  it('2.0: securityDefinitions, types lower-cased, the oauth2 flow named by `flow` with its scopes', () => {
    const root = doc('2.0', {
      securityDefinitions: {
        key: { type: 'apiKey', in: 'header', name: 'X-Key' },
        basic: { type: 'basic' },
        oauth: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://a/auth', tokenUrl: 'https://a/token', scopes: { read: 'r', write: 'w' } },
      },
      components: { securitySchemes: { ignored: { type: 'http', scheme: 'basic' } } },
    });
    const schemes = collectSecuritySchemes(root, '2.0');
    expect([...schemes.keys()]).toEqual(['key', 'basic', 'oauth']);
    expect(schemes.get('key')?.type).toBe('apikey');
    expect(schemes.get('key')?.path).toEqual(['securityDefinitions', 'key']);
    const [flow] = schemes.get('oauth')?.flows ?? [];
    expect(flow.name).toBe('accessCode');
    expect(flow.path).toEqual(['securityDefinitions', 'oauth']);
    expect([...flow.scopes]).toEqual(['read', 'write']);
    expect(schemes.get('basic')?.flows).toEqual([]);
  });

  it('3.x: components.securitySchemes, the HTTP scheme lower-cased, one flow per oauth2 flow', () => {
    const root = doc('3.0', {
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'Bearer' },
          oauth: {
            type: 'OAuth2',
            flows: {
              clientCredentials: { tokenUrl: 'https://a/token', scopes: { admin: 'all' } },
              implicit: { authorizationUrl: 'https://a/auth', scopes: {} },
              broken: 'not a flow',
            },
          },
          key: { type: 'apiKey', scheme: 'ignored' },
        },
      },
      securityDefinitions: { ignored: { type: 'basic' } },
    });
    const schemes = collectSecuritySchemes(root, '3.0');
    expect([...schemes.keys()]).toEqual(['bearer', 'oauth', 'key']);
    expect(schemes.get('bearer')?.httpScheme).toBe('bearer');
    // `scheme` only means something for `type: http`.
    expect(schemes.get('key')?.httpScheme).toBeUndefined();
    const oauth = schemes.get('oauth');
    expect(oauth?.type).toBe('oauth2');
    expect(oauth?.flows.map(f => [f.name, f.path.join('.'), [...f.scopes]])).toEqual([
      ['clientCredentials', 'components.securitySchemes.oauth.flows.clientCredentials', ['admin']],
      ['implicit', 'components.securitySchemes.oauth.flows.implicit', []],
    ]);
  });

  it('skips entries that are not objects and reads nothing without a container', () => {
    expect([...collectSecuritySchemes(doc('3.0', { components: { securitySchemes: { a: 'x', b: null } } }), '3.0').keys()]).toEqual([]);
    expect(collectSecuritySchemes(doc('3.0', { components: 'junk' }), '3.0').size).toBe(0);
    expect(collectSecuritySchemes(doc('3.0'), '3.0').size).toBe(0);
  });

  it('a $ref entry is located at its definition; the definition written in place reports, the references do not', () => {
    const definition = { type: 'http', scheme: 'basic' };
    const root = doc('3.0', {
      components: {
        securitySchemes: {
          first: { $ref: '#/components/securitySchemes/shared' },
          shared: definition,
          second: { $ref: '#/components/securitySchemes/shared' },
        },
      },
    });
    const schemes = collectSecuritySchemes(root, '3.0');
    expect(schemes.get('first')?.node).toBe(definition);
    expect(schemes.get('first')?.path).toEqual(['components', 'securitySchemes', 'shared']);
    expect(reporters(schemes)).toEqual(['shared']);
  });

  it('when no entry is written in place, the first that references the definition reports it', () => {
    const root = doc('3.1', {
      'x-shared': { basic: { type: 'http', scheme: 'basic' } },
      components: {
        securitySchemes: {
          a: { $ref: '#/x-shared/basic' },
          b: { $ref: '#/x-shared/basic' },
          own: { type: 'apiKey', in: 'header', name: 'K' },
        },
      },
    });
    expect(reporters(collectSecuritySchemes(root, '3.1'))).toEqual(['a', 'own']);
  });
});

describe('parseRequirements', () => {
  it('reads each requirement object, its schemes and their string scopes, keeping array positions in paths', () => {
    const requirements = parseRequirements([{ oauth: ['read', 7, 'write'], key: [] }, 'junk', {}], ['security']);
    expect(requirements).toEqual([
      {
        path: ['security', 0],
        entries: [
          { scheme: 'oauth', scopes: ['read', 'write'], path: ['security', 0, 'oauth'] },
          { scheme: 'key', scopes: [], path: ['security', 0, 'key'] },
        ],
      },
      { path: ['security', 2], entries: [] },
    ]);
  });

  it('reads nothing from a value that is not an array', () => {
    expect(parseRequirements({ oauth: [] }, ['security'])).toEqual([]);
  });
});

describe('effectiveSecurity', () => {
  const root = doc('3.0', { security: [{ key: [] }] });
  const none = doc('3.0');

  it.each<[string, JsonObject, JsonObject, string, string]>([
    ['inherits the root', root, {}, 'required', 'root'],
    ['overrides the root', root, { security: [{ oauth: ['x'] }] }, 'required', 'operation'],
    ['is public on purpose with `security: []`', root, { security: [] }, 'public', 'operation'],
    ['is optional when `{}` is an alternative', root, { security: [{ key: [] }, {}] }, 'optional', 'operation'],
    ['is optional with `[{}]` alone', none, { security: [{}] }, 'optional', 'operation'],
    ['is none without any security', none, {}, 'none', 'none'],
    ['is none when no requirement is an object', none, { security: ['junk', 7] }, 'none', 'operation'],
    ['ignores an operation `security` that is not an array', root, { security: { key: [] } }, 'required', 'root'],
  ])('%s', (_what, document, operation, state, source) => {
    const security = effectiveSecurity(document, operation, ['paths', '/a', 'get']);
    expect(security.state).toBe(state);
    expect(security.source).toBe(source);
    expect(security.path).toEqual(source === 'operation' ? ['paths', '/a', 'get', 'security'] : source === 'root' ? ['security'] : undefined);
  });

  it('a root `security: []` makes operations without their own public', () => {
    expect(effectiveSecurity(doc('3.0', { security: [] }), {}, ['p']).state).toBe('public');
  });
});

describe('requirementsSignature', () => {
  const sign = (security: unknown) => requirementsSignature(parseRequirements(security, ['security']));

  it('ignores the order of alternatives, of schemes within one, and of scopes (and repeated scopes)', () => {
    const a = sign([{ oauth: ['write', 'read'], key: [] }, { basic: [] }]);
    expect(sign([{ basic: [] }, { key: [], oauth: ['read', 'write', 'read'] }])).toBe(a);
  });

  it('tells apart what accepts other callers: AND vs OR, other scopes, other schemes', () => {
    const signatures = [
      sign([{ a: [], b: [] }]),
      sign([{ a: [] }, { b: [] }]),
      sign([{ oauth: ['read'] }]),
      sign([{ oauth: ['read', 'admin'] }]),
      sign([{ oauth: [] }]),
      sign([{ a: [] }]),
      sign([{}]),
    ];
    expect(new Set(signatures).size).toBe(signatures.length);
  });

  it('no requirement and one empty requirement both accept anyone: one signature', () => {
    expect(sign([])).toBe(sign([{}]));
  });
});

describe('tokenUrlPaths', () => {
  function schemesWith(...tokenUrls: unknown[]) {
    const flows = Object.fromEntries(tokenUrls.map((tokenUrl, i) => [`flow${i}`, { tokenUrl, scopes: {} }]));
    return collectSecuritySchemes(doc('3.0', { components: { securitySchemes: { oauth: { type: 'oauth2', flows } } } }), '3.0');
  }

  it('keeps the path of each token URL, lower case, without query, fragment or trailing slashes', () => {
    expect(tokenUrlPaths(schemesWith('https://auth.example.com/OAuth/Token/', '/v1/token?grant=x', 'https://a.example/x/token#frag', 'https://a.example/t//'))).toEqual([
      '/oauth/token',
      '/v1/token',
      '/x/token',
      '/t',
    ]);
  });

  it('skips token URLs without a path and values that are not strings', () => {
    expect(tokenUrlPaths(schemesWith('https://auth.example.com', 'https://auth.example.com/', 42, undefined))).toEqual([]);
  });
});
