// Lints many descriptions in parallel: one worker thread per core (bounded by the number of files),
// each loading the ruleset once and taking the next file when it finishes one, largest files first so
// no core is left with the biggest at the end.
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InputError, type TargetFile } from './files.js';
import type { LintedDocument, LoadedRule } from './lint.js';
import type { FromWorker, ToWorker, WorkerInput } from './worker.js';

const DEFAULT_RULESET = /^\.?spectral\.(?:ya?ml|json|js)$/;

/** `-r FILE`, else a `.spectral.yaml|yml|json|js` in the working directory, else none (the package's ruleset). */
export function findRuleset(option: string | undefined, cwd = process.cwd()): string | undefined {
  if (option !== undefined) {
    const file = resolve(cwd, option);
    if (!existsSync(file)) throw new InputError(`Cannot read ruleset ${option}: no such file`);
    return file;
  }
  let names: string[] = [];
  try {
    names = readdirSync(cwd);
  } catch {
    return undefined;
  }
  const found = names.filter(name => DEFAULT_RULESET.test(name)).sort();
  return found.length > 0 ? join(cwd, found[0]) : undefined;
}

export interface LintRun {
  documents: LintedDocument[];
  rules: LoadedRule[];
}

export interface LintOptions extends WorkerInput {
  /** Called after each file with how many are done. */
  onProgress?: (done: number, total: number, document: string) => void;
  workerFile?: string;
}

function parallelism(): number {
  const available = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, available || 1);
}

async function bySizeDescending(targets: readonly TargetFile[]): Promise<TargetFile[]> {
  const sized = await Promise.all(targets.map(async target => ({ target, size: await fs.stat(target.absolute).then(s => s.size, () => 0) })));
  return sized.sort((a, b) => b.size - a.size).map(entry => entry.target);
}

/** The loader's first line says what failed; the require stack after it is noise to a user. */
function rulesetError(message: string): InputError {
  return new InputError(`Cannot load the ruleset: ${message.split('\n')[0]}`);
}

/** One file: linted in this thread, sparing a worker's start-up (a second load of Spectral and the ruleset). */
async function lintOne(target: TargetFile, options: LintOptions): Promise<LintRun> {
  const { createLinter } = await import('./lint.js');
  let linter;
  try {
    linter = await createLinter(options.rulesetFile, options.allowRemoteRefs);
  } catch (error) {
    throw rulesetError(error instanceof Error ? error.message : String(error));
  }
  const document = await linter.lint(target.absolute, target.document);
  options.onProgress?.(1, 1, target.document);
  return { documents: [document], rules: linter.rules };
}

/** Lints every target; a file that cannot be read or parsed is reported with `error`, never thrown. */
export async function lintAll(targets: readonly TargetFile[], options: LintOptions): Promise<LintRun> {
  if (targets.length === 1) return lintOne(targets[0], options);
  const queue = await bySizeDescending(targets);
  const results = new Map<string, LintedDocument>();
  const workerCount = Math.min(parallelism(), queue.length);
  const workerFile = options.workerFile ?? join(__dirname, 'worker.js');
  const input: WorkerInput = { rulesetFile: options.rulesetFile, allowRemoteRefs: options.allowRemoteRefs };
  let rules: LoadedRule[] | undefined;
  let fatal: string | undefined;
  let done = 0;

  const runWorker = () =>
    new Promise<void>(finish => {
      const worker = new Worker(workerFile, { workerData: input });
      let current: TargetFile | undefined;
      let nextId = 0;
      const next = () => {
        current = fatal === undefined ? queue.shift() : undefined;
        if (current === undefined) {
          void worker.terminate();
          return;
        }
        worker.postMessage({ type: 'lint', id: nextId++, absolute: current.absolute, document: current.document } satisfies ToWorker);
      };
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'fatal') {
          fatal ??= message.error;
          void worker.terminate();
        } else if (message.type === 'ready') {
          rules ??= message.rules;
          next();
        } else if (message.type === 'done' && current) {
          results.set(current.absolute, message.result);
          options.onProgress?.(++done, targets.length, current.document);
          next();
        }
      });
      worker.on('error', error => {
        // A crash while linting one file costs that file, not the run.
        if (current) results.set(current.absolute, { document: current.document, operationCount: 0, findings: [], error: `Cannot lint ${current.document}: ${error.message}` });
        current = undefined;
      });
      worker.on('exit', () => finish());
    });

  await Promise.all(Array.from({ length: workerCount }, runWorker));
  if (fatal !== undefined) throw rulesetError(fatal);
  const documents = targets.map(
    target => results.get(target.absolute) ?? { document: target.document, operationCount: 0, findings: [], error: `Cannot lint ${target.document}: its worker stopped` },
  );
  return { documents, rules: rules ?? [] };
}
