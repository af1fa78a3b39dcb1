import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { found, lint, messagesOf, response, testRule, VERSIONS, type Doc, type Version } from '../helpers.js';
import { api, at, EXEMPTIONS, object, ref, responseAt, responsePath } from '../fixtures/documents.js';

const RULE = 'data-error-details-leaked';
const REASON = 'Accepted in this test.';
const str = { type: 'string' };

const JAVA = 'java.lang.NullPointerException\n\tat com.example.orders.OrderService.place(OrderService.java:42)\n\tat com.example.Api.lambda$post$0(Api.java:12)';
const PYTHON = 'Traceback (most recent call last):\n  File "/app/server.py", line 12, in handler\nKeyError: \'id\'';
const NODE = "TypeError: Cannot read properties of undefined (reading 'id')\n    at Object.<anonymous> (/app/x.js:1:2)";
const NODE_BARE = 'Error: boom\n    at /srv/app/index.mjs:10:5';
const DOTNET = 'System.InvalidOperationException: boom\n   at Shop.Orders.Place(Int32 id) in C:\\src\\Orders.cs:line 42';
const PHP = "PDOException: boom\nStack trace:\n#0 /var/www/app/Db.php(12): PDO->query('SELECT')";
const RUBY = "app/models/order.rb:12:in `place'";
const GO = 'panic: runtime error\n\ngoroutine 1 [running]:\nmain.main()';
const SQL = 'SQLSTATE[42S02]: Base table or view not found: 1146 Table \'shop.orderz\' doesn\'t exist';
const ORACLE = 'ORA-00942: table or view does not exist';

/** GET /orders with a 200 and the given error responses (status -> schema). */
function ordersApi(version: Version, errors: Record<string, Doc>, schemas: Doc = {}, operationExtra: Doc = {}): Doc {
  const responses: Doc = { '200': response(version, 'OK', object({ id: str })) };
  for (const [status, schema] of Object.entries(errors)) responses[status] = response(version, 'Error', schema);
  return api(version, { '/orders': { get: { responses, ...operationExtra } } }, { schemas });
}

/** A response carrying an example, in each version's shape. */
function withExample(version: Version, schema: Doc, example: unknown): Doc {
  return version === '2.0' ? { description: 'Error', schema, examples: { 'application/json': example } } : { description: 'Error', content: { 'application/json': { schema, example } } };
}

/** Where a response example is written (see `withExample`). */
function examplePath(version: Version, pathKey: string, method: string, status: string): string[] {
  return ['paths', pathKey, method, 'responses', status, ...(version === '2.0' ? ['examples', 'application/json'] : ['content', 'application/json', 'example'])];
}

const exampleAt = (version: Version, pathKey: string, method: string, status: string): string => examplePath(version, pathKey, method, status).join('.');

