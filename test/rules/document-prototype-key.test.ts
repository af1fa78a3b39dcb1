import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, testRule, VERSIONS, type Version } from '../helpers.js';

const RULE = 'document-prototype-key';

/**
 * Documents are written as YAML text: a JavaScript object literal cannot hold a `__proto__` key
 * (it sets the prototype), which is the very behaviour this rule reports.
 */
function head(version: Version): string {
  return version === '2.0' ? 'swagger: "2.0"' : `openapi: ${version === '3.0' ? '3.0.3' : '3.1.0'}`;
}

/** An operation accepting and returning `schema` (YAML flow text), in each version's shape. */
function operation(version: Version, schema: string, extra = ''): string {
  const body = version === '2.0' ? `parameters: [{name: body, in: body, schema: ${schema}}]` : `requestBody: {content: {application/json: {schema: ${schema}}}}`;
  const ok = version === '2.0' ? `{description: OK, schema: ${schema}}` : `{description: OK, content: {application/json: {schema: ${schema}}}}`;
  return `{${body}, responses: {"200": ${ok}}${extra}}`;
}

const schemasAt = (version: Version) => (version === '2.0' ? 'definitions' : 'components.schemas');
const ref = (version: Version, name: string) => `{$ref: "#/${version === '2.0' ? 'definitions' : 'components/schemas'}/${name}"}`;

function doc(version: Version, paths: string, schemas = '', extra = ''): string {
  const components = schemas ? (version === '2.0' ? `definitions:\n${schemas}` : `components:\n  schemas:\n${schemas.replace(/^/gm, '  ')}`) : '';
  return `${head(version)}\ninfo: {title: Proto, version: "1"}\n${extra}${components}\npaths:\n${paths}\n`;
}

testRule(RULE, VERSIONS.flatMap(version => [
  {
    name: `${version}: a __proto__ key with an object value, at the key`,
    document: doc(version, '  /users:\n    get: {responses: {"200": {description: OK}}}', '', 'x-config:\n  nested:\n    __proto__: {admin: true}\n    other: 1\n'),
    errors: [
      {
        path: ['x-config', 'nested', '__proto__'],
        severity: DiagnosticSeverity.Warning,
        message: 'Key `__proto__` turns this object into something else for JavaScript tools: Spectral, and so this ruleset, cannot see it or any key written beside it, so none of them was checked. Rename the key (or the property it names), then lint again.',
      },
    ],
  },
  {
    name: `${version}: not __proto__ as a value, nor look-alike keys`,
    document: doc(version, '  /users:\n    get: {responses: {"200": {description: OK}}}', '', 'x-config: {proto: {a: 1}, prototype: {b: 2}, constructor: {c: 3}, flags: [__proto__]}\n'),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${RULE} (%s)`, version => {
  it('flags a __proto__ key written among the properties of a request schema, at the key', async () => {
    const text = doc(version, `  /users:\n    post: ${operation(version, '{type: object, properties: {__proto__: {type: object}, isAdmin: {type: boolean}}}')}`);
    const base = version === '2.0' ? 'paths./users.post.parameters.0.schema' : 'paths./users.post.requestBody.content.application/json.schema';
    const flagged = await found(RULE, text);
    // Written once in the request and once in the response: each is its own text.
    expect(flagged).toContain(`${base}.properties.__proto__`);
    expect(flagged).toHaveLength(2);
  });

  it('flags it once on a shared component reached through $refs by several operations, and inside allOf', async () => {
    const schemas = `  User:\n    allOf:\n      - {type: object, properties: {name: {type: string}}}\n      - {type: object, properties: {__proto__: {type: object}, role: {type: string}}}\n`;
    const text = doc(version, `  /users:\n    post: ${operation(version, ref(version, 'User'))}\n  /admins:\n    put: ${operation(version, ref(version, 'User'))}`, schemas);
    expect(await found(RULE, text)).toEqual([`${schemasAt(version)}.User.allOf.1.properties.__proto__`]);
  });

  it('flags it in examples and extensions, anywhere in the document', async () => {
    const text = doc(version, `  /users:\n    get: {responses: {"200": {description: OK}}, x-sample: {__proto__: {polluted: true}, ok: 1}}`, '', 'x-config:\n  nested:\n    __proto__: {admin: true}\n');
    expect(await found(RULE, text)).toEqual(['paths./users.get.x-sample.__proto__', 'x-config.nested.__proto__']);
  });

  // A `__proto__` key with a scalar value is not tested through Spectral: its own YAML parser and
  // resolver fail on it ("'ownKeys' on proxy: trap returned extra keys"), with or without our rules.
  it('leaves __proto__ as a value and look-alike names alone', async () => {
    const schema = '{type: object, properties: {proto: {type: string, enum: [__proto__, constructor]}, prototype: {type: string, example: __proto__}, constructor: {type: string}, __proto__x: {type: string}}}';
    const text = doc(version, `  /users:\n    post: ${operation(version, schema)}`, '', 'x-flags: [__proto__, other]\n');
    expect(await found(RULE, text)).toEqual([]);
  });

  it('honours an exemption on the operation', async () => {
    const exempt = ', x-api-security-exemptions: {document-prototype-key: Gateway test fixture for the prototype-pollution filter.}';
    const text = doc(version, `  /users:\n    post: ${operation(version, '{type: object, properties: {__proto__: {type: object}}}', exempt)}`);
    expect(await found(RULE, text)).toEqual([]);
  });
});
