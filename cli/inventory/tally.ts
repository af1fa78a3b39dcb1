// Counting requests against the description as they stream by, in memory bounded by the description
// and by a cap on distinct undocumented endpoints, never by the log's size.
import type { Description, Operation } from './description.js';
import { inferTemplate } from './infer.js';
import type { LoggedRequest, RequestSink } from './readers/request.js';
import { joinSegments, methodToken, pathSegments, targetPath } from './request-path.js';
import { Router } from './router.js';

/** Distinct undocumented endpoints kept; the requests of any further one are counted, not grouped. */
export const MAX_GROUPS = 10_000;
/** An example path is shown up to this length. */
const MAX_EXAMPLE = 200;
/** Responses that say the server has no such endpoint: no evidence that it exists. */
const NOT_SERVED = new Set([404, 405, 501]);

export interface Group {
  method: string;
  /** Relative to the base path, the way `paths` would list it. */
  path: string;
  basePath: string;
  /** The path is documented (the method is not). */
  documentedPath: boolean;
  requests: number;
  example: string;
}

export interface FileCount {
  file: string;
  format: string;
  gzip: boolean;
  requests: number;
  malformed: number;
}

export interface TallyOptions {
  /** Count requests answered 404/405/501 as evidence of an endpoint too. */
  includeNotServed?: boolean;
  /** A prefix every logged path carries that the description does not (an API Gateway stage). */
  stripPrefix?: string[];
}

const example = (path: string) => (path.length > MAX_EXAMPLE ? path.slice(0, MAX_EXAMPLE) + '…' : path);

class Groups {
  readonly map = new Map<string, Group>();
  overflow = 0;
  constructor(private readonly cap: number) {}
  add(method: string, path: string, basePath: string, documentedPath: boolean, seen: string): void {
    const key = `${method} ${basePath} ${path}`;
    const group = this.map.get(key);
    if (group !== undefined) group.requests++;
    else if (this.map.size < this.cap) this.map.set(key, { method, path, basePath, documentedPath, requests: 1, example: example(seen) });
    else this.overflow++;
  }
}

export class Tally {
  readonly router: Router;
  readonly counts: Float64Array;
  readonly examples: (string | undefined)[];
  readonly shadow = new Groups(MAX_GROUPS);
  readonly outside = new Groups(MAX_GROUPS / 10);
  readonly files: FileCount[] = [];
  requests = 0;
  matched = 0;
  shadowRequests = 0;
  outsideRequests = 0;
  /** OPTIONS on a documented path (CORS preflight, answered by the framework). */
  automatic = 0;
  /** Undocumented requests the server answered 404/405/501. */
  notServed = 0;
  malformed = 0;
  private current: FileCount | undefined;
  private readonly strip: string[][];

  constructor(
    readonly description: Description,
    private readonly options: TallyOptions = {},
  ) {
    this.router = new Router(description.operations);
    this.counts = new Float64Array(description.operations.length);
    this.examples = new Array(description.operations.length);
    this.strip = (options.stripPrefix ?? []).map(prefix => pathSegments(prefix.startsWith('/') ? prefix : '/' + prefix)).filter(s => s.length > 0);
  }

  /** The sink for one log file's requests. */
  file(file: string): RequestSink & { done(format: string, gzip: boolean): void } {
    const count: FileCount = { file, format: '', gzip: false, requests: 0, malformed: 0 };
    this.current = count;
    return {
      request: request => this.request(request),
      malformed: () => this.bad(),
      done: (format, gzip) => {
        count.format = format;
        count.gzip = gzip;
        this.files.push(count);
      },
    };
  }

  private bad(): void {
    this.malformed++;
    if (this.current) this.current.malformed++;
  }

  request(request: LoggedRequest): void {
    const method = methodToken(request.method);
    const path = typeof request.target === 'string' ? targetPath(request.target) : undefined;
    if (method === undefined || path === undefined) return this.bad();
    this.requests++;
    if (this.current) this.current.requests++;
    let segments = pathSegments(path);
    for (const prefix of this.strip) {
      if (prefix.length <= segments.length && prefix.every((segment, i) => segments[i] === segment)) {
        segments = segments.slice(prefix.length);
        break;
      }
    }
    const match = this.router.match(method, segments);
    if (match.kind === 'operation') {
      this.matched++;
      const index = match.operation.index;
      this.counts[index]++;
      this.examples[index] ??= example(path);
      return;
    }
    if (match.kind === 'method' && match.automatic) {
      this.automatic++;
      return;
    }
    if (!this.options.includeNotServed && request.status !== undefined && NOT_SERVED.has(request.status)) {
      this.notServed++;
      return;
    }
    if (match.kind === 'outside') {
      this.outsideRequests++;
      this.outside.add(method, joinSegments(inferTemplate(segments)), '', false, path);
      return;
    }
    this.shadowRequests++;
    const basePath = match.base.length === 0 ? '' : joinSegments(match.base);
    if (match.kind === 'method') this.shadow.add(method, match.path, basePath, true, path);
    else this.shadow.add(method, joinSegments(inferTemplate(segments.slice(match.base.length))), basePath, false, path);
  }

  operationsSeen(): Operation[] {
    return this.description.operations.filter(operation => this.counts[operation.index] > 0);
  }
}
