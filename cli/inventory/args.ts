// `spectral-api-security inventory …`: its options, parsed by hand like the lint command's. Every
// mistake is a UsageError (exit code 2) naming the option.
import { UsageError } from '../args.js';
import { DEFAULT_JSON_FIELDS, JSON_FIELD_KEYS, type JsonFields } from './readers/json-lines.js';
import { LOG_FORMATS, type LogFormat } from './readers/open.js';
import type { Failure } from './report.js';

export const INVENTORY_FORMATS = ['text', 'json', 'sarif'] as const;
export type InventoryFormat = (typeof INVENTORY_FORMATS)[number];
const FAILURES: readonly Failure[] = ['shadow', 'zombie', 'unused'];

export interface InventoryOptions {
  spec?: string;
  logs: string[];
  logFormat?: LogFormat;
  jsonFields: JsonFields;
  format: InventoryFormat;
  output?: string;
  failOn: Failure[];
  minRequests: number;
  stripPrefix: string[];
  includeNotServed: boolean;
  help: boolean;
}

export const INVENTORY_USAGE = `Usage: spectral-api-security inventory --spec <openapi file> --log <file>... [options]

Compares the requests in access logs with an OpenAPI 2.0, 3.0 or 3.1 description (YAML or JSON):
shadow endpoints (called, not documented; grouped into templates such as /users/{id}), zombie
endpoints (deprecated, still called), unused documented operations, and coverage figures.

Logs (gzip recognised by content; read as a stream, any size):
  Common/Combined Log Format (Apache, nginx; also Envoy's default text format), JSON lines
  (nginx escape=json, Envoy/Istio, Kong, AWS API Gateway, ECS field names), HAR files.

Options:
      --spec <file>            the description (required)
      --log <file>             a log file; repeat for several (files after the options count too)
      --log-format <name>      clf, json or har for every log (default: recognised per file)
      --json-fields <list>     field names of JSON lines, e.g. method=verb,path=uri|url,status=code
                               (keys: method, path, request (a whole request line), status)
  -f, --format <name>          text (default), json, sarif
  -o, --output <file>          write the report to a file instead of stdout
      --fail-on <list>         exit 1 when any of shadow, zombie, unused is found
                               (default shadow,zombie); none never fails
      --min-requests <n>       report shadow endpoints with at least n requests (default 1)
      --strip-prefix <path>    remove a prefix every logged path has and the description lacks
                               (an API Gateway stage such as /prod); repeatable
      --include-not-found      count undocumented requests answered 404, 405 or 501 as endpoints
                               (by default they are probes of endpoints that do not exist)
  -h, --help                   this help

Exit codes: 0 fine, 1 a --fail-on kind was found, 2 usage error or unreadable input.`;

function parseJsonFields(name: string, value: string): JsonFields {
  const fields: JsonFields = { ...DEFAULT_JSON_FIELDS };
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim() as (typeof JSON_FIELD_KEYS)[number];
    const names = part.slice(eq + 1).split('|').map(field => field.trim()).filter(Boolean);
    if (eq <= 0 || !(JSON_FIELD_KEYS as readonly string[]).includes(key) || names.length === 0) {
      throw new UsageError(`${name} takes key=field pairs with keys ${JSON_FIELD_KEYS.join(', ')} (got "${part}")`);
    }
    fields[key] = names;
  }
  return fields;
}

export function parseInventoryArgs(argv: readonly string[]): InventoryOptions {
  const options: InventoryOptions = { logs: [], jsonFields: DEFAULT_JSON_FIELDS, format: 'text', failOn: ['shadow', 'zombie'], minRequests: 1, stripPrefix: [], includeNotServed: false, help: false };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.logs.push(...argv.slice(i + 1));
      break;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (name === '-h' || name === '--help' || name === '--include-not-found') {
      if (eq !== -1) throw new UsageError(`${name} takes no value`);
      if (name === '--include-not-found') options.includeNotServed = true;
      else options.help = true;
      continue;
    }
    const known = ['--spec', '--log', '--log-format', '--json-fields', '-f', '--format', '-o', '--output', '--fail-on', '--min-requests', '--strip-prefix'];
    if (!known.includes(name)) {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg} for inventory`);
      options.logs.push(arg);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    const key = name === '-f' ? '--format' : name === '-o' ? '--output' : name;
    if (key !== '--log' && key !== '--strip-prefix') {
      if (seen.has(key)) throw new UsageError(`${name} given twice`);
      seen.add(key);
    }
    switch (key) {
      case '--spec':
        options.spec = value;
        break;
      case '--log':
        options.logs.push(value);
        break;
      case '--strip-prefix':
        options.stripPrefix.push(value);
        break;
      case '--log-format':
        if (!(LOG_FORMATS as readonly string[]).includes(value)) throw new UsageError(`${name} must be one of ${LOG_FORMATS.join(', ')} (got "${value}")`);
        options.logFormat = value as LogFormat;
        break;
      case '--format':
        if (!(INVENTORY_FORMATS as readonly string[]).includes(value)) throw new UsageError(`${name} must be one of ${INVENTORY_FORMATS.join(', ')} (got "${value}")`);
        options.format = value as InventoryFormat;
        break;
      case '--output':
        options.output = value;
        break;
      case '--json-fields':
        options.jsonFields = parseJsonFields(name, value);
        break;
      case '--fail-on': {
        const kinds = value.split(',').map(kind => kind.trim());
        if (kinds.length === 1 && kinds[0] === 'none') options.failOn = [];
        else {
          for (const kind of kinds) if (!(FAILURES as readonly string[]).includes(kind)) throw new UsageError(`${name} takes a list of ${FAILURES.join(', ')}, or none (got "${kind}")`);
          options.failOn = [...new Set(kinds as Failure[])];
        }
        break;
      }
      case '--min-requests':
        if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new UsageError(`${name} must be a whole number of at least 1 (got "${value}")`);
        options.minRequests = Number(value);
        break;
    }
  }
  if (!options.help) {
    if (options.spec === undefined) throw new UsageError('inventory needs --spec <openapi file>');
    if (options.logs.length === 0) throw new UsageError('inventory needs at least one --log <file>');
  }
  return options;
}
