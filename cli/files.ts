// Which files a run lints, from the command line's files, folders and globs. A file named on the
// command line is linted whatever it holds (the user asked for it); files found in a folder or by a
// glob are linted when they are descriptions: `.yaml`, `.yml` or `.json` with a top-level `openapi`
// or `swagger` key, so `specs/**/*.json` does not lint package.json.
import { promises as fs, type Dirent } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globBase, isGlob, matchGlob } from './glob.js';

export interface TargetFile {
  /** As reports show it: relative to the working directory, `/` separators. */
  document: string;
  absolute: string;
}

/** Input the run cannot use (a missing file, a glob matching nothing…): exit code 2. */
export class InputError extends Error {}

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
/** Folders a walk never enters: dependencies and hidden folders (.git) hold no description of the project. */
const SKIPPED_FOLDER = (name: string) => name === 'node_modules' || name.startsWith('.');

export function displayPath(absolute: string, cwd = process.cwd()): string {
  const rel = relative(cwd, absolute);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** A top-level `openapi` or `swagger` key; never throws. */
export function isDescription(text: string): boolean {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const data: unknown = JSON.parse(trimmed);
      return typeof data === 'object' && data !== null && ('openapi' in data || 'swagger' in data);
    } catch {
      // Not JSON after all (YAML flow mapping or broken): the YAML test below decides.
    }
  }
  // YAML: the root mapping's keys share the indentation of its first key (usually none, but
  // `---\n  swagger: "2.0"` is valid YAML too).
  const first = /^(?![ \t]*(?:#|---|\.\.\.|%))( *)\S/m.exec(text);
  if (first === null) return false;
  const indent = first[1].length;
  return text.split('\n').some(line => /^["']?(?:openapi|swagger)["']?[ \t]*:/.test(line.slice(indent)) && /^ *$/.test(line.slice(0, indent)));
}

async function isDescriptionFile(path: string): Promise<boolean> {
  if (!EXTENSIONS.has(extname(path).toLowerCase())) return false;
  try {
    return isDescription(await fs.readFile(path, 'utf8'));
  } catch {
    return false;
  }
}

/** Every file under `folder` (not following folder symlinks, so no cycle), relative to it. */
async function walk(folder: string, prefix = ''): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(join(folder, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDER(entry.name)) found.push(...(await walk(folder, rel)));
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      found.push(rel);
    }
  }
  return found;
}

async function descriptionsUnder(folder: string, keep: (rel: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  for (const rel of await walk(folder)) {
    const absolute = join(folder, rel);
    if (keep(rel) && (await isDescriptionFile(absolute))) found.push(absolute);
  }
  return found;
}

/** Expands the command line's arguments; throws InputError for a missing path or when nothing is left. */
export async function listTargets(inputs: readonly string[], cwd = process.cwd(), warn: (message: string) => void = () => {}): Promise<TargetFile[]> {
  const absolutes: string[] = [];
  for (const input of inputs) {
    if (isGlob(input)) {
      const { base, rest } = globBase(input);
      const folder = isAbsolute(base) ? base : resolve(cwd, base);
      const matches = await descriptionsUnder(folder, rel => matchGlob(rest, rel));
      if (matches.length === 0) warn(`No description matches ${input}`);
      absolutes.push(...matches);
      continue;
    }
    const absolute = resolve(cwd, input);
    let stats;
    try {
      stats = await fs.stat(absolute);
    } catch {
      throw new InputError(`Cannot read ${input}: no such file or folder`);
    }
    if (stats.isDirectory()) {
      const found = await descriptionsUnder(absolute, () => true);
      if (found.length === 0) warn(`No OpenAPI or Swagger description (.yaml, .yml, .json) in ${input}`);
      absolutes.push(...found);
    } else {
      absolutes.push(absolute);
    }
  }
  const unique = [...new Set(absolutes)];
  if (unique.length === 0) throw new InputError('No description to lint: name files, folders or globs of OpenAPI or Swagger descriptions');
  return unique.map(absolute => ({ absolute, document: displayPath(absolute, cwd) }));
}
