// The command line, parsed by hand: a dozen options do not need a dependency. Every mistake is a
// UsageError (exit code 2) naming the option, never a stack trace.
import type { SeverityName } from './report.js';

export const FORMAT_NAMES = ['text', 'json', 'sarif', 'markdown', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
export type FailSeverity = SeverityName | 'off';
const FAIL_SEVERITIES: readonly FailSeverity[] = ['error', 'warn', 'info', 'hint', 'off'];

export interface Options {
  inputs: string[];
  format: FormatName;
  output?: string;
  ruleset?: string;
  failSeverity: FailSeverity;
  minScore?: number;
  baseline?: string;
  writeBaseline?: string;
  allowRemoteRefs: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: spectral-api-security [options] <files, folders or globs...>
       spectral-api-security inventory --spec <openapi file> --log <file>... [options]

Lints OpenAPI 2.0, 3.0 and 3.1 descriptions for security flaws with the spectral-api-security
ruleset (or the .spectral.yaml/.yml/.json/.js of the working directory, or --ruleset).

Options:
  -f, --format <name>       text (default), json, sarif, markdown, html
  -o, --output <file>       write the report to a file instead of stdout
  -r, --ruleset <file>      a Spectral ruleset to use instead of the default
      --fail-severity <s>   exit 1 when a finding not in the baseline is at or above
                            error (default), warn, info or hint; off never fails
      --min-score <n>       exit 1 when the overall score (0-100) is below n
      --baseline <file>     findings listed in it are known: reported, never failing
      --write-baseline <f>  write today's findings as a baseline and exit 0
      --allow-remote-refs   follow http(s) $refs (off by default: no network access)
  -h, --help                this help
  -v, --version             the version

Commands:
  inventory                 compare access logs (CLF, JSON lines, HAR) with a description: shadow,
                            zombie and unused endpoints (spectral-api-security inventory --help)

Exit codes: 0 fine, 1 a gate failed, 2 usage error or unreadable input.`;

type ValueOption = 'format' | 'output' | 'ruleset' | 'failSeverity' | 'minScore' | 'baseline' | 'writeBaseline';

const VALUE_OPTIONS: Record<string, ValueOption> = {
  '-f': 'format',
  '--format': 'format',
  '-o': 'output',
  '--output': 'output',
  '-r': 'ruleset',
  '--ruleset': 'ruleset',
  '--fail-severity': 'failSeverity',
  '-F': 'failSeverity',
  '--min-score': 'minScore',
  '--baseline': 'baseline',
  '--write-baseline': 'writeBaseline',
};

const FLAGS: Record<string, 'allowRemoteRefs' | 'help' | 'version'> = {
  '--allow-remote-refs': 'allowRemoteRefs',
  '-h': 'help',
  '--help': 'help',
  '-v': 'version',
  '--version': 'version',
};

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}

export function parseArgs(argv: readonly string[]): Options {
  const options: Options = { inputs: [], format: 'text', failSeverity: 'error', allowRemoteRefs: false, help: false, version: false };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.inputs.push(...argv.slice(i + 1));
      break;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (name in FLAGS) {
      if (eq !== -1) throw new UsageError(`${name} takes no value`);
      options[FLAGS[name]] = true;
      continue;
    }
    const key = VALUE_OPTIONS[name];
    if (key === undefined) {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}`);
      options.inputs.push(arg);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    if (seen.has(key)) throw new UsageError(`${name} given twice`);
    seen.add(key);
    switch (key) {
      case 'format':
        options.format = oneOf(name, value, FORMAT_NAMES);
        break;
      case 'failSeverity':
        options.failSeverity = oneOf(name, value, FAIL_SEVERITIES);
        break;
      case 'minScore': {
        const score = Number(value);
        if (!/^\d+(\.\d+)?$/.test(value) || score > 100) throw new UsageError(`${name} must be a number from 0 to 100 (got "${value}")`);
        options.minScore = score;
        break;
      }
      default:
        options[key] = value;
    }
  }
  if (!options.help && !options.version && options.inputs.length === 0) throw new UsageError('Name at least one file, folder or glob to lint');
  if (options.baseline !== undefined && options.baseline === options.writeBaseline) {
    throw new UsageError('--baseline and --write-baseline name the same file');
  }
  return options;
}
