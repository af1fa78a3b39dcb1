import { describe, expect, it } from 'vitest';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { DiagnosticSeverity } from '@stoplight/types';
import ruleset, { type ApiSecurityOptions } from '../../index.js';
import { base, componentRef, lint, lintWith, pathParam, response, VERSIONS, type Doc, type Version } from '../helpers.js';

const STRING = 'resource-string-unbounded';
const ARRAY = 'resource-array-unbounded';
const NUMBER = 'resource-number-unbounded';
const MAP = 'resource-map-unbounded';
const UPLOAD = 'resource-upload-unbounded';
const RESPONSE = 'resource-response-unbounded';
const EXEMPTIONS = 'x-api-security-exemptions';
const VALUE_RULES = [STRING, ARRAY, NUMBER, MAP, UPLOAD, RESPONSE];

/** The default ruleset with every rule on, `resource-response-unbounded` included. */
const ALL = { extends: [[ruleset, 'all']] } as unknown as RulesetDefinition;

async function found(rule: string, doc: Doc, with_?: ApiSecurityOptions | RulesetDefinition): Promise<string[]> {
  const results = with_ === undefined ? await lint(doc) : 'extends' in with_ || 'rules' in with_ ? await lint(doc, with_ as RulesetDefinition) : await lintWith(with_ as ApiSecurityOptions, doc);
  return results.filter(r => r.code === rule).map(r => r.path.join('.')).sort();
}

