// Log readers: CLF/combined/Envoy text lines, JSON lines of each proxy's shape, HAR streamed in
// chunks of any size, long lines, and format detection. Malformed input is counted, never thrown.
import { describe, expect, it } from 'vitest';
import { parseClfLine } from '../../../cli/inventory/readers/clf.js';
import { HarScanner } from '../../../cli/inventory/readers/har.js';
import { DEFAULT_JSON_FIELDS, jsonLinesReader, requestFromJson } from '../../../cli/inventory/readers/json-lines.js';
import { LineSplitter } from '../../../cli/inventory/readers/lines.js';
import { detectFormat } from '../../../cli/inventory/readers/open.js';
import type { LoggedRequest, RequestSink } from '../../../cli/inventory/readers/request.js';

function collect(): RequestSink & { requests: LoggedRequest[]; bad: number } {
  const sink = { requests: [] as LoggedRequest[], bad: 0, request: (r: LoggedRequest) => void sink.requests.push(r), malformed: () => void sink.bad++ };
  return sink;
}

describe('Common and Combined Log Format', () => {
  it('reads the request line and status of CLF, combined and Envoy default lines', () => {
    expect(parseClfLine('127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326')).toEqual({ method: 'GET', target: '/apache_pb.gif', status: 200 });
    expect(parseClfLine('10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "POST /v1/users?x=1 HTTP/2.0" 201 12 "https://ref.example/" "Mozilla/5.0 (X11)"')).toEqual({ method: 'POST', target: '/v1/users?x=1', status: 201 });
    expect(parseClfLine('[2016-04-15T20:17:00.310Z] "DELETE /api/v1/locations/3 HTTP/2" 204 - 0 0 0 "10.0.35.28" "nsq2http" "cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2" "locations" "tcp://10.0.2.1:80"')).toEqual({ method: 'DELETE', target: '/api/v1/locations/3', status: 204 });
    expect(parseClfLine('1.2.3.4 - - [d] "GET http://proxy.example/a/b HTTP/1.1" 200 1')).toEqual({ method: 'GET', target: 'http://proxy.example/a/b', status: 200 });
  });

  it('keeps an escaped quote inside the request and tolerates a missing protocol', () => {
    expect(parseClfLine('h - - [d] "GET /a\\"b HTTP/1.1" 200 1')?.target).toBe('/a\\"b');
    expect(parseClfLine('h - - [d] "GET /old" 200 1')).toEqual({ method: 'GET', target: '/old', status: 200 });
  });

  it('has no request for lines without a quoted request line', () => {
    expect(parseClfLine('garbage')).toBeUndefined();
    expect(parseClfLine('h - - [d] "-" 400 0')).toBeUndefined();
    expect(parseClfLine('h - - [d] "GET /unterminated')).toBeUndefined();
    expect(parseClfLine('"' + ' '.repeat(100_000))).toBeUndefined();
  });
});

describe('JSON lines', () => {
  const shapes: Array<[string, unknown, LoggedRequest]> = [
    ['nginx escape=json', { time_local: 't', request_method: 'GET', request_uri: '/a?b=1', status: '200' }, { method: 'GET', target: '/a?b=1', status: 200 }],
    ['nginx request line', { request: 'PUT /a/1 HTTP/1.1', status: '204' }, { method: 'PUT', target: '/a/1', status: 204 }],
    ['Envoy / Istio', { start_time: 't', method: 'POST', path: '/orders', protocol: 'HTTP/1.1', response_code: 201, authority: 'x' }, { method: 'POST', target: '/orders', status: 201 }],
    ['Kong file-log', { request: { method: 'GET', uri: '/get?x=1', url: 'http://localhost:8000/get?x=1' }, response: { status: 200 }, upstream_uri: '/anything' }, { method: 'GET', target: '/get?x=1', status: 200 }],
    ['AWS API Gateway REST', { requestId: 'r', httpMethod: 'GET', resourcePath: '/pets/{petId}', path: '/pets/7', status: '200' }, { method: 'GET', target: '/pets/7', status: 200 }],
    ['AWS API Gateway standard fields', { requestId: 'r', httpMethod: 'DELETE', resourcePath: '/pets/{petId}', status: '204' }, { method: 'DELETE', target: '/pets/{petId}', status: 204 }],
    ['AWS HTTP API routeKey', { requestId: 'r', routeKey: 'GET /pets', status: '200' }, { method: 'GET', target: '/pets', status: 200 }],
    ['Elastic Common Schema', { 'http.request.method': 'get', url: { original: '/x?y' }, http: { response: { status_code: 200 } } }, { method: 'get', target: '/x?y', status: 200 }],
  ];
  it.each(shapes)('%s', (_, object, expected) => {
    expect(requestFromJson(object)).toEqual(expected);
  });

  it('skips logged "no value" dashes and takes the next field', () => {
    expect(requestFromJson({ request_method: 'GET', path: '-', request_uri: '/a' })).toEqual({ method: 'GET', target: '/a' });
  });

  it('reads the fields the user names instead', () => {
    const fields = { ...DEFAULT_JSON_FIELDS, method: ['verb'], path: ['route.raw'] };
    expect(requestFromJson({ verb: 'PATCH', route: { raw: '/z' }, method: 'GET', path: '/ignored' }, fields)).toEqual({ method: 'PATCH', target: '/z' });
    expect(requestFromJson({ method: 'GET', path: '/x' }, fields)).toBeUndefined();
  });

  it('counts lines that are not JSON or hold no request as malformed', () => {
    const sink = collect();
    const reader = jsonLinesReader(sink);
    reader.write('{"method":"GET","path":"/a"}\n{"method":\n[1,2]\n"text"\n\n{"path":"/no-method"}\n{"method":"GET","pa');
    reader.write('th":"/b"}\r\n');
    reader.end();
    expect(sink.requests.map(r => r.target)).toEqual(['/a', '/b']);
    expect(sink.bad).toBe(4);
  });
});

