// Common and Combined Log Format (Apache and nginx defaults), and any line that quotes the request
// line the same way (Envoy's default text format: `[time] "GET /path HTTP/1.1" 200 …`).
import { LineSplitter } from './lines.js';
import { parseRequestLine, statusCode, type LoggedRequest, type RequestSink, type TextConsumer } from './request.js';

/** The request of one log line; undefined when the line has no quoted request line. */
export function parseClfLine(line: string): LoggedRequest | undefined {
  const open = line.indexOf('"');
  if (open === -1) return undefined;
  // Apache escapes a quote inside the request as \" (nginx as \x22, which needs nothing here).
  let close = open + 1;
  for (;;) {
    close = line.indexOf('"', close);
    if (close === -1) return undefined;
    if (line.charCodeAt(close - 1) !== 92) break;
    close++;
  }
  const request = parseRequestLine(line.slice(open + 1, close));
  if (request === undefined) return undefined;
  const after = line.slice(close + 1, close + 16).trimStart();
  const status = statusCode(after.slice(0, 3));
  return status !== undefined && (after.length === 3 || after[3] === ' ') ? { ...request, status } : request;
}

export function clfReader(sink: RequestSink): TextConsumer {
  return new LineSplitter(
    line => {
      if (line.trim() === '') return;
      const request = parseClfLine(line);
      if (request === undefined) sink.malformed();
      else sink.request(request);
    },
    () => sink.malformed(),
  );
}