/** Findings of every value rule, by rule (rules without findings are absent). */
async function byRule(doc: Doc, rules: RulesetDefinition = ALL): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const r of await lint(doc, rules)) {
    if (!VALUE_RULES.includes(String(r.code))) continue;
    (out[String(r.code)] ??= []).push(r.path.join('.'));
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

function doc(version: Version, paths: Doc, schemas?: Doc, extra: Doc = {}): Doc {
  const defs = schemas ? (version === '2.0' ? { definitions: schemas } : { components: { schemas } }) : {};
  return base(version, { paths, ...defs, ...extra });
}

const ref = (version: Version, name: string): Doc => ({ $ref: componentRef(version, 'schemas', name) });
const at = (version: Version, name: string): string => (version === '2.0' ? `definitions.${name}` : `components.schemas.${name}`);

/** A write operation with a JSON request body (a Swagger 2.0 body parameter). */
function post(version: Version, schema: Doc, more: Doc = {}): Doc {
  const request = version === '2.0' ? { parameters: [{ name: 'body', in: 'body', required: true, schema }] } : { requestBody: { content: { 'application/json': { schema } } } };
  return { ...request, responses: { '200': response(version) }, ...more };
}

/** Where `post`'s body schema is written. */
function body(version: Version, path = '/things', method = 'post'): string {
  return `paths.${path}.${method}.${version === '2.0' ? 'parameters.0.schema' : 'requestBody.content.application/json.schema'}`;
}

/** A GET answering 200 with a JSON body. */
function getReturning(version: Version, schema: Doc, more: Doc = {}): Doc {
  return { responses: { '200': response(version, 'OK', schema) }, ...more };
}

function responseSchema(version: Version, path = '/things'): string {
  return `paths.${path}.get.responses.200.${version === '2.0' ? 'schema' : 'content.application/json.schema'}`;
}

/** A parameter in each version's shape: 2.0 non-body parameters carry their type themselves. */
function param(version: Version, name: string, where: string, schema: Doc): Doc {
  if (where === 'path') return pathParam(version, name, schema);
  return version === '2.0' ? { name, in: where, ...schema } : { name, in: where, schema };
}

/** Where a parameter's type is written, given where the parameter is. */
const paramType = (version: Version, parameterPath: string): string => (version === '2.0' ? parameterPath : `${parameterPath}.schema`);

const object = (properties: Doc, more: Doc = {}): Doc => ({ type: 'object', properties, ...more });
const BOUNDED = { type: 'string', maxLength: 50 };

describe.each(VERSIONS)(`${STRING} (%s)`, version => {
  it('flags a request body property without maxLength, where it is written, as a warning', async () => {
    const d = doc(version, { '/things': { post: post(version, object({ name: { type: 'string' }, ok: BOUNDED })) } });
    const own = (await lint(d)).filter(r => r.code === STRING);
    expect(own.map(r => r.path.join('.'))).toEqual([`${body(version)}.properties.name`]);
    expect(own[0].severity).toBe(DiagnosticSeverity.Warning);
    expect(own[0].message).toBe(
      'String has no `maxLength`: set one (or an `enum`, a bounded `format` or an anchored `pattern` without `*`/`+`) so oversized input is rejected at the edge.',
    );
  });

  const bounded: Array<[string, Doc]> = [
    ['maxLength', { maxLength: 100 }],
    ['maxLength: 0', { maxLength: 0 }],
    ['enum', { enum: ['asc', 'desc'] }],
    ['format: date', { format: 'date' }],
    ['format: date-time', { format: 'date-time' }],
    ['format: time', { format: 'time' }],
    ['format: uuid', { format: 'uuid' }],
    ['format: ipv4', { format: 'ipv4' }],
    ['format: ipv6', { format: 'ipv6' }],
    ['format: hostname', { format: 'hostname' }],
    ['format: Date-Time (any case)', { format: 'Date-Time' }],
    ['pattern ^[a-z]{1,10}$', { pattern: '^[a-z]{1,10}$' }],
    ['pattern with a lookahead', { pattern: '^(?=.*\\d).{8,64}$' }],
    ...(version === '3.1' ? [['const', { const: 'v1' }] as [string, Doc]] : []),
  ];
  it.each(bounded)('does not flag a string bounded by %s', async (_, keywords) => {
    const d = doc(version, { '/things': { post: post(version, object({ value: { type: 'string', ...keywords } })) } });
    expect(await found(STRING, d)).toEqual([]);
  });

  const unbounded: Array<[string, Doc]> = [
    ['format: email', { format: 'email' }],
    ['format: uri', { format: 'uri' }],
    ['format: byte', { format: 'byte' }],
    ['format: password', { format: 'password' }],
    ['minLength only', { minLength: 1 }],
    ['pattern ^[a-z]+$', { pattern: '^[a-z]+$' }],
    ['unanchored pattern [a-z]{1,10}', { pattern: '[a-z]{1,10}' }],
    ['pattern ^a|b$', { pattern: '^a|b$' }],
    ['pattern ^\\d{3,}$', { pattern: '^\\d{3,}$' }],
    ['maxLength: null', { maxLength: null }],
  ];
  it.each(unbounded)('flags a string with only %s', async (_, keywords) => {
    const d = doc(version, { '/things': { post: post(version, object({ value: { type: 'string', ...keywords } })) } });
    expect(await found(STRING, d)).toEqual([`${body(version)}.properties.value`]);
  });

  it('boundedStringFormats.add and .remove change which formats bound a string', async () => {
    const d = doc(version, { '/things': { post: post(version, object({ mail: { type: 'string', format: 'email' }, at: { type: 'string', format: 'date' } })) } });
    const options = { boundedStringFormats: { add: ['email'], remove: ['date'] } };
    expect(await found(STRING, d, options)).toEqual([`${body(version)}.properties.at`]);
  });

  it('reports a schema reached through $ref where it is written', async () => {
    const d = doc(version, { '/things': { post: post(version, ref(version, 'Thing')) } }, { Thing: object({ name: { $ref: componentRef(version, 'schemas', 'Name') }, note: { type: 'string' } }), Name: { type: 'string' } });
    expect(await found(STRING, d)).toEqual([at(version, 'Name'), `${at(version, 'Thing')}.properties.note`].sort());
  });

  it('reports a schema shared by ten operations once', async () => {
    const paths = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`/things${i}`, { post: post(version, ref(version, 'Thing')), put: post(version, ref(version, 'Thing')) }]));
    const d = doc(version, paths, { Thing: object({ name: { type: 'string' } }) });
    expect(await found(STRING, d)).toEqual([`${at(version, 'Thing')}.properties.name`]);
  });

  it('merges allOf: a maxLength on the wrapper bounds the referenced string', async () => {
    const d = doc(version, { '/things': { post: post(version, object({ name: { allOf: [ref(version, 'Name')], maxLength: 40 } })) } }, { Name: { type: 'string' } });
    expect(await found(STRING, d)).toEqual([]);
  });

  it('merges allOf: a wrapper without bound is reported where the type is written; a direct use of the member too', async () => {
    const alone = doc(version, { '/things': { post: post(version, object({ name: { allOf: [ref(version, 'Name')], description: 'Display name.' } })) } }, { Name: { type: 'string' } });
    expect(await found(STRING, alone)).toEqual([at(version, 'Name')]);

    const bothWays = doc(version, { '/things': { post: post(version, object({ bounded: { allOf: [ref(version, 'Name')], maxLength: 40 }, raw: ref(version, 'Name') })) } }, { Name: { type: 'string' } });
    expect(await found(STRING, bothWays)).toEqual([at(version, 'Name')]);
  });

  it('judges properties declared in allOf members, each where it is declared', async () => {
    const d = doc(
      version,
      { '/things': { post: post(version, { allOf: [ref(version, 'Base'), object({ nick: { type: 'string' }, bio: BOUNDED })] }) } },
      { Base: object({ id: { type: 'string', format: 'uuid' }, label: { type: 'string' } }) },
    );
    expect(await found(STRING, d)).toEqual([`${at(version, 'Base')}.properties.label`, `${body(version)}.allOf.1.properties.nick`].sort());
  });

  it('follows nested objects, arrays and maps', async () => {
    const d = doc(version, {
      '/things': {
        post: post(
          version,
          object({
            owner: object({ address: object({ street: { type: 'string' } }) }),
            tags: { type: 'array', maxItems: 10, items: object({ label: { type: 'string' } }) },
            labels: { type: 'object', maxProperties: 10, additionalProperties: { type: 'string' } },
          }),
        ),
      },
    });
    const prefix = `${body(version)}.properties`;
    expect(await found(STRING, d)).toEqual([`${prefix}.labels.additionalProperties`, `${prefix}.owner.properties.address.properties.street`, `${prefix}.tags.items.properties.label`]);
  });

  if (version !== '2.0') {
    it('judges oneOf and anyOf alternatives one by one', async () => {
      const d = doc(version, {
        '/things': { post: post(version, object({ id: { oneOf: [{ type: 'string' }, { type: 'integer', maximum: 10 }] }, key: { anyOf: [BOUNDED, { type: 'string', format: 'email' }] } })) },
      });
      expect(await found(STRING, d)).toEqual([`${body(version)}.properties.id.oneOf.0`, `${body(version)}.properties.key.anyOf.1`]);
    });
  }

  if (version === '3.1') {
    it('judges 3.1 type arrays', async () => {
      const d = doc(version, { '/things': { post: post(version, object({ a: { type: ['string', 'null'] }, b: { type: ['string', 'null'], maxLength: 5 } })) } });
      expect(await found(STRING, d)).toEqual([`${body(version)}.properties.a`]);
    });
  }

  it('does not flag readOnly properties in request bodies (inline, beside an allOf, or in the referenced schema)', async () => {
    const d = doc(
      version,
      { '/things': { post: post(version, object({ id: { type: 'string', readOnly: true }, etag: { allOf: [ref(version, 'Text')], readOnly: true }, created: ref(version, 'ServerText'), secret: { type: 'string', writeOnly: true } })) } },
      { Text: { type: 'string' }, ServerText: { type: 'string', readOnly: true } },
    );
    expect(await found(STRING, d)).toEqual([`${body(version)}.properties.secret`]);
  });

  it('does not flag strings only responses carry, nor a date string without maxLength', async () => {
    const d = doc(version, {
      '/things': {
        get: getReturning(version, object({ name: { type: 'string' } })),
        post: post(version, object({ day: { type: 'string', format: 'date' } })),
      },
    });
    expect(await found(STRING, d)).toEqual([]);
  });

  it('judges query, header and path parameters, with the type where the version writes it', async () => {
    const d = doc(version, {
      '/things/{slug}': {
        parameters: [param(version, 'slug', 'path', { type: 'string' })],
        get: {
          parameters: [param(version, 'q', 'query', { type: 'string' }), param(version, 'X-Trace', 'header', { type: 'string' }), param(version, 'sort', 'query', { type: 'string', enum: ['asc', 'desc'] }), param(version, 'name', 'query', { type: 'string', maxLength: 40 }), param(version, 'X-Request-Id', 'header', { type: 'string', format: 'uuid' })],
          responses: { '200': response(version) },
        },
      },
    });
    expect(await found(STRING, d)).toEqual(
      [paramType(version, 'paths./things/{slug}.get.parameters.0'), paramType(version, 'paths./things/{slug}.get.parameters.1'), paramType(version, 'paths./things/{slug}.parameters.0')].sort(),
    );
  });

  it('reports a shared component parameter once, where it is written', async () => {
    const paramRef = { $ref: componentRef(version, 'parameters', 'Q') };
    const parameters = { Q: param(version, 'q', 'query', { type: 'string' }) };
    const d = base(version, {
      paths: { '/a': { get: { parameters: [paramRef], responses: { '200': response(version) } } }, '/b': { get: { parameters: [paramRef], responses: { '200': response(version) } } } },
      ...(version === '2.0' ? { parameters } : { components: { parameters } }),
    });
    expect(await found(STRING, d)).toEqual([paramType(version, version === '2.0' ? 'parameters.Q' : 'components.parameters.Q')]);
  });

  if (version === '2.0') {
    it('judges Swagger 2.0 formData parameters with their type on the parameter', async () => {
      const d = doc(version, { '/things': { post: { consumes: ['application/x-www-form-urlencoded'], parameters: [{ name: 'name', in: 'formData', type: 'string' }, { name: 'kind', in: 'formData', type: 'string', maxLength: 8 }], responses: { '200': response(version) } } } });
      expect(await found(STRING, d)).toEqual(['paths./things.post.parameters.0']);
    });
  } else {
    it('judges cookie parameters and parameters described through content', async () => {
      const d = doc(version, {
        '/things': {
          get: {
            parameters: [param(version, 'session_hint', 'cookie', { type: 'string' }), { name: 'filter', in: 'query', content: { 'application/json': { schema: object({ q: { type: 'string' } }) } } }],
            responses: { '200': response(version) },
          },
        },
      });
      expect(await found(STRING, d)).toEqual(['paths./things.get.parameters.0.schema', 'paths./things.get.parameters.1.content.application/json.schema.properties.q']);
    });
  }

  it('honours exemptions on the operation and the path item, unless another operation uses the schema too', async () => {
    const reason = { [STRING]: 'Free-text notes; the gateway caps bodies at 16 KiB.' };
    const d = doc(
      version,
      {
        '/notes': { post: post(version, object({ text: { type: 'string' } }), { [EXEMPTIONS]: reason }) },
        '/memos': { [EXEMPTIONS]: reason, post: post(version, object({ text: { type: 'string' } })) },
        '/shared-a': { post: post(version, ref(version, 'Shared'), { [EXEMPTIONS]: reason }) },
        '/shared-b': { post: post(version, ref(version, 'Shared')) },
      },
      { Shared: object({ text: { type: 'string' } }) },
    );
    expect(await found(STRING, d)).toEqual([`${at(version, 'Shared')}.properties.text`]);
  });

  it('a root exemption silences every finding', async () => {
    const d = doc(version, { '/things': { post: post(version, object({ a: { type: 'string' } })) } }, undefined, { [EXEMPTIONS]: { [STRING]: 'Bodies are capped at the gateway.' } });
    expect(await found(STRING, d)).toEqual([]);
  });

  it('honours an exemption on the schema itself (component, inline property, or allOf wrapper) but not on an enclosing object', async () => {
    const reason = { [STRING]: 'Opaque token from the payment provider; its length is theirs to decide.' };
    const d = doc(
      version,
      {
        '/things': {
          post: post(
            version,
            object({
              token: ref(version, 'ProviderToken'),
              inline: { type: 'string', [EXEMPTIONS]: reason },
              wrapped: { allOf: [ref(version, 'Text')], [EXEMPTIONS]: reason },
              nested: object({ note: { type: 'string' } }, { [EXEMPTIONS]: reason }),
            }),
          ),
        },
        '/others': { post: post(version, ref(version, 'ProviderToken')), put: post(version, ref(version, 'ProviderToken')) },
      },
      { ProviderToken: { type: 'string', [EXEMPTIONS]: reason }, Text: { type: 'string' } },
    );
    expect(await found(STRING, d)).toEqual([`${body(version)}.properties.nested.properties.note`]);
  });
});

