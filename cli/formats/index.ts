// The output formats by name (`-f`). Every format reads the Report and returns the text to write.
import type { FormatName } from '../args.js';
import { UsageError } from '../args.js';
import type { Report } from '../report.js';
import { html } from './html.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { text } from './text.js';

export type Formatter = (report: Report) => string;

export const FORMATS: Partial<Record<FormatName, Formatter>> = { text, json, sarif, markdown, html };

/** The formatter for `-f NAME`; a name the CLI knows but this build lacks is a usage error, not a crash. */
export function formatterFor(name: FormatName): Formatter {
  const formatter = FORMATS[name];
  if (formatter === undefined) throw new UsageError(`Format "${name}" is not available in this build (available: ${Object.keys(FORMATS).join(', ')})`);
  return formatter;
}
