// Requests to documented operations, the way HTTP routers match them: a server base path is a
// whole-segment prefix (`/v1` is not a prefix of `/v10`), a `{param}` matches exactly one non-empty
// segment, a literal segment wins over a template when both match (`/users/me` before
// `/users/{id}`), then a segment mixing text and parameters (`{name}.json`), then a bare parameter.
// Methods compare case-insensitively; HEAD is answered by a documented GET, as routers do.
import type { Operation } from './description.js';
import { pathSegments } from './request-path.js';

/** A segment with text around parameters, e.g. `{name}.{ext}` → ['', '.', ''] (the text between parameters). */
interface Partial {
  texts: string[];
  node: Node;
}

interface Node {
  literal: Map<string, Node>;
  partial: Partial[];
  param?: Node;
  /** By upper-case method. */
  operations?: Map<string, Operation>;
  /** The `paths` key of the operations here. */
  path?: string;
}

const node = (): Node => ({ literal: new Map(), partial: [] });

/** The text around a segment's `{…}` parameters, or undefined for a segment without any. */
function templateTexts(segment: string): string[] | undefined {
  const texts: string[] = [];
  let from = 0;
  for (;;) {
    const open = segment.indexOf('{', from);
    if (open === -1) break;
    const close = segment.indexOf('}', open + 1);
    if (close === -1) break;
    texts.push(segment.slice(from, open));
    from = close + 1;
  }
  if (texts.length === 0) return undefined;
  texts.push(segment.slice(from));
  return texts;
}

/** Does `segment` read as the texts with a non-empty value between each two (leftmost matches)? */
function matchesTexts(segment: string, texts: readonly string[]): boolean {
  const first = texts[0];
  const last = texts[texts.length - 1];
  if (!segment.startsWith(first) || segment.length < first.length + last.length + texts.length - 1) return false;
  let at = first.length;
  const end = segment.length - last.length;
  if (!segment.endsWith(last)) return false;
  for (let i = 1; i < texts.length - 1; i++) {
    const found = texts[i] === '' ? at + 1 : segment.indexOf(texts[i], at + 1);
    if (found === -1 || found + texts[i].length > end) return false;
    at = found + texts[i].length;
  }
  return at < end;
}

export type Match =
  /** A documented operation (HEAD answered by GET says so through `via`). */
  | { kind: 'operation'; operation: Operation; base: string[] }
  /** A documented path called with a method it does not document. */
  | { kind: 'method'; path: string; base: string[]; automatic: boolean }
  /** Under a base path, but no documented path. */
  | { kind: 'path'; base: string[] }
  /** Under no base path of the description. */
  | { kind: 'outside' };

interface Tree {
  base: string[];
  root: Node;
}

export class Router {
  private readonly trees: Tree[] = [];

  constructor(operations: readonly Operation[]) {
    const byBase = new Map<string, Tree>();
    for (const operation of operations) {
      const segments = pathSegments(operation.path);
      for (const base of operation.bases) {
        const key = base.join('/');
        let tree = byBase.get(key);
        if (tree === undefined) byBase.set(key, (tree = { base, root: node() }));
        let at = tree.root;
        for (const segment of segments) {
          const texts = templateTexts(segment);
          if (texts === undefined) {
            let next = at.literal.get(segment);
            if (next === undefined) at.literal.set(segment, (next = node()));
            at = next;
          } else if (texts.length === 2 && texts[0] === '' && texts[1] === '') {
            at = at.param ??= node();
          } else {
            const same = at.partial.find(partial => partial.texts.join('{}') === texts.join('{}'));
            if (same) at = same.node;
            else {
              const next = node();
              at.partial.push({ texts, node: next });
              at = next;
            }
          }
        }
        at.operations ??= new Map();
        at.path ??= operation.path;
        // The first of two operations on the same route wins, as in a router.
        if (!at.operations.has(operation.method)) at.operations.set(operation.method, operation);
      }
    }
    // Longest base first: `/v1` claims `/v1/users` before `/` does.
    this.trees = [...byBase.values()].sort((a, b) => b.base.length - a.base.length);
  }

  match(method: string, segments: readonly string[]): Match {
    let methodMiss: Match | undefined;
    let under: string[] | undefined;
    for (const tree of this.trees) {
      if (!startsWith(segments, tree.base)) continue;
      under ??= tree.base;
      const found = find(tree.root, segments, tree.base.length, method);
      if (found === undefined) continue;
      const operation = found.operations!.get(method) ?? (method === 'HEAD' ? found.operations!.get('GET') : undefined);
      if (operation !== undefined) return { kind: 'operation', operation, base: tree.base };
      // OPTIONS (CORS preflight) is answered by frameworks and gateways for any route they have.
      methodMiss ??= { kind: 'method', path: found.path!, base: tree.base, automatic: method === 'OPTIONS' };
    }
    if (methodMiss !== undefined) return methodMiss;
    return under !== undefined ? { kind: 'path', base: under } : { kind: 'outside' };
  }
}

function startsWith(segments: readonly string[], base: readonly string[]): boolean {
  if (segments.length < base.length) return false;
  for (let i = 0; i < base.length; i++) if (segments[i] !== base[i]) return false;
  return true;
}

/**
 * The node the segments lead to, preferring literal, then mixed, then parameter segments, backtracking
 * when a preference leads nowhere; a node with the method beats one without. Each trie node is
 * visited at most once per request, so the cost is bounded by the description, not the request.
 */
function find(root: Node, segments: readonly string[], from: number, method: string): Node | undefined {
  const search: Search = { segments, method, fallback: undefined };
  return visit(search, root, from) ?? search.fallback;
}

interface Search {
  segments: readonly string[];
  method: string;
  /** The first node reached that documents the path but not the method. */
  fallback: Node | undefined;
}

function visit(search: Search, at: Node, index: number): Node | undefined {
  const { segments, method } = search;
  if (index === segments.length) {
    if (at.operations === undefined) return undefined;
    if (at.operations.has(method) || (method === 'HEAD' && at.operations.has('GET'))) return at;
    search.fallback ??= at;
    return undefined;
  }
  const segment = segments[index];
  const literal = at.literal.get(segment);
  if (literal !== undefined) {
    const found = visit(search, literal, index + 1);
    if (found) return found;
  }
  if (segment === '') return undefined;
  for (const partial of at.partial) {
    if (!matchesTexts(segment, partial.texts)) continue;
    const found = visit(search, partial.node, index + 1);
    if (found) return found;
  }
  return at.param ? visit(search, at.param, index + 1) : undefined;
}