describe.each(VERSIONS)(`${ARRAY} (%s)`, version => {
  it('flags a request array without maxItems, where it is written, as a warning', async () => {
    const d = doc(version, { '/things': { post: post(version, object({ ids: { type: 'array', items: { type: 'string', format: 'uuid' } }, ok: { type: 'array', maxItems: 5, items: BOUNDED } })) } });
    const own = (await lint(d)).filter(r => r.code === ARRAY);
    expect(own.map(r => r.path.join('.'))).toEqual([`${body(version)}.properties.ids`]);
    expect(own[0].severity).toBe(DiagnosticSeverity.Warning);
    expect(own[0].message).toBe('Array has no `maxItems`: set one so a single request cannot carry an unbounded number of items.');
  });

  it('flags a top-level array body, nested arrays, and array query parameters', async () => {
    const d = doc(version, {
      '/things': {
        post: post(version, { type: 'array', items: { type: 'array', maxItems: 3, items: { type: 'array', items: { type: 'integer', maximum: 9 } } } }),
        get: { parameters: [param(version, 'ids', 'query', { type: 'array', items: { type: 'string', format: 'uuid' } })], responses: { '200': response(version) } },
      },
    });
    expect(await found(ARRAY, d)).toEqual([body(version), `${body(version)}.items.items`, paramType(version, 'paths./things.get.parameters.0')].sort());
  });

  it('through $ref and allOf: maxItems on the wrapper bounds the referenced array; the component alone is reported once', async () => {
    const d = doc(
      version,
      {
        '/a': { post: post(version, object({ ids: { allOf: [ref(version, 'Ids')], maxItems: 100 } })) },
        '/b': { post: post(version, object({ ids: ref(version, 'Ids') })), put: post(version, object({ more: ref(version, 'Ids') })) },
      },
      { Ids: { type: 'array', items: { type: 'string', format: 'uuid' } } },
    );
    expect(await found(ARRAY, d)).toEqual([at(version, 'Ids')]);
  });

  it('does not flag response arrays, readOnly arrays or enum-bounded arrays', async () => {
    const d = doc(version, {
      '/things': {
        get: getReturning(version, object({ items: { type: 'array', items: BOUNDED } })),
        post: post(version, object({ history: { type: 'array', readOnly: true, items: BOUNDED }, pair: { type: 'array', enum: [['a', 'b']], items: BOUNDED } })),
      },
    });
    expect(await found(ARRAY, d)).toEqual([]);
  });

  it('honours an exemption on the array schema and on the operation', async () => {
    const reason = { [ARRAY]: 'Batch import; size enforced by the job runner.' };
    const d = doc(version, {
      '/a': { post: post(version, object({ rows: { type: 'array', items: BOUNDED, [EXEMPTIONS]: reason } })) },
      '/b': { post: post(version, object({ rows: { type: 'array', items: BOUNDED } }), { [EXEMPTIONS]: reason }) },
    });
    expect(await found(ARRAY, d)).toEqual([]);
  });
});