describe('HAR', () => {
  const har = JSON.stringify(
    {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1', entries: [{ request: { method: 'NOT', url: '/creator' } }] },
        entries: [
          { startedDateTime: 't', request: { method: 'GET', url: 'https://api.example.com/v1/users/1?x=1', headers: [{ name: 'method', value: 'POST' }] }, response: { status: 200, content: { text: 'x"\\u00e9'.repeat(1000) } } },
          { request: { method: 'post', url: 'https://api.example.com/v1/users', postData: { text: '{"url":"/nope"}' } }, response: { status: 201 } },
          { request: { url: 'https://api.example.com/no-method' }, response: { status: 200 } },
          { request: { method: 'GET', url: 'https://api.example.com/caf\u00e9' } },
        ],
      },
    },
    null,
    2,
  );

  it('streams log.entries[].request whatever the chunk size', () => {
    for (const size of [1, 3, 7, 64, har.length]) {
      const sink = collect();
      const scanner = new HarScanner(sink);
      for (let i = 0; i < har.length; i += size) scanner.write(har.slice(i, i + size));
      scanner.end();
      expect(sink.requests, `chunks of ${size}`).toEqual([
        { method: 'GET', target: 'https://api.example.com/v1/users/1?x=1', status: 200 },
        { method: 'post', target: 'https://api.example.com/v1/users', status: 201 },
        { method: 'GET', target: 'https://api.example.com/café' },
      ]);
      expect(sink.bad).toBe(1);
    }
  });

  it('keeps the entries before a syntax error and counts the error once', () => {
    const sink = collect();
    const scanner = new HarScanner(sink);
    scanner.write('{"log":{"entries":[{"request":{"method":"GET","url":"/a"}},{"request":{"method":"GET",,"url":"/b"}}]}}');
    scanner.end();
    expect(sink.requests.map(r => r.target)).toEqual(['/a']);
    expect(sink.bad).toBe(1);
  });

  it('counts a truncated file, text after the document and deep nesting as malformed, without throwing', () => {
    for (const text of ['{"log":{"entries":[{"request":{"method":"GET","url":"/a"}}', '{"log":{}} x', '['.repeat(100_000), '{"log":{"entries":[tru]}}', '']) {
      const sink = collect();
      const scanner = new HarScanner(sink);
      expect(() => {
        scanner.write(text);
        scanner.end();
      }).not.toThrow();
      expect(sink.bad, text.slice(0, 30)).toBe(1);
    }
  });
});

describe('lines', () => {
  it('drops a line longer than the limit as malformed and goes on with the next', () => {
    const lines: string[] = [];
    let overlong = 0;
    const splitter = new LineSplitter(line => void lines.push(line), () => void overlong++, 10);
    splitter.write('short\n0123456789abc');
    splitter.write('defgh\nnext\r\n0123456789ABCDEF');
    splitter.write('\nlast');
    splitter.end();
    expect(lines).toEqual(['short', 'next', 'last']);
    expect(overlong).toBe(2);
  });
});

describe('format detection', () => {
  it('tells CLF, JSON lines and HAR (pretty-printed or on one line) apart', () => {
    expect(detectFormat('127.0.0.1 - - [d] "GET / HTTP/1.1" 200 1\n')).toBe('clf');
    expect(detectFormat('{"method":"GET","path":"/"}\n{"method"')).toBe('json');
    expect(detectFormat('\uFEFF{\n  "log": {\n    "version": "1.2",\n')).toBe('har');
    expect(detectFormat('{"log":{"version":"1.2","entries":[]}}')).toBe('har');
    expect(detectFormat('{"log":{"version":"1.2","entries":[{"request":')).toBe('har');
    expect(detectFormat('{"log":"a message from an app logger","method":"GET","path":"/"}\n')).toBe('json');
  });
});
