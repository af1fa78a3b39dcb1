import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every regular expression in the package — literals and `new RegExp(...)`/`RegExp(...)` calls in
 * functions/**\/*.ts, rulesets/**\/*.ts and cli/inventory/**\/*.ts (which reads hostile log lines), found with TypeScript's own parser — is checked for
 * catastrophic (exponential or polynomial) backtracking with recheck.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `RegExp` constructions whose pattern is not a literal, so it cannot be checked here, each with
 * the reason it is safe. Keyed by "<file>: <source text of the call>".
 */
const UNCHECKABLE_ALLOWED: Record<string, string> = {};

interface Found {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function scan(): { found: Found[]; uncheckable: string[] } {
  const found: Found[] = [];
  const uncheckable: string[] = [];
  for (const path of [...sourceFiles(join(ROOT, 'functions')), ...sourceFiles(join(ROOT, 'rulesets')), ...sourceFiles(join(ROOT, 'cli', 'inventory'))]) {
    const file = relative(ROOT, path);
    const sf = ts.createSourceFile(file, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const line = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const end = text.lastIndexOf('/');
        found.push({ file, line: line(node), source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        const literal = (arg: ts.Expression | undefined) => (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg.text : undefined);
        const source = literal(pattern);
        const flagText = flags === undefined ? '' : literal(flags);
        if (source !== undefined && flagText !== undefined) found.push({ file, line: line(node), source, flags: flagText });
        else uncheckable.push(`${file}: ${node.getText(sf)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { found, uncheckable };
}

const { found, uncheckable } = scan();

describe('regular expressions in functions/, rulesets/ and cli/inventory/', () => {
  it(`the scanner finds them (${found.length} found)`, () => {
    expect(found.length).toBeGreaterThan(20);
  });

  it('every RegExp built from a non-literal pattern is listed with a justification', () => {
    expect(uncheckable.filter(call => !UNCHECKABLE_ALLOWED[call])).toEqual([]);
  });

  it('none backtracks catastrophically (recheck: every one is "safe")', () => {
    const verdicts = found.map(regex => {
      const diagnostics = checkSync(regex.source, regex.flags, { timeout: 10_000 });
      const detail = diagnostics.status === 'vulnerable' ? ` (${diagnostics.complexity.summary}; attack ${JSON.stringify(diagnostics.attack.pattern)})` : '';
      return `${regex.file}:${regex.line} /${regex.source}/${regex.flags} ${diagnostics.status}${detail}`;
    });
    expect(verdicts.filter(verdict => !/ safe$/.test(verdict))).toEqual([]);
  }, 120_000);
});