describe.each(VERSIONS)(`${NUMBER} (%s)`, version => {
  it('flags request integers and numbers without maximum, where written, as info', async () => {
    const d = doc(version, { '/things': { post: post(version, object({ quantity: { type: 'integer', minimum: 1 }, price: { type: 'number' }, ok: { type: 'integer', maximum: 10 } })) } });
    const own = (await lint(d)).filter(r => r.code === NUMBER);
    expect(own.map(r => r.path.join('.')).sort()).toEqual([`${body(version)}.properties.price`, `${body(version)}.properties.quantity`]);
    expect(own.map(r => r.severity)).toEqual([DiagnosticSeverity.Information, DiagnosticSeverity.Information]);
    expect(own[0].message).toBe('Number has no `maximum`: set one so quantities, sizes and counts cannot be arbitrarily large.');
  });

  const bounded: Array<[string, Doc]> = [
    ['maximum', { maximum: 1000 }],
    ['maximum: 0', { maximum: 0 }],
    ['enum', { enum: [1, 2, 3] }],
    ['maximum with 3.0 exclusiveMaximum: true', { maximum: 100, exclusiveMaximum: true }],
    ...(version === '3.1' ? [['numeric exclusiveMaximum (3.1)', { exclusiveMaximum: 100 }] as [string, Doc], ['const', { const: 5 }] as [string, Doc]] : []),
  ];
  it.each(bounded)('does not flag an integer bounded by %s', async (_, keywords) => {
    const d = doc(version, { '/things': { post: post(version, object({ n: { type: 'integer', ...keywords } })) } });
    expect(await found(NUMBER, d)).toEqual([]);
  });

  it.each([
    ['exclusiveMaximum: true alone (3.0 style: a flag, not a bound)', { exclusiveMaximum: true }],
    ['format: int32', { format: 'int32' }],
    ['maximum as a string', { maximum: '100' }],
  ])('flags an integer with only %s', async (_, keywords) => {
    const d = doc(version, { '/things': { post: post(version, object({ n: { type: 'integer', ...keywords } })) } });
    expect(await found(NUMBER, d)).toEqual([`${body(version)}.properties.n`]);
  });

  it('merges allOf: a maximum on the wrapper bounds the referenced integer', async () => {
    const d = doc(version, { '/things': { post: post(version, object({ n: { allOf: [ref(version, 'Count')], maximum: 50 } })) } }, { Count: { type: 'integer', minimum: 0 } });
    expect(await found(NUMBER, d)).toEqual([]);
  });

  it('judges query and header parameters; GET page-size parameters are left to the pagination rule', async () => {
    const d = doc(version, {
      '/things': {
        get: {
          parameters: [param(version, 'limit', 'query', { type: 'integer' }), param(version, 'offset', 'query', { type: 'integer' }), param(version, 'X-Priority', 'header', { type: 'integer' })],
          responses: { '200': response(version) },
        },
        post: { ...post(version, object({ n: { type: 'integer', maximum: 3 } })), parameters: [...(version === '2.0' ? [{ name: 'body', in: 'body', schema: object({ n: { type: 'integer', maximum: 3 } }) }] : []), param(version, 'limit', 'query', { type: 'integer' })] },
      },
    });
    const postLimit = version === '2.0' ? 'paths./things.post.parameters.1' : 'paths./things.post.parameters.0.schema';
    expect(await found(NUMBER, d)).toEqual([paramType(version, 'paths./things.get.parameters.1'), paramType(version, 'paths./things.get.parameters.2'), postLimit].sort());
    expect(await found('resource-pagination-unbounded', d)).toEqual(['paths./things.get.parameters.0']);
  });

  if (version === '3.1') {
    it('judges 3.1 type arrays', async () => {
      const d = doc(version, { '/things': { post: post(version, object({ n: { type: ['integer', 'null'] } })) } });
      expect(await found(NUMBER, d)).toEqual([`${body(version)}.properties.n`]);
    });
  }

  it('honours exemptions on the number schema and the root', async () => {
    const reason = { [NUMBER]: 'Amount in cents; the payment provider caps it.' };
    const d = doc(version, { '/things': { post: post(version, object({ amount: { type: 'integer', [EXEMPTIONS]: reason }, other: { type: 'number' } })) } });
    expect(await found(NUMBER, d)).toEqual([`${body(version)}.properties.other`]);
    expect(await found(NUMBER, { ...d, [EXEMPTIONS]: reason })).toEqual([]);
  });
});

