import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { join } from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readExample } from '../helpers.js';
import { assertStrict, lintText, ours, parseLikeSpectral, runDirect, UNGATED } from './harness.js';

/**
 * Nothing we run reaches the network. Every way out of the process — `fetch`, `http(s).request`
 * and `.get`, `net.connect`/`createConnection`, `tls.connect`, `net.Socket.prototype.connect`
 * (which every TCP connection goes through) and DNS lookups — is replaced by a stub that records
 * the attempt with its stack and throws.
 *
 * What is asserted:
 * - linting the examples and documents full of http(s) URLs (servers, OAuth URLs, callbacks,
 *   webhooks, external docs) makes no attempt at all;
 * - a document with external `$ref`s (http, https, protocol-relative): Spectral's own resolver follows
 *   those (that is the engine — users turn it off with Spectral's resolver options, not with a
 *   ruleset), so attempts are expected there; the assertion is that none comes from our code
 *   (no stack frame in functions/ or rulesets/), that Spectral still finishes, and that our functions,
 *   run directly on the document, make no attempt.
 */
const attempts: Array<{ api: string; stack: string }> = [];
const restore: Array<() => void> = [];

/** Replaces `owner[key]` by a stub that records the attempt and throws (or rejects, for promise APIs). */
function block(owner: object, key: string, api: string, async = false): void {
  const target = owner as Record<string, unknown>;
  const original = target[key];
  target[key] = function blocked() {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = Infinity; // the whole stack, so a call from deep inside our code is seen
    attempts.push({ api, stack: new Error().stack ?? '' });
    Error.stackTraceLimit = limit;
    const error = new Error(`network access blocked in tests: ${api}`);
    if (async) return Promise.reject(error);
    throw error;
  };
  restore.push(() => {
    target[key] = original;
  });
}

beforeAll(() => {
  assertStrict();
  block(globalThis, 'fetch', 'fetch', true);
  for (const [module, name] of [[http, 'http'], [https, 'https']] as const) {
    block(module, 'request', `${name}.request`);
    block(module, 'get', `${name}.get`);
  }
  block(net, 'connect', 'net.connect');
  block(net, 'createConnection', 'net.createConnection');
  block(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect');
  block(tls, 'connect', 'tls.connect');
  block(dns, 'lookup', 'dns.lookup');
  block(dns, 'resolve', 'dns.resolve');
  block(dns.promises, 'lookup', 'dns.promises.lookup', true);
});

beforeEach(() => {
  attempts.length = 0;
});

afterAll(() => {
  for (const undo of restore.reverse()) undo();
});

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUR_CODE = [join(ROOT, 'functions'), join(ROOT, 'rulesets'), join(ROOT, 'index.ts'), join(ROOT, 'dist')];

/** Attempts whose stack passes through our code (the repository's functions/, rulesets/, index.ts or built dist/). */
const fromOurCode = () => attempts.filter(a => OUR_CODE.some(folder => a.stack.includes(folder))).map(a => a.api);

describe('no network access', () => {
  it('the stubs are in place (a direct attempt is blocked and recorded)', async () => {
    await expect(fetch('https://example.com')).rejects.toThrow('network access blocked');
    expect(() => http.get('http://example.com')).toThrow('network access blocked');
    expect(() => https.request('https://example.com')).toThrow('network access blocked');
    expect(() => new net.Socket().connect(80, 'example.com')).toThrow('network access blocked');
    expect(() => dns.lookup('example.com', () => undefined)).toThrow('network access blocked');
    expect(attempts.map(a => a.api)).toEqual(['fetch', 'http.get', 'https.request', 'net.Socket.prototype.connect', 'dns.lookup']);
  });

  it.each(['flawed.yaml', 'secure.yaml', 'flawed-no-security.yaml'])('linting examples/%s makes no network attempt', async name => {
    const results = await lintText(readExample(name));
    expect(attempts.map(a => a.api)).toEqual([]);
    if (name !== 'secure.yaml') expect(ours(results).length).toBeGreaterThan(0);
  });

  it('linting a document full of http(s) URLs (servers, OAuth and OpenID URLs, callbacks, webhooks, docs) makes no network attempt', async () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 'Links', version: '1', termsOfService: 'http://example.com/tos', contact: { url: 'https://example.com/contact' }, license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' } },
      externalDocs: { url: 'https://example.com/docs' },
      jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
      servers: [{ url: 'http://api.example.com/v1' }, { url: '{scheme}://{host}', variables: { scheme: { default: 'http' }, host: { default: 'api.example.com' } } }],
      components: {
        securitySchemes: {
          oauth: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'http://auth.example.com/authorize', tokenUrl: 'https://auth.example.com/token', scopes: {} } } },
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' },
        },
      },
      security: [{ oauth: [] }],
      paths: {
        '/subscribe': {
          post: {
            callbacks: { event: { 'http://hooks.example.com/{$request.body#/id}': { post: { responses: { '200': { description: 'OK' } } } } } },
            responses: { '201': { description: 'Created', links: { self: { operationRef: 'https://example.com/openapi.yaml#/paths/~1subscribe/post' } } } },
          },
        },
      },
      webhooks: { 'http://example.com/hook': { post: { responses: { '200': { description: 'OK' } } } } },
    };
    const results = await lintText(JSON.stringify(doc), undefined, 'json');
    expect(attempts.map(a => a.api)).toEqual([]);
    expect(ours(results).map(r => r.code)).toContain('transport-plain-http');
  });

  it('a document with external $refs: Spectral (its resolver) may try them, our code never does, and Spectral finishes', async () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 'External', version: '1' },
      paths: {
        '/a': {
          $ref: 'https://example.com/paths.yaml#/a',
          get: {
            parameters: [{ $ref: 'http://example.com/parameters.yaml#/Token' }],
            responses: { '200': { $ref: '//example.com/responses.yaml#/Ok' }, '201': { description: 'OK', content: { 'application/json': { schema: { $ref: 'https://example.com/schemas.json#/User' } } } } },
          },
        },
      },
      components: { schemas: { Remote: { allOf: [{ $ref: 'http://127.0.0.1:9/schema.json' }, { $ref: 'https://schemas.example.com/user.json' }] } } },
    };
    const text = JSON.stringify(doc);
    const results = await lintText(text, undefined, 'json');
    // Spectral finishes, reporting the references it could not resolve (as its own diagnostics).
    expect(results.some(r => String(r.code) === 'invalid-ref')).toBe(true);
    // Spectral's resolver did try them (so the stubs see real attempts), and none came from our code.
    expect(attempts.length).toBeGreaterThan(0);
    expect(fromOurCode()).toEqual([]);
    // Our functions on their own, on the same document (and with every rule ungated): no attempt at all.
    attempts.length = 0;
    runDirect(parseLikeSpectral(text, 'json'), UNGATED);
    expect(attempts.map(a => a.api)).toEqual([]);
  });
});
