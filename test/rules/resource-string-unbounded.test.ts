import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, componentRef, found, lint, param, response, testRule, VERSIONS, type Doc } from '../helpers.js';
import { at, bodyPath, EXEMPTIONS, get, object, ref, returns } from '../fixtures/documents.js';
import { body, BOUNDED, paramType, paramTypePath, post, STRING, valuesDoc } from '../fixtures/values.js';

const STRING_ADVICE = 'String has no `maxLength`: set one (or an `enum`, a bounded `format` or an anchored `pattern` without `*`/`+`) so oversized input is rejected at the edge.';

testRule(STRING, VERSIONS.flatMap(version => [
  {
    name: `${version}: a request string without maxLength, in the body and in the query, where each is written`,
    document: valuesDoc(version, { '/things': { post: post(version, object({ name: { type: 'string' }, code: BOUNDED })) }, '/search': { get: get(version, [param(version, 'q', 'query')]) } }),
    errors: [
      { path: [...bodyPath(version, '/things', 'post'), 'properties', 'name'], severity: DiagnosticSeverity.Warning, message: STRING_ADVICE },
      { path: paramTypePath(version, 'paths', '/search', 'get', 'parameters', '0'), severity: DiagnosticSeverity.Warning, message: STRING_ADVICE },
    ],
  },
  {
    name: `${version}: not strings bounded by enum, a date format or an anchored pattern, nor a response string`,
    document: valuesDoc(version, {
      '/things': {
        post: post(version, object({ sort: { type: 'string', enum: ['asc', 'desc'] }, day: { type: 'string', format: 'date' }, code: { type: 'string', pattern: '^[A-Z]{3}$' } })),
        get: returns(version, object({ name: { type: 'string' } })),
      },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${STRING} (%s)`, version => {
  it('flags a request body property without maxLength, where it is written, as a warning', async () => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ name: { type: 'string' }, ok: BOUNDED })) } });
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
    const d = valuesDoc(version, { '/things': { post: post(version, object({ value: { type: 'string', ...keywords } })) } });
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
    const d = valuesDoc(version, { '/things': { post: post(version, object({ value: { type: 'string', ...keywords } })) } });
    expect(await found(STRING, d)).toEqual([`${body(version)}.properties.value`]);
  });

  it('boundedStringFormats.add and .remove change which formats bound a string', async () => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ mail: { type: 'string', format: 'email' }, at: { type: 'string', format: 'date' } })) } });
    const options = { boundedStringFormats: { add: ['email'], remove: ['date'] } };
    expect(await found(STRING, d, options)).toEqual([`${body(version)}.properties.at`]);
  });

  it('reports a schema reached through $ref where it is written', async () => {
    const d = valuesDoc(version, { '/things': { post: post(version, ref(version, 'Thing')) } }, { Thing: object({ name: { $ref: componentRef(version, 'schemas', 'Name') }, note: { type: 'string' } }), Name: { type: 'string' } });
    expect(await found(STRING, d)).toEqual([at(version, 'Name'), `${at(version, 'Thing')}.properties.note`].sort());
  });

  it('reports a schema shared by ten operations once', async () => {
    const paths = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`/things${i}`, { post: post(version, ref(version, 'Thing')), put: post(version, ref(version, 'Thing')) }]));
    const d = valuesDoc(version, paths, { Thing: object({ name: { type: 'string' } }) });
    expect(await found(STRING, d)).toEqual([`${at(version, 'Thing')}.properties.name`]);
  });

  it('merges allOf: a maxLength on the wrapper bounds the referenced string', async () => {
    const d = valuesDoc(version, { '/things': { post: post(version, object({ name: { allOf: [ref(version, 'Name')], maxLength: 40 } })) } }, { Name: { type: 'string' } });
    expect(await found(STRING, d)).toEqual([]);
  });

  it('merges allOf: a wrapper without bound is reported where the type is written; a direct use of the member too', async () => {
    const alone = valuesDoc(version, { '/things': { post: post(version, object({ name: { allOf: [ref(version, 'Name')], description: 'Display name.' } })) } }, { Name: { type: 'string' } });
    expect(await found(STRING, alone)).toEqual([at(version, 'Name')]);

    const bothWays = valuesDoc(version, { '/things': { post: post(version, object({ bounded: { allOf: [ref(version, 'Name')], maxLength: 40 }, raw: ref(version, 'Name') })) } }, { Name: { type: 'string' } });
    expect(await found(STRING, bothWays)).toEqual([at(version, 'Name')]);
  });

  it('judges properties declared in allOf members, each where it is declared', async () => {
    const d = valuesDoc(
      version,
      { '/things': { post: post(version, { allOf: [ref(version, 'Base'), object({ nick: { type: 'string' }, bio: BOUNDED })] }) } },
      { Base: object({ id: { type: 'string', format: 'uuid' }, label: { type: 'string' } }) },
    );
    expect(await found(STRING, d)).toEqual([`${at(version, 'Base')}.properties.label`, `${body(version)}.allOf.1.properties.nick`].sort());
  });

  it('follows nested objects, arrays and maps', async () => {
    const d = valuesDoc(version, {
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
      const d = valuesDoc(version, {
        '/things': { post: post(version, object({ id: { oneOf: [{ type: 'string' }, { type: 'integer', maximum: 10 }] }, key: { anyOf: [BOUNDED, { type: 'string', format: 'email' }] } })) },
      });
      expect(await found(STRING, d)).toEqual([`${body(version)}.properties.id.oneOf.0`, `${body(version)}.properties.key.anyOf.1`]);
    });
  }

  if (version === '3.1') {
    it('judges 3.1 type arrays', async () => {
      const d = valuesDoc(version, { '/things': { post: post(version, object({ a: { type: ['string', 'null'] }, b: { type: ['string', 'null'], maxLength: 5 } })) } });
      expect(await found(STRING, d)).toEqual([`${body(version)}.properties.a`]);
    });
  }

  it('does not flag readOnly properties in request bodies (inline, beside an allOf, or in the referenced schema)', async () => {
    const d = valuesDoc(
      version,
      { '/things': { post: post(version, object({ id: { type: 'string', readOnly: true }, etag: { allOf: [ref(version, 'Text')], readOnly: true }, created: ref(version, 'ServerText'), secret: { type: 'string', writeOnly: true } })) } },
      { Text: { type: 'string' }, ServerText: { type: 'string', readOnly: true } },
    );
    expect(await found(STRING, d)).toEqual([`${body(version)}.properties.secret`]);
  });

  it('does not flag strings only responses carry, nor a date string without maxLength', async () => {
    const d = valuesDoc(version, {
      '/things': {
        get: returns(version, object({ name: { type: 'string' } })),
        post: post(version, object({ day: { type: 'string', format: 'date' } })),
      },
    });
    expect(await found(STRING, d)).toEqual([]);
  });

  it('judges query, header and path parameters, with the type where the version writes it', async () => {
    const d = valuesDoc(version, {
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
      const d = valuesDoc(version, { '/things': { post: { consumes: ['application/x-www-form-urlencoded'], parameters: [{ name: 'name', in: 'formData', type: 'string' }, { name: 'kind', in: 'formData', type: 'string', maxLength: 8 }], responses: { '200': response(version) } } } });
      expect(await found(STRING, d)).toEqual(['paths./things.post.parameters.0']);
    });
  } else {
    it('judges cookie parameters and parameters described through content', async () => {
      const d = valuesDoc(version, {
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
    const d = valuesDoc(
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
    const d = valuesDoc(version, { '/things': { post: post(version, object({ a: { type: 'string' } })) } }, undefined, { [EXEMPTIONS]: { [STRING]: 'Bodies are capped at the gateway.' } });
    expect(await found(STRING, d)).toEqual([]);
  });

  it('honours an exemption on the schema itself (component, inline property, or allOf wrapper) but not on an enclosing object', async () => {
    const reason = { [STRING]: 'Opaque token from the payment provider; its length is theirs to decide.' };
    const d = valuesDoc(
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
