// YAML aliases, read as the `$ref`s they are. Spectral's YAML parser writes a fresh copy of the
// anchored value at every alias (and copies the values a merge key `<<` brings in), so the data
// rules receive has no trace of the sharing: a schema aliased three times would be judged three
// times, at positions Spectral cannot locate in the text. From the parser's syntax tree this module
// maps each copy to the value written at its anchor, so the analysis follows an alias the way it
// follows a `$ref`, and a finding lands once, where the anchor is written.

import type { JsonPath, Located } from './json.js';

/** Node kinds of the YAML syntax tree (@stoplight/yaml, from yaml-ast-parser). */
const MAP = 2;
const SEQ = 3;
const ANCHOR_REF = 4;

interface YamlNode {
  kind?: unknown;
  anchorId?: unknown;
  referencesAnchor?: unknown;
  mappings?: unknown;
  items?: unknown;
  key?: unknown;
  value?: unknown;
}

/** A copy made for an alias or a merge key → the value written at the anchor, and where. */
export type AliasCopies = ReadonlyMap<object, Located<object>>;

const NONE: AliasCopies = new Map();

/** The syntax tree of a YAML document as Spectral parsed it; undefined for JSON and plain data. */
function yamlTree(document: unknown): YamlNode | undefined {
  const ast = (document as { parserResult?: { ast?: unknown } } | undefined)?.parserResult?.ast;
  return isNode(ast) && typeof ast.kind === 'number' ? ast : undefined;
}