describe.each(VERSIONS)(`${MAP} (%s)`, version => {
  it('flags an object with schema-valued additionalProperties and no maxProperties, at the object', async () => {
    const d = doc(version, { '/things': { post: post(version, object({ labels: { type: 'object', additionalProperties: BOUNDED } })) } });
    const own = (await lint(d)).filter(r => r.code === MAP);
    expect(own.map(r => r.path.join('.'))).toEqual([`${body(version)}.properties.labels`]);
    expect(own[0].severity).toBe(DiagnosticSeverity.Warning);
    expect(own[0].message).toBe('Map (schema-valued `additionalProperties`) has no `maxProperties`: set one so a request cannot carry unboundedly many keys.');
  });

  it.each([
    ['maxProperties', { additionalProperties: BOUNDED, maxProperties: 20 }],
    ['additionalProperties: true (free-form object, not a map)', { additionalProperties: true }],
    ['additionalProperties: {} (the same as true)', { additionalProperties: {} }],
    ['additionalProperties: false', { additionalProperties: false, properties: { a: BOUNDED } }],
    ['no additionalProperties', { properties: { a: BOUNDED } }],
  ])('does not flag an object with %s', async (_, keywords) => {
    const d = doc(version, { '/things': { post: post(version, object({ labels: { type: 'object', ...keywords } })) } });
    expect(await found(MAP, d)).toEqual([]);
  });

  it('through $ref and allOf: maxProperties on the wrapper bounds it; otherwise reported where additionalProperties is written', async () => {
    const d = doc(
      version,
      {
        '/a': { post: post(version, object({ labels: { allOf: [ref(version, 'Labels')], maxProperties: 10 } })) },
        '/b': { post: post(version, object({ tags: { allOf: [ref(version, 'Labels')], description: 'Tags.' } })) },
      },
      { Labels: { type: 'object', additionalProperties: BOUNDED } },
    );
    expect(await found(MAP, d)).toEqual([at(version, 'Labels')]);
  });

  it('does not flag response maps (by default) nor readOnly ones', async () => {
    const d = doc(version, {
      '/things': { get: getReturning(version, { type: 'object', additionalProperties: BOUNDED }), post: post(version, object({ stats: { type: 'object', readOnly: true, additionalProperties: BOUNDED } })) },
    });
    expect(await found(MAP, d)).toEqual([]);
  });

  it('honours an exemption on the map schema', async () => {
    const d = doc(version, { '/things': { post: post(version, object({ labels: { type: 'object', additionalProperties: BOUNDED, [EXEMPTIONS]: { [MAP]: 'Keys are validated against a fixed registry.' } } })) } });
    expect(await found(MAP, d)).toEqual([]);
  });
});

