// A rule's help, from its documentation page (docs/rules/<id>.md, shipped in the package): the
// "Why it matters" and "What it flags" sections, which is what a code-scanning alert needs to explain.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SECTIONS = ['Why it matters', 'What it flags'];

/** The sections as Markdown, or undefined when the page is missing (a rule of another ruleset). */
export function ruleHelp(docsFolder: string, rule: string): string | undefined {
  if (!/^[a-z0-9-]+$/i.test(rule)) return undefined; // a rule id never names a path outside the folder
  let page: string;
  try {
    page = readFileSync(join(docsFolder, `${rule}.md`), 'utf8');
  } catch {
    return undefined;
  }
  const parts: string[] = [];
  for (const section of SECTIONS) {
    const start = page.indexOf(`\n## ${section}\n`);
    if (start === -1) continue;
    const bodyStart = start + section.length + 5;
    const end = page.indexOf('\n## ', bodyStart);
    parts.push(`## ${section}\n\n${page.slice(bodyStart, end === -1 ? undefined : end).trim()}`);
  }
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

/** The same help as plain text: links become their text, emphasis and code marks go. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/\[([^\]\n]*)\]\([^)\s]*\)/g, '$1')
    .replace(/^#+\s*/gm, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