function isNode(value: unknown): value is YamlNode {
  return typeof value === 'object' && value !== null;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function own(container: object, key: string | number): unknown {
  return Object.prototype.hasOwnProperty.call(container, key) ? (container as Record<string | number, unknown>)[key] : undefined;
}

/** The key of a mapping as the parser stores it (scalar keys only; others are dropped by the parser too). */
function mappingKey(mapping: YamlNode): string | undefined {
  const key = mapping.key;
  return isNode(key) && typeof key.value === 'string' ? key.value : undefined;
}

/** Cheap test on the text: without an anchor (`&name` after a space, a `[`, `{` or `,`) there can be no alias. */
function mayHaveAnchors(document: unknown): boolean {
  const input = (document as { input?: unknown } | undefined)?.input;
  return typeof input !== 'string' || /(?:^|[\s,[{])&[^\s,[\]{}]/.test(input);
}

/** Whether the tree holds any alias at all: a walk over the tree alone, with no paths built. */
function hasAlias(tree: YamlNode): boolean {
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isNode(node)) continue;
    if (node.kind === ANCHOR_REF) return true;
    if (node.kind === MAP && Array.isArray(node.mappings)) {
      for (const mapping of node.mappings) if (isNode(mapping)) stack.push(mapping.value);
    } else if (node.kind === SEQ && Array.isArray(node.items)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return false;
}

/**
 * Walks the syntax tree beside the parsed data, in document order (anchors come before their
 * aliases), without recursion. Never throws: on anything unexpected it returns what it found.
 */
export function aliasCopies(document: unknown, data: unknown): AliasCopies {
  const tree = yamlTree(document);
  if (!tree || !isContainer(data) || !mayHaveAnchors(document)) return NONE;
  const anchors = new Map<string, Located<object>>();
  const copies = new Map<object, Located<object>>();
  try {
    if (!hasAlias(tree)) return NONE;
    const stack: Array<{ ast: YamlNode; node: unknown; path: JsonPath }> = [{ ast: tree, node: data, path: [] }];
    while (stack.length > 0) {
      const { ast, node, path } = stack.pop()!;
      if (!isContainer(node)) continue;
      if (ast.kind === ANCHOR_REF) {
        const target = typeof ast.referencesAnchor === 'string' ? anchors.get(ast.referencesAnchor) : undefined;
        if (target && target.node !== node) copies.set(node, target);
        continue;
      }
      if (typeof ast.anchorId === 'string') anchors.set(ast.anchorId, { node, path });
      const children: Array<{ ast: YamlNode; node: unknown; path: JsonPath }> = [];
      if (ast.kind === SEQ && Array.isArray(ast.items) && Array.isArray(node)) {
        ast.items.forEach((item, index) => {
          if (isNode(item)) children.push({ ast: item, node: node[index], path: [...path, index] });
        });
      } else if (ast.kind === MAP && Array.isArray(ast.mappings) && !Array.isArray(node)) {
        for (const [key, origin] of mapOrigins(ast.mappings, anchors)) {
          const child = own(node, key);
          if (!isContainer(child)) continue;
          if ('ast' in origin) children.push({ ast: origin.ast, node: child, path: [...path, key] });
          else {
            const original = own(origin.source.node, key);
            if (isContainer(original) && original !== child) copies.set(child, { node: original, path: [...origin.source.path, key] });
          }
        }
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  } catch {
    // A tree of an unexpected shape: keep what was mapped.
  }
  if (copies.size === 0) return NONE;
  expandCopies(copies);
  return resolveChains(copies);
}

/**
 * Every container inside a copy is a copy too, of the container at the same place under the
 * anchor: registered as well, so whichever child of an aliased value a rule reads (a parameter of
 * an aliased list, a response of an aliased map) it meets the original. Linear in what the parser
 * copied.
 */
function expandCopies(copies: Map<object, Located<object>>): void {
  const stack: Array<[object, Located<object>]> = [...copies];
  while (stack.length > 0) {
    const [copy, target] = stack.pop()!;
    for (const key of Object.keys(copy)) {
      const child = own(copy, key);
      if (!isContainer(child) || copies.has(child)) continue;
      const segment = Array.isArray(copy) ? Number(key) : key;
      const original = own(target.node, segment);
      if (!isContainer(original) || original === child) continue;
      const located = { node: original, path: [...target.path, segment] };
      copies.set(child, located);
      stack.push([child, located]);
    }
  }
}

type Origin = { ast: YamlNode } | { source: Located<object> };

/**
 * Where each key of a mapping gets its value, as the parser builds it: written keys from their
 * value; merge keys (`<<: *a` or `<<: [*a, *b]`, the first source winning) from the anchored
 * value, overriding what was written before the merge key, as the parser's `Object.assign` does.
 */
function mapOrigins(mappings: unknown[], anchors: ReadonlyMap<string, Located<object>>): Map<string, Origin> {
  const origins = new Map<string, Origin>();
  for (const mapping of mappings) {
    if (!isNode(mapping)) continue;
    const key = mappingKey(mapping);
    if (key === undefined || !isNode(mapping.value)) continue;
    if (key !== '<<') {
      origins.set(key, { ast: mapping.value });
      continue;
    }
    const merge = mapping.value;
    const sources = merge.kind === SEQ && Array.isArray(merge.items) ? merge.items : [merge];
    const merged = new Map<string, Origin>();
    for (let i = sources.length - 1; i >= 0; i--) {
      const source = sources[i];
      if (!isNode(source)) continue;
      if (source.kind === ANCHOR_REF) {
        const target = typeof source.referencesAnchor === 'string' ? anchors.get(source.referencesAnchor) : undefined;
        if (target && !Array.isArray(target.node)) for (const name of Object.keys(target.node)) merged.set(name, { source: target });
      } else if (source.kind === MAP && Array.isArray(source.mappings)) {
        // Written in place inside the merge key: its values are real text, walked like written keys.
        for (const [name, origin] of mapOrigins(source.mappings, anchors)) merged.set(name, origin);
      }
    }
    for (const [name, origin] of merged) origins.set(name, origin);
  }
  return origins;
}

/** A copy whose original is itself a copy (an alias of a merged value): point it at the value really written. */
function resolveChains(copies: Map<object, Located<object>>): AliasCopies {
  for (const [copy, target] of copies) {
    let current = target;
    for (let hop = 0; hop < 64; hop++) {
      const next = copies.get(current.node);
      if (!next || next === current) break;
      current = next;
    }
    if (current !== target) copies.set(copy, current);
  }
  return copies;
}

/**
 * The path of the text a path through copies stands for: each prefix that reaches a copy is
 * replaced by where its anchor is written, so a finding inside an aliased value lands on the
 * anchored one (where Spectral can locate it, and where two aliases of it meet).
 */
export function canonicalPath(copies: AliasCopies, root: unknown, path: JsonPath): JsonPath {
  if (copies.size === 0) return path;
  let node: unknown = root;
  let out: JsonPath | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    node = isContainer(node) ? own(node, segment) : undefined;
    const original = isContainer(node) ? copies.get(node) : undefined;
    if (original) {
      out = [...original.path];
      node = original.node;
    } else if (out) out.push(segment);
    if (node === undefined) {
      if (!out) return path;
      for (let j = i + 1; j < path.length; j++) out.push(path[j]);
      return out;
    }
  }
  return out ?? path;
}
