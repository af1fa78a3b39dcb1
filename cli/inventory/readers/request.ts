// What every log reader hands on: one request's method and target (and response status when logged).

export interface LoggedRequest {
  method: string;
  /** As logged: a path with its query, or an absolute URL. */
  target: string;
  status?: number;
}

/** A reader's sink: requests, and lines or entries that hold none. */
export interface RequestSink {
  request(request: LoggedRequest): void;
  malformed(): void;
}

/** Something fed text in chunks, in order, then ended. */
export interface TextConsumer {
  write(chunk: string): void;
  end(): void;
}

/** `GET /path HTTP/1.1` (or `GET /path`, as API Gateway's routeKey): method and target; undefined otherwise. */
export function parseRequestLine(line: string): { method: string; target: string } | undefined {
  const first = line.indexOf(' ');
  if (first <= 0) return undefined;
  const method = line.slice(0, first);
  let rest = line.slice(first + 1).trim();
  const last = rest.lastIndexOf(' ');
  // The protocol, when present, ends the line; a target with raw spaces keeps them.
  if (last !== -1 && rest.slice(last + 1).toUpperCase().startsWith('HTTP/')) rest = rest.slice(0, last).trimEnd();
  if (rest === '') return undefined;
  return { method, target: rest };
}

export function statusCode(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  return Number.isInteger(number) && number >= 100 && number <= 999 ? number : undefined;
}
