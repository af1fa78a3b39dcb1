// `spectral-api-security inventory`: reads the description, streams every log through the tally, writes
// the report and returns the exit code (0 fine, 1 a --fail-on kind found, 2 usage or input error).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath, InputError } from '../files.js';
import { parseInventoryArgs, INVENTORY_USAGE, type InventoryFormat } from './args.js';
import { loadDescription } from './description.js';
import { inventoryJson } from './formats/json.js';
import { inventorySarif } from './formats/sarif.js';
import { inventoryText } from './formats/text.js';
import { readLog } from './readers/open.js';
import { buildReport, failures, type InventoryReport } from './report.js';
import { Tally } from './tally.js';

const FORMATTERS: Record<InventoryFormat, (report: InventoryReport) => string> = { text: inventoryText, json: inventoryJson, sarif: inventorySarif };

/** Runs the subcommand; UsageError and InputError propagate to main, which prints them with exit code 2. */
export async function inventory(argv: readonly string[], tool: { name: string; version: string }): Promise<number> {
  const options = parseInventoryArgs(argv);
  if (options.help) {
    process.stdout.write(INVENTORY_USAGE + '\n');
    return 0;
  }
  const specPath = resolve(options.spec!);
  const description = loadDescription(specPath, displayPath(specPath));
  const tally = new Tally(description, { includeNotServed: options.includeNotServed, stripPrefix: options.stripPrefix });
  for (const log of options.logs) {
    const absolute = resolve(log);
    const sink = tally.file(displayPath(absolute));
    const { format, gzip } = await readLog(absolute, sink, { format: options.logFormat, jsonFields: options.jsonFields });
    sink.done(format, gzip);
  }
  const report = buildReport(tally, displayPath(specPath), tool, options.minRequests);
  const output = FORMATTERS[options.format](report);
  if (options.output !== undefined) {
    try {
      writeFileSync(options.output, output);
    } catch (error) {
      throw new InputError(`Cannot write ${options.output}: ${(error as Error).message}`);
    }
  } else process.stdout.write(output);
  const found = failures(report, options.failOn);
  if (found.length === 0) return 0;
  process.stderr.write(`Found ${found.map(kind => (kind === 'unused' ? 'unused operations' : `${kind} endpoints`)).join(', ')} (--fail-on ${options.failOn.join(',')})\n`);
  return 1;
}
