// `npx spectral-api-security <files, folders or globs>`: lints descriptions with Spectral's engine and
// this package's ruleset (or the project's own), writes a report, and sets the exit code from the
// gates: 0 fine, 1 a gate failed, 2 usage error or unreadable input.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, UsageError, USAGE, type FailSeverity, type Options } from './args.js';
import { assemble } from './assemble.js';
import { readBaseline, writeBaseline } from './baseline.js';
import { InputError, listTargets } from './files.js';
import { inventory } from './inventory/command.js';
import { INVENTORY_USAGE } from './inventory/args.js';
import { formatterFor } from './formats/index.js';
import { text } from './formats/text.js';
import type { Report, SeverityName } from './report.js';
import { findRuleset, lintAll } from './run.js';

const RANK: Record<SeverityName, number> = { error: 0, warn: 1, info: 2, hint: 3 };

function packageVersion(): string {
  try {
    return String(JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version ?? '0.0.0');
  } catch {
    return '0.0.0';
  }
}

/** Findings not in the baseline at or above the threshold. */
export function failingFindings(report: Report, threshold: FailSeverity): number {
  if (threshold === 'off') return 0;
  return report.documents.reduce((sum, document) => sum + document.findings.filter(f => !f.baselined && RANK[f.severity] <= RANK[threshold]).length, 0);
}

/** A progress line on stderr, only when a person watches it (a TTY): CI logs and pipes stay clean. */
function progress(): ((done: number, total: number, document: string) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total, document) => {
    const line = `[${done}/${total}] ${document}`;
    const width = (process.stderr.columns || 80) - 1;
    process.stderr.write(`\r${line.length > width ? line.slice(0, width) : line.padEnd(width)}${done === total ? '\r' + ' '.repeat(width) + '\r' : ''}`);
  };
}

async function run(options: Options): Promise<number> {
  const stderr = (message: string) => process.stderr.write(message + '\n');
  const formatter = formatterFor(options.format);
  const targets = await listTargets(options.inputs, process.cwd(), stderr);
  const rulesetFile = findRuleset(options.ruleset);
  const baseline = options.baseline !== undefined ? readBaseline(options.baseline) : undefined;
  const linted = await lintAll(targets, { rulesetFile, allowRemoteRefs: options.allowRemoteRefs, onProgress: progress() });
  const report = assemble(linted.documents, linted.rules, {
    tool: { name: 'spectral-api-security', version: packageVersion() },
    docsFolder: join(__dirname, '../../docs/rules'),
    baseline,
  });

  // Text on a terminal wraps at its width; in a file or a CI log, at the format's default.
  const columns = options.output === undefined && process.stdout.isTTY ? process.stdout.columns : undefined;
  const output = options.format === 'text' && columns ? text(report, columns) : formatter(report);
  if (options.output !== undefined) {
    try {
      writeFileSync(options.output, output);
    } catch (error) {
      throw new InputError(`Cannot write ${options.output}: ${(error as Error).message}`);
    }
  } else {
    process.stdout.write(output);
  }

  const unreadable = report.documents.filter(document => document.error !== undefined);
  for (const document of unreadable) stderr(document.error!);
  if (options.writeBaseline !== undefined) {
    writeBaseline(options.writeBaseline, report.documents);
    const count = report.documents.reduce((sum, document) => sum + document.findings.length, 0);
    stderr(`Baseline of ${count} finding${count === 1 ? '' : 's'} written to ${options.writeBaseline}`);
    return unreadable.length > 0 ? 2 : 0;
  }
  if (unreadable.length > 0) return 2;

  let code = 0;
  const failing = failingFindings(report, options.failSeverity);
  if (failing > 0) {
    stderr(`${failing} finding${failing === 1 ? '' : 's'} at or above ${options.failSeverity}${baseline ? ' not in the baseline' : ''}`);
    code = 1;
  }
  if (options.minScore !== undefined && report.score < options.minScore) {
    stderr(`Overall score ${report.score} is below --min-score ${options.minScore}`);
    code = 1;
  }
  return code;
}

export async function main(argv: readonly string[]): Promise<number> {
  // `inventory` as the first word is the subcommand; a file or folder of that name is linted as `./inventory`.
  const subcommand = argv[0] === 'inventory' ? 'inventory' : undefined;
  try {
    if (subcommand === 'inventory') return await inventory(argv.slice(1), { name: 'spectral-api-security', version: packageVersion() });
    const options = parseArgs(argv);
    if (options.help) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (options.version) {
      process.stdout.write(packageVersion() + '\n');
      return 0;
    }
    return await run(options);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${subcommand === 'inventory' ? INVENTORY_USAGE : USAGE}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(error.message + '\n');
      return 2;
    }
    process.stderr.write(`spectral-api-security: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  // `… | head` closing the pipe early is the reader's choice, not an error worth a stack trace.
  process.stdout.on('error', error => {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
  });
}
