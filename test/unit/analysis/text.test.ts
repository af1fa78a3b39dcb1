import { describe, expect, it } from 'vitest';
import { analyse, EXEMPTIONS_KEY, exemptionHolders, prototypeKeys, textPath, textValues, type TextValue } from '../../../functions/analysis/index.js';
import { doc, json, operationOf } from './fixtures.js';

const LONG_PROPERTY = 'averyveryverylongpropertyname';

const document = doc('3.0', {
  servers: [{ url: 'https://user:pa55word@api.example.com' }],
  'x-internal-note': 'an extension value',
  paths: {
    '/users': {
      post: {
        description: 'Creates a user and its secret',
        parameters: [{ name: 'api_key', in: 'query', schema: { type: 'string', example: 'sk_live_abcdefgh' } }],
        requestBody: {
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/User' }, examples: { one: { summary: 'A sample request', value: { nested: { password: 'hunter22hunter' } } } } },
          },
        },
        responses: { '200': { description: 'OK', content: json({ type: 'string', example: 'short' }) } },
      },
    },
  },
  components: {
    schemas: {
      User: {
        type: 'object',
        [EXEMPTIONS_KEY]: { 'secret-in-example': 'Documentation values.' },
        properties: {
          password: { type: 'string', pattern: '^[a-z0-9]{8,64}$', format: 'password-format', default: 'changeme123', enum: ['enumerated-value'] },
          [LONG_PROPERTY]: { type: 'string' },
        },
      },
    },
  },
});
const analysis = analyse(document);
const values = textValues(analysis);
const find = (value: string): TextValue | undefined => values.find(v => v.value === value);

describe('textValues', () => {
  it.each<[string, TextValue['kind'], string | undefined]>([
    // A parameter names the values of its schema.
    ['sk_live_abcdefgh', 'example', 'api_key'],
    // A property names its default and enum values.
    ['changeme123', 'default', 'password'],
    ['enumerated-value', 'enum', 'password'],
    // Inside a literal value, the nearest key names it.
    ['hunter22hunter', 'example', 'password'],
    ['https://user:pa55word@api.example.com', 'url', undefined],
    ['Creates a user and its secret', 'description', undefined],
    ['A sample request', 'description', undefined],
    ['an extension value', 'extension', 'x-internal-note'],
    // Long keys can be pasted credentials too.
    [LONG_PROPERTY, 'key', undefined],
  ])('collects %j as %s (key %s)', (value, kind, key) => {
    const found = find(value);
    expect(found?.kind).toBe(kind);
    expect(found?.key).toBe(key);
  });

  it('skips references, patterns, formats and strings too short to hold a credential', () => {
    for (const skipped of ['#/components/schemas/User', '^[a-z0-9]{8,64}$', 'password-format', 'short', 'object']) expect(find(skipped)).toBeUndefined();
  });

  it('locates each value where it is written', () => {
    expect(textPath(find('changeme123') as TextValue)).toEqual(['components', 'schemas', 'User', 'properties', 'password', 'default']);
    expect(textPath(find('hunter22hunter') as TextValue)).toEqual([
      'paths', '/users', 'post', 'requestBody', 'content', 'application/json', 'examples', 'one', 'value', 'nested', 'password',
    ]);
    expect(textPath(find(LONG_PROPERTY) as TextValue)).toEqual(['components', 'schemas', 'User', 'properties', LONG_PROPERTY]);
  });

  it('scopes a value to the operation it is written under, and to the nearest object with exemptions', () => {
    expect(find('sk_live_abcdefgh')?.scope.operation).toBe(operationOf(analysis, 'post', '/users'));
    const user = (document.components as { schemas: { User: object } }).schemas.User;
    expect(find('changeme123')?.scope.holder).toBe(user);
    expect(find('an extension value')?.scope).toEqual({});
  });

  it('is collected once per analysis', () => {
    expect(textValues(analysis)).toBe(values);
  });

  it('reads every object once, even in a cycle', () => {
    const looped: Record<string, unknown> = { openapi: '3.1.0', info: { title: 'T', version: '1' }, description: 'a document that contains itself' };
    looped.self = looped;
    expect(textValues(analyse(looped)).filter(v => v.value === 'a document that contains itself')).toHaveLength(1);
  });
});

describe('exemptionHolders', () => {
  it('finds objects the analysis does not register that carry exemptions, whatever their value', () => {
    const broken = doc('3.0', {
      [EXEMPTIONS_KEY]: { 'some-rule': 'Root: registered by the analysis.' },
      paths: { '/a': { get: { [EXEMPTIONS_KEY]: { 'some-rule': 'Registered.' }, parameters: [{ name: 'q', in: 'query', [EXEMPTIONS_KEY]: 'not a map' }], responses: {} } } },
    });
    expect(exemptionHolders(analyse(broken)).map(h => h.path)).toEqual([
      ['paths', '/a', 'get', 'parameters', 0],
    ]);
    expect(exemptionHolders(analysis).map(h => h.path)).toEqual([['components', 'schemas', 'User']]);
  });
});

describe('prototypeKeys', () => {
  it('finds objects whose prototype a `__proto__` key replaced', () => {
    // What a JavaScript parser makes of `{"__proto__": {"type": "string"}, "maxLength": 5}`.
    const replaced = Object.create({ type: 'string' }) as Record<string, unknown>;
    const withProto = doc('3.0', { components: { schemas: { Name: replaced } } });
    expect(prototypeKeys(analyse(withProto)).map(p => p.path)).toEqual([['components', 'schemas', 'Name', '__proto__']]);
    expect(prototypeKeys(analysis)).toEqual([]);
  });

  it('an object without a prototype is no finding', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    expect(prototypeKeys(analyse(doc('3.0', { components: { schemas: { Bare: bare } } })))).toEqual([]);
  });
});