describe.each(VERSIONS)(`${UPLOAD} (%s)`, version => {
  const ADVICE = 'File upload has no documented size limit: give the binary value a `maxLength` (bytes) or an `x-max-size`, and enforce it.';

  if (version === '2.0') {
    it('flags a Swagger 2.0 formData `type: file` parameter without a size limit, at the parameter, and no string finding', async () => {
      const d = doc(version, {
        '/files': { post: { consumes: ['multipart/form-data'], parameters: [{ name: 'file', in: 'formData', type: 'file' }, { name: 'note', in: 'formData', type: 'string', maxLength: 100 }], responses: { '200': response(version) } } },
      });
      const all = await byRule(d);
      expect(all).toEqual({ [UPLOAD]: ['paths./files.post.parameters.0'] });
      expect((await lint(d)).find(r => r.code === UPLOAD)?.message).toBe(ADVICE);
    });

    it.each([['x-max-size', { 'x-max-size': 10_485_760 }], ['maxLength', { maxLength: 10_485_760 }]])('does not flag a file parameter with %s', async (_, keywords) => {
      const d = doc(version, { '/files': { post: { consumes: ['multipart/form-data'], parameters: [{ name: 'file', in: 'formData', type: 'file', ...keywords }], responses: { '200': response(version) } } } });
      expect(await found(UPLOAD, d)).toEqual([]);
    });

    it('flags a binary body parameter', async () => {
      const d = doc(version, { '/files': { post: { consumes: ['application/octet-stream'], ...post(version, { type: 'string', format: 'binary' }) } } });
      expect(await found(UPLOAD, d)).toEqual([body(version, '/files')]);
    });
  } else {
    const multipart = (schema: Doc): Doc => ({ requestBody: { content: { 'multipart/form-data': { schema } } }, responses: { '200': response(version) } });
    const part = 'paths./files.post.requestBody.content.multipart/form-data.schema';

    it('flags a `format: binary` part of a multipart/form-data body, and not as an unbounded string', async () => {
      const d = doc(version, { '/files': { post: multipart(object({ file: { type: 'string', format: 'binary' }, note: BOUNDED })) } });
      expect(await byRule(d)).toEqual({ [UPLOAD]: [`${part}.properties.file`] });
      expect((await lint(d)).find(r => r.code === UPLOAD)?.message).toBe(ADVICE);
    });

    it.each([['maxLength', { maxLength: 5_000_000 }], ['x-max-size', { 'x-max-size': 5_000_000 }]])('does not flag a binary part bounded by %s', async (_, keywords) => {
      const d = doc(version, { '/files': { post: multipart(object({ file: { type: 'string', format: 'binary', ...keywords } })) } });
      expect(await found(UPLOAD, d)).toEqual([]);
    });

    it('merges allOf: a size limit on the wrapper bounds a referenced binary schema', async () => {
      const d = doc(version, { '/files': { post: multipart(object({ file: { allOf: [ref(version, 'Binary')], 'x-max-size': 1_000_000 } })) } }, { Binary: { type: 'string', format: 'binary' } });
      expect(await found(UPLOAD, d)).toEqual([]);
    });

    it('flags an array of binary parts at the items, and the array itself for its maxItems', async () => {
      const d = doc(version, { '/files': { post: multipart(object({ files: { type: 'array', items: { type: 'string', format: 'binary' } } })) } });
      expect(await byRule(d)).toEqual({ [ARRAY]: [`${part}.properties.files`], [UPLOAD]: [`${part}.properties.files.items`] });
    });

    it('flags a raw application/octet-stream body with no schema, at the media type; x-max-size on the media type bounds it', async () => {
      const raw = (media: Doc): Doc => ({ requestBody: { content: { 'application/octet-stream': media, 'image/png': media, 'application/json': {}, 'multipart/form-data': {} } }, responses: { '200': response(version) } });
      const d = doc(version, { '/files': { post: raw({}) }, '/images': { put: raw({ 'x-max-size': 1_048_576 }) } });
      expect(await found(UPLOAD, d)).toEqual(['paths./files.post.requestBody.content.application/octet-stream', 'paths./files.post.requestBody.content.image/png']);
      expect((await lint(d)).find(r => r.code === UPLOAD)?.message).toBe('Binary request body (application/octet-stream) has no documented size limit: add `x-max-size` (bytes) to the media type, and enforce it.');
    });

    it('reports a shared request body once, where it is written, and honours operation exemptions', async () => {
      const bodyRef = { $ref: '#/components/requestBodies/Blob' };
      const d = base(version, {
        paths: {
          '/a': { post: { requestBody: bodyRef, responses: { '200': response(version) } } },
          '/b': { put: { requestBody: bodyRef, responses: { '200': response(version) } } },
          '/c': { post: { requestBody: { content: { 'application/octet-stream': {} } }, responses: { '200': response(version) }, [EXEMPTIONS]: { [UPLOAD]: 'Streamed to object storage, which caps objects at 5 GiB.' } } },
        },
        components: { requestBodies: { Blob: { content: { 'application/octet-stream': {} } } } },
      });
      expect(await found(UPLOAD, d)).toEqual(['components.requestBodies.Blob.content.application/octet-stream']);
    });

    it('flags a `format: binary` application/octet-stream schema (3.0 style)', async () => {
      const d = doc(version, { '/files': { post: { requestBody: { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, responses: { '200': response(version) } } } });
      expect(await found(UPLOAD, d)).toEqual(['paths./files.post.requestBody.content.application/octet-stream.schema']);
    });
  }

  if (version === '3.1') {
    it.each([
      ['contentMediaType', { contentMediaType: 'image/png' }],
      ['contentEncoding', { contentEncoding: 'base64' }],
    ])('flags a 3.1 string with %s and no size limit, and not as an unbounded string', async (_, keywords) => {
      const d = doc(version, { '/files': { post: post(version, object({ photo: { type: 'string', ...keywords } })) } });
      expect(await byRule(d)).toEqual({ [UPLOAD]: [`${body(version, '/files')}.properties.photo`] });
    });

    it('does not flag a 3.1 contentMediaType string with maxLength', async () => {
      const d = doc(version, { '/files': { post: post(version, object({ photo: { type: 'string', contentMediaType: 'image/png', contentEncoding: 'base64', maxLength: 2_000_000 } })) } });
      expect(await byRule(d)).toEqual({});
    });
  }

  it('uploadSizeKeywords.add accepts another keyword', async () => {
    const file = version === '2.0'
      ? { consumes: ['multipart/form-data'], parameters: [{ name: 'file', in: 'formData', type: 'file', 'x-upload-limit': 1000 }], responses: { '200': response(version) } }
      : { requestBody: { content: { 'multipart/form-data': { schema: object({ file: { type: 'string', format: 'binary', 'x-upload-limit': 1000 } }) } } }, responses: { '200': response(version) } };
    const d = doc(version, { '/files': { post: file } });
    expect(await found(UPLOAD, d)).toHaveLength(1);
    expect(await found(UPLOAD, d, { uploadSizeKeywords: { add: ['x-upload-limit'] } })).toEqual([]);
  });

  it('honours an exemption on the binary schema', async () => {
    const exempt = { [EXEMPTIONS]: { [UPLOAD]: 'Proxied straight to S3 with a signed policy that caps size.' } };
    const file = version === '2.0'
      ? { consumes: ['multipart/form-data'], parameters: [{ name: 'file', in: 'formData', type: 'file', ...exempt }], responses: { '200': response(version) } }
      : { requestBody: { content: { 'multipart/form-data': { schema: object({ file: { type: 'string', format: 'binary', ...exempt } }) } } }, responses: { '200': response(version) } };
    expect(await found(UPLOAD, doc(version, { '/files': { post: file } }))).toEqual([]);
  });
});

describe.each(VERSIONS)(`${RESPONSE} (%s)`, version => {
  const payload = object({
    name: { type: 'string' },
    born: { type: 'string', format: 'date' },
    tags: { type: 'array', items: BOUNDED },
    score: { type: 'number' },
    extra: { type: 'object', additionalProperties: BOUNDED },
    password: { type: 'string', writeOnly: true },
  });
  const d = () => doc(version, { '/things': { get: getReturning(version, payload), post: post(version, object({ sent: { type: 'string', maxLength: 5 } })) } });
  const expected = (prefix: string) => [`${prefix}.properties.extra`, `${prefix}.properties.name`, `${prefix}.properties.score`, `${prefix}.properties.tags`];

  it('is off by default: a response string without maxLength is not flagged', async () => {
    expect(await found(RESPONSE, d())).toEqual([]);
    expect(await byRule(d(), ruleset)).toEqual({});
  });

  it('once enabled with extends [ruleset, all], flags unbounded response values (not dates, not writeOnly properties), as info', async () => {
    const own = (await lint(d(), ALL)).filter(r => r.code === RESPONSE);
    expect(own.map(r => r.path.join('.')).sort()).toEqual(expected(responseSchema(version)));
    expect(new Set(own.map(r => r.severity))).toEqual(new Set([DiagnosticSeverity.Information]));
    expect(own.find(r => r.path.join('.').endsWith('.name'))?.message).toBe('Response string has no `maxLength`: document one so clients can size their buffers and storage.');
    // The request rules do not look at responses.
    expect(await byRule(d(), ruleset)).toEqual({});
  });

  it('once enabled by a rules override with a severity, flags them at that severity', async () => {
    const rules = { extends: [ruleset], rules: { [RESPONSE]: 'warn' } } as unknown as RulesetDefinition;
    const own = (await lint(d(), rules)).filter(r => r.code === RESPONSE);
    expect(own.map(r => r.path.join('.')).sort()).toEqual(expected(responseSchema(version)));
    expect(new Set(own.map(r => r.severity))).toEqual(new Set([DiagnosticSeverity.Warning]));
  });

  it('does not look at request values, and reports a schema used both ways once per rule', async () => {
    const both = doc(version, { '/things': { get: getReturning(version, ref(version, 'Thing')), post: post(version, ref(version, 'Thing')) } }, { Thing: object({ name: { type: 'string' }, code: { type: 'string', maxLength: 4 } }) });
    expect(await byRule(both)).toEqual({ [RESPONSE]: [`${at(version, 'Thing')}.properties.name`], [STRING]: [`${at(version, 'Thing')}.properties.name`] });
    const requestOnly = doc(version, { '/things': { post: post(version, object({ name: { type: 'string' } })) } });
    expect(await found(RESPONSE, requestOnly, ALL)).toEqual([]);
  });

  it('honours operation and schema exemptions', async () => {
    const reason = { [RESPONSE]: 'Legacy payload, documented in the migration guide.' };
    const exempt = doc(version, {
      '/things': { get: getReturning(version, object({ name: { type: 'string' } }), { [EXEMPTIONS]: reason }) },
      '/others': { get: getReturning(version, object({ name: { type: 'string', [EXEMPTIONS]: reason } })) },
    });
    expect(await found(RESPONSE, exempt, ALL)).toEqual([]);
  });

  describe('arrays a bounded page size limits', () => {
    const limit = (schema: Doc) => param(version, 'limit', 'query', schema);
    const items = { type: 'array', items: object({ id: { type: 'string', format: 'uuid' } }) };
    const envelope = (list: Doc) => object({ data: list, next: { type: 'string', format: 'uuid' } });
    const arrays = async (d: Doc) => (await found(RESPONSE, d, ALL)).filter(p => !p.endsWith('.next'));

    it('does not flag the bare array or the envelope array of a collection GET whose page size has a maximum', async () => {
      const bare = doc(version, { '/things': { get: getReturning(version, items, { parameters: [limit({ type: 'integer', maximum: 100 })] }) } });
      expect(await arrays(bare)).toEqual([]);
      const wrapped = doc(version, { '/things': { get: getReturning(version, ref(version, 'Page'), { parameters: [limit({ type: 'integer', maximum: 100 })] }) } }, { Page: envelope(ref(version, 'Things')), Things: items });
      expect(await arrays(wrapped)).toEqual([]);
    });

    it('flags them when the page size has no maximum, or there is no page size', async () => {
      const unbounded = doc(version, { '/things': { get: getReturning(version, items, { parameters: [limit({ type: 'integer' })] }) } });
      expect(await arrays(unbounded)).toEqual([responseSchema(version)]);
      const none = doc(version, { '/things': { get: getReturning(version, ref(version, 'Page')) } }, { Page: envelope(items) });
      expect(await arrays(none)).toEqual([`${at(version, 'Page')}.properties.data`]);
    });

    it('flags a shared list that another collection GET returns without a bounded page size', async () => {
      const d = doc(
        version,
        {
          '/things': { get: getReturning(version, ref(version, 'Things'), { parameters: [limit({ type: 'integer', maximum: 100 })] }) },
          '/others': { get: getReturning(version, ref(version, 'Things')) },
        },
        { Things: items },
      );
      expect(await arrays(d)).toEqual([at(version, 'Things')]);
    });

    it('still flags arrays nested deeper than the page, and arrays of a single-object GET', async () => {
      const nested = doc(version, { '/things': { get: getReturning(version, { type: 'array', items: object({ tags: { type: 'array', items: BOUNDED } }) }, { parameters: [limit({ type: 'integer', maximum: 100 })] }) } });
      expect(await arrays(nested)).toEqual([`${responseSchema(version)}.items.properties.tags`]);
      const single = doc(version, {
        '/things/{id}': { get: getReturning(version, object({ parts: { type: 'array', items: BOUNDED } }), { parameters: [pathParam(version, 'id', { type: 'string' }), limit({ type: 'integer', maximum: 10 })] }) },
      });
      expect(await arrays(single)).toEqual([`${responseSchema(version, '/things/{id}')}.properties.parts`]);
    });
  });
});

describe.each(VERSIONS)('value rules on hostile shapes (%s)', version => {
  it('cyclic allOf, a schema that contains itself through items, and wrong types never throw', async () => {
    const d = doc(
      version,
      {
        '/things': {
          post: post(
            version,
            object({
              cyclic: ref(version, 'A'),
              tree: ref(version, 'Tree'),
              weird: { type: 42, pattern: 7, maxLength: 'x' },
              patterned: { type: 'string', pattern: 7 },
              broken: { allOf: 'nope', properties: ['a'], items: [{ type: 'string' }], additionalProperties: 'yes' },
              dangling: { $ref: '#/nowhere/at/all' },
              external: { $ref: 'https://example.com/schemas/Thing.json' },
              self: ref(version, 'Self'),
            }),
          ),
        },
      },
      {
        A: { allOf: [ref(version, 'B')], type: 'object', properties: { a: { type: 'string' } } },
        B: { allOf: [ref(version, 'A')], properties: { b: { type: 'string', maxLength: 3 } } },
        Tree: { type: 'array', items: ref(version, 'Tree') },
        Self: ref(version, 'Self'),
      },
    );
    expect(await byRule(d)).toEqual({
      // `items` as a list (the old tuple form) is walked like prefixItems.
      [STRING]: [`${at(version, 'A')}.properties.a`, `${body(version)}.properties.broken.items.0`, `${body(version)}.properties.patterned`],
      [ARRAY]: [at(version, 'Tree')],
    });
  });

  it('a deeply nested schema does not overflow the stack', async () => {
    let schema: Doc = { type: 'string' };
    for (let i = 0; i < 400; i++) schema = object({ next: schema });
    const d = doc(version, { '/things': { post: post(version, schema) } });
    const strings = await found(STRING, d);
    expect(strings).toHaveLength(1);
    expect(strings[0].split('.properties.next')).toHaveLength(401);
  });

  it('a wide schema is judged in reasonable time', async () => {
    const properties = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`p${i}`, { type: 'string' }]));
    const paths = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`/t${i}`, { post: post(version, ref(version, 'Wide')), put: post(version, ref(version, 'Wide')) }]));
    const start = performance.now();
    expect(await found(STRING, doc(version, paths, { Wide: object(properties) }))).toHaveLength(2000);
    expect(performance.now() - start).toBeLessThan(20_000);
  });
});