testRule(RULE, VERSIONS.flatMap(version => [
  {
    name: `${version}: a stack property in a 500 error schema, and a stack trace in an error example, where each is written`,
    document: api(version, {
      '/orders': { get: { responses: { '200': response(version), '500': response(version, 'Error', object({ message: str, stack: str })) } } },
      '/x': { get: { responses: { '200': response(version), '500': withExample(version, object({ message: str }), { message: PYTHON }) } } },
    }),
    errors: [
      {
        path: [...responsePath(version, '/orders', 'get', '500'), 'properties', 'stack'],
        severity: DiagnosticSeverity.Warning,
        message: 'Property "stack" returns internal error details in error responses: log stack traces, exceptions and queries on the server and return an error code and a correlation id instead.',
      },
      { path: examplePath(version, '/x', 'get', '500'), severity: DiagnosticSeverity.Warning, message: expect.stringContaining('a Python traceback') },
    ],
  },
  {
    name: `${version}: not a traceId, a stack in a success response, nor an ordinary error message`,
    document: api(version, {
      '/orders': { get: { responses: { '200': response(version, 'OK', object({ stack: str })), '500': withExample(version, object({ traceId: str, message: str }), { message: 'Look at the docs for details' }) } } },
    }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${RULE} (%s)`, version => {
  it('flags a stack property in a 500 error schema once, at the declaration, as a warning', async () => {
    const doc = api(
      version,
      {
        '/a': { get: { responses: { '200': response(version), '500': response(version, 'Error', ref(version, 'Error')) } } },
        '/b': { post: { responses: { '201': response(version), default: response(version, 'Error', ref(version, 'Error')) } } },
      },
      { schemas: { Error: object({ code: str, message: str, stack: str }) } },
    );
    const results = (await lint(doc)).filter(r => r.code === RULE);
    expect(results.map(r => r.path.join('.'))).toEqual([`${at(version, 'Error')}.properties.stack`]);
    expect(results[0].severity).toBe(DiagnosticSeverity.Warning);
    expect(results[0].message).toContain('"stack"');
  });

  it.each(['stack', 'stackTrace', 'stack_trace', 'trace', 'traceback', 'backtrace', 'exception', 'innerException', 'debug', 'debugInfo', 'sql', 'query'])('flags "%s" in a 4XX, 5XX or default response', async name => {
    const doc = ordersApi(version, { '400': object({ message: str, [name]: str }) });
    expect(await found(RULE, doc)).toEqual([`${responseAt(version, '/orders', 'get', '400')}.properties.${name}`]);
  });

  it.each(['traceId', 'trace_id', 'requestId', 'stackName', 'exceptionCount', 'queryParameter', 'debugUrl', 'message', 'detail'])('does not flag "%s" (whole names only)', async name => {
    const doc = ordersApi(version, { '500': object({ [name]: str }) });
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('does not flag a boolean debug flag, or internals in success responses', async () => {
    const doc = api(version, {
      '/a': { get: { responses: { '200': response(version, 'OK', object({ query: str, stack: str })), '500': response(version, 'Error', object({ debug: { type: 'boolean' } })) } } },
    });
    expect(await found(RULE, doc)).toEqual([]);
  });

  it('flags through allOf, oneOf, nested objects and arrays', async () => {
    const schema = { allOf: [ref(version, 'Problem'), { oneOf: [object({ exception: object({ type: str }) }), object({ errors: { type: 'array', items: object({ field: str, sql: str }) } })] }] };
    const doc = ordersApi(version, { '503': schema }, { Problem: object({ title: str, detail: object({ stackTrace: str }) }) });
    const where = responseAt(version, '/orders', 'get', '503');
    expect(await found(RULE, doc)).toEqual([
      `${at(version, 'Problem')}.properties.detail.properties.stackTrace`,
      `${where}.allOf.1.oneOf.0.properties.exception`,
      `${where}.allOf.1.oneOf.1.properties.errors.items.properties.sql`,
    ]);
  });

  describe('examples', () => {
    it.each([
      ['a Java stack trace', JAVA],
      ['a Python traceback', PYTHON],
      ['a JavaScript stack trace', NODE],
      ['a JavaScript stack trace', NODE_BARE],
      ['a .NET stack trace', DOTNET],
      ['a PHP stack trace', PHP],
      ['a Ruby backtrace', RUBY],
      ['a Go stack trace', GO],
      ['a SQL error', SQL],
      ['a SQL error', ORACLE],
    ])('flags an error response example showing %s, where the example is written', async (label, trace) => {
      const doc = api(version, { '/x': { get: { responses: { '200': response(version), '500': withExample(version, object({ message: str, details: str }), { message: 'Internal error', details: trace }) } } } });
      expect(await found(RULE, doc)).toEqual([exampleAt(version, '/x', 'get', '500')]);
      const [message] = await messagesOf(RULE, doc);
      expect(message).toContain(label);
      expect(message).not.toContain('OrderService');
    });

    it('flags an example object with a field named like internals', async () => {
      const doc = api(version, { '/x': { get: { responses: { '200': response(version), '400': withExample(version, object({ message: str }), { message: 'Bad', stackTrace: ['frame'] }) } } } });
      expect(await found(RULE, doc)).toEqual([exampleAt(version, '/x', 'get', '400')]);
    });

    it('flags a schema example and a property example in error schemas', async () => {
      const doc = ordersApi(version, { '500': ref(version, 'Error') }, { Error: object({ message: str, details: { type: 'string', example: PYTHON } }, { example: { message: 'x', details: JAVA } }) });
      expect(await found(RULE, doc)).toEqual([`${at(version, 'Error')}.example`, `${at(version, 'Error')}.properties.details.example`]);
    });

    it('does not flag ordinary error messages, nor stack traces in success examples', async () => {
      const ordinary = ['Look at the docs (https://example.com/errors#E42) for details', 'at least one field is required', 'File "report.csv", please retry', 'Query failed: the filter is invalid', 'line 12 of your CSV upload is invalid'];
      const doc = api(version, {
        '/x': { get: { responses: { '200': withExample(version, object({ log: str }), { log: JAVA }), '422': withExample(version, object({ messages: { type: 'array', items: str } }), { messages: ordinary }) } } },
      });
      expect(await found(RULE, doc)).toEqual([]);
    });

    it('flags examples in named examples and shared response components (3.x), once', async () => {
      if (version === '2.0') return;
      const doc = api(
        version,
        { '/a': { get: { responses: { '200': response(version), '500': ref(version, 'ServerError', 'responses') } } }, '/b': { get: { responses: { '200': response(version), '500': ref(version, 'ServerError', 'responses') } } } },
        {
          responses: { ServerError: { description: 'Error', content: { 'application/json': { schema: object({ message: str }), examples: { trace: { $ref: '#/components/examples/Trace' }, inline: { value: { message: NODE } } } } } } },
          examples: { Trace: { value: { message: GO } } },
        },
      );
      expect(await found(RULE, doc)).toEqual(['components.examples.Trace.value', 'components.responses.ServerError.content.application/json.examples.inline.value']);
    });

    it('finishes quickly on hostile example strings', async () => {
      const hostile = `${'at a.b.c.d.e.f'.repeat(5000)}${' at x ('.repeat(5000)}${'#1 '.repeat(5000)}${'File "'.repeat(5000)}`;
      const start = Date.now();
      const doc = api(version, { '/x': { get: { responses: { '200': response(version), '500': withExample(version, object({ m: str }), { m: hostile }) } } } });
      expect(await found(RULE, doc)).toEqual([]);
      expect(Date.now() - start).toBeLessThan(5000);
    });
  });

  describe('exemptions', () => {
    const exempt = { [EXEMPTIONS]: { [RULE]: REASON } };

    it('is silenced by an exemption on the only operation, on the schema, on the property, or at the root', async () => {
      expect(await found(RULE, ordersApi(version, { '500': object({ stack: str }) }, {}, exempt))).toEqual([]);
      expect(await found(RULE, ordersApi(version, { '500': object({ stack: str }, exempt) }))).toEqual([]);
      expect(await found(RULE, ordersApi(version, { '500': object({ stack: { ...str, ...exempt } }) }))).toEqual([]);
      expect(await found(RULE, { ...ordersApi(version, { '500': object({ stack: str }) }), ...exempt })).toEqual([]);
    });

    it('silences response examples of an exempt operation', async () => {
      const doc = api(version, { '/x': { get: { ...exempt, responses: { '200': response(version), '500': withExample(version, object({ m: str }), { m: JAVA }) } } } });
      expect(await found(RULE, doc)).toEqual([]);
    });
  });

  it('errorDetailNames: add and remove names', async () => {
    const doc = ordersApi(version, { '500': object({ internal_code: str, query: str }) });
    const where = `${responseAt(version, '/orders', 'get', '500')}.properties`;
    expect(await found(RULE, doc)).toEqual([`${where}.query`]);
    expect(await found(RULE, doc, { errorDetailNames: { add: ['internal_code'], remove: ['query'] } })).toEqual([`${where}.internal_code`]);
  });
});
