// One worker thread of a run: loads the ruleset once, then lints the files the main thread sends,
// one at a time, so a large description on one core does not hold up the others.
import { parentPort, workerData } from 'node:worker_threads';
import { createLinter, type LintedDocument, type LoadedRule } from './lint.js';

export interface WorkerInput {
  rulesetFile?: string;
  allowRemoteRefs: boolean;
}

export type ToWorker = { type: 'lint'; id: number; absolute: string; document: string } | { type: 'stop' };
export type FromWorker =
  | { type: 'ready'; rules: LoadedRule[] }
  | { type: 'fatal'; error: string }
  | { type: 'done'; id: number; result: LintedDocument };

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const input = workerData as WorkerInput;
  let linter;
  try {
    linter = await createLinter(input.rulesetFile, input.allowRemoteRefs);
  } catch (error) {
    port.postMessage({ type: 'fatal', error: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
    return;
  }
  port.postMessage({ type: 'ready', rules: linter.rules } satisfies FromWorker);
  port.on('message', async (message: ToWorker) => {
    if (message.type === 'stop') {
      port.close();
      return;
    }
    const result = await linter.lint(message.absolute, message.document);
    port.postMessage({ type: 'done', id: message.id, result } satisfies FromWorker);
  });
}

void serve();
