// The SARIF 2.1.0 schema that GitHub code scanning validates uploads against, compiled once for
// every test that writes SARIF (the lint report and the inventory report).
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './packed.js';

let compiled: ReturnType<Ajv['compile']> | undefined;

/** The schema's first errors for a log, as JSON; empty when the log is valid. */
export function sarifSchemaErrors(log: unknown): string {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The schema's patterns are not all valid with the `u` flag Ajv uses by default.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled(log) ? '' : JSON.stringify(compiled.errors?.slice(0, 5), null, 2);
}