describe('3.1 webhook payloads are messages the API sends', () => {
  it('judges a webhook request body like a response: not flagged as unbounded input', async () => {
    const d = {
      openapi: '3.1.0',
      info: { title: 'Webhooks', version: '1.0.0' },
      webhooks: {
        newPet: {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
            responses: { '200': { description: 'Received' } },
          },
        },
      },
      components: { schemas: { Pet: { type: 'object', properties: { name: { type: 'string' }, id: { type: 'integer' } } } } },
    };
    const results = await lint(d);
    expect(results.filter(r => r.code === 'resource-string-unbounded' || r.code === 'resource-number-unbounded').map(r => r.path.join('.'))).toEqual([]);
    const all = await lint(d, { extends: [[ruleset, 'all']] } as unknown as RulesetDefinition);
    expect(all.filter(r => r.code === 'resource-response-unbounded').map(r => r.path.join('.')).sort()).toEqual([
      'components.schemas.Pet.properties.id',
      'components.schemas.Pet.properties.name',
    ]);
  });
});

describe.each(VERSIONS)('integer path parameters (%s)', version => {
  it('does not ask an id in the path for a maximum: its size costs nothing (guessable ids are another rule)', async () => {
    const d = base(version, {
      paths: {
        '/users/{userId}': {
          get: { parameters: [pathParam(version, 'userId', { type: 'integer', format: 'int64' })], responses: { '200': response(version) } },
        },
        '/orders': {
          get: { parameters: [version === '2.0' ? { name: 'quantity', in: 'query', type: 'integer' } : { name: 'quantity', in: 'query', schema: { type: 'integer' } }], responses: { '200': response(version) } },
        },
      },
    });
    const results = await lint(d);
    expect(results.filter(r => r.code === 'resource-number-unbounded').map(r => r.path.join('.'))).toEqual([
      version === '2.0' ? 'paths./orders.get.parameters.0' : 'paths./orders.get.parameters.0.schema',
    ]);
    expect(results.filter(r => r.code === 'auth-object-id-guessable').map(r => r.path.join('.'))).toEqual(['paths./users/{userId}.get.parameters.0']);
  });
});
