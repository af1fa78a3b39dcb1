import { aliasCopies, type AliasCopies } from './aliases.js';
import { deref, entries, isObject, registerAliases, type JsonObject } from './json.js';
import { collectOperations, type Operation } from './operations.js';
import { buildSchemaGraph, type SchemaGraph } from './schema-graph.js';
import { collectSecuritySchemes, type SecurityScheme } from './security.js';
import { specVersion, type SpecVersion } from './spec.js';
import { readExemptions, type ExemptionScope } from './exemptions.js';

export * from './json.js';
export * from './aliases.js';
export * from './operations.js';
export * from './schema-graph.js';
export * from './security.js';
export * from './spec.js';
export * from './exemptions.js';
export * from './text.js';
export * from './memo.js';

/** Everything the rules need to know about one document, derived in one pass. */
export interface Analysis {
  root: JsonObject;
  /** YAML alias copies → the anchored values (empty for JSON and alias-free YAML). */
  aliases: AliasCopies;
  version: SpecVersion;
  operations: Operation[];
  /** Operations by the key of their path item (`/users/{id}`), for rules given `$.paths[*]`. */
  operationsByPathKey: Map<string, Operation[]>;
  schemes: Map<string, SecurityScheme>;
  /** True when the document defines or requires any security at all. */
  documentsSecurity: boolean;
  exemptions: {
    root: ExemptionScope;
    /** Keyed by the path item or operation object. */
    byNode: WeakMap<object, ExemptionScope>;
    all: ExemptionScope[];
  };
}

const cache = new WeakMap<object, Analysis>();

function build(root: JsonObject, document: unknown): Analysis {
  // Before anything reads the document: from here on `deref` follows aliases like `$ref`s.
  const aliases = aliasCopies(document, root);
  registerAliases(root, aliases);
  const version = specVersion(root);
  const operations = collectOperations(root, version);
  const operationsByPathKey = new Map<string, Operation[]>();
  for (const op of operations) {
    if (op.container !== 'paths') continue;
    const list = operationsByPathKey.get(op.pathKey);
    if (list) list.push(op);
    else operationsByPathKey.set(op.pathKey, [op]);
  }
  const schemes = collectSecuritySchemes(root, version);
  const documentsSecurity =
    schemes.size > 0 || Array.isArray(root.security) || operations.some(op => Array.isArray(op.node.security));

  const rootScope = readExemptions(root, []);
  const byNode = new WeakMap<object, ExemptionScope>();
  const all: ExemptionScope[] = [rootScope];
  const remember = (node: object, scope: ExemptionScope) => {
    if (byNode.has(node)) return;
    byNode.set(node, scope);
    all.push(scope);
  };
  for (const op of operations) {
    remember(op.pathItem, readExemptions(op.pathItem, op.pathItemPath));
    remember(op.node, readExemptions(op.node, op.path));
  }
  for (const scheme of schemes.values()) remember(scheme.node, readExemptions(scheme.node, scheme.path));
  // Path items without operations can still carry (malformed) exemptions worth reporting.
  for (const [key, raw] of entries(root.paths)) {
    const item = deref(root, raw, ['paths', key]);
    if (isObject(item.node)) remember(item.node, readExemptions(item.node, item.path));
  }

  return {
    root,
    aliases,
    version,
    operations,
    operationsByPathKey,
    schemes,
    documentsSecurity,
    exemptions: { root: rootScope, byNode, all },
  };
}

const EMPTY_ROOT: JsonObject = {};

/**
 * The analysis of the document a rule is running on, computed on first use and
 * shared by every rule for the rest of that lint run (and dropped with the document).
 * `document` is Spectral's (its YAML syntax tree tells where aliases point).
 */
export function analyse(data: unknown, document?: unknown): Analysis {
  const root = isObject(data) ? data : EMPTY_ROOT;
  let analysis = cache.get(root);
  if (analysis === undefined) {
    analysis = build(root, document);
    cache.set(root, analysis);
  }
  return analysis;
}

/** The reason a rule is exempted for a node (e.g. a security scheme), an operation (or its path item), or the whole document. */
export function exemptionReason(analysis: Analysis, rule: string, operation?: Operation, node?: object): string | undefined {
  // Nodes the analysis did not register (schemas) are read on demand: an exemption written on a schema applies to findings about it.
  const own = node ? (analysis.exemptions.byNode.get(node) ?? readExemptions(node, [])).rules.get(rule) : undefined;
  if (own !== undefined) return own;
  if (operation) {
    const own = analysis.exemptions.byNode.get(operation.node)?.rules.get(rule);
    if (own !== undefined) return own;
    const item = analysis.exemptions.byNode.get(operation.pathItem)?.rules.get(rule);
    if (item !== undefined) return item;
  }
  return analysis.exemptions.root.rules.get(rule);
}

export function isExempt(analysis: Analysis, rule: string, operation?: Operation, node?: object): boolean {
  return exemptionReason(analysis, rule, operation, node) !== undefined;
}

const graphs = new WeakMap<Analysis, SchemaGraph>();

/** Paths of the OAuth2 token URLs the description declares, lower case, without a trailing slash. */
function tokenPaths(analysis: Analysis): string[] {
  const out: string[] = [];
  for (const scheme of analysis.schemes.values()) {
    for (const flow of scheme.flows) {
      const url = flow.node.tokenUrl;
      if (typeof url !== 'string') continue;
      const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0].replace(/(?<!\/)\/+$/, '').toLowerCase(); // lookbehind: linear, see isTokenEndpoint
      if (path.length > 0) out.push(path);
    }
  }
  return out;
}

/**
 * The schemas reached from requests and responses, with their properties and the classes of
 * operations that reach them. Built on first use: documents linted only by rules that do not
 * look at schemas never pay for it.
 */
export function schemaGraph(analysis: Analysis): SchemaGraph {
  let graph = graphs.get(analysis);
  if (!graph) {
    const scoped = (node: object) => (analysis.exemptions.byNode.get(node)?.rules.size ?? 0) > 0;
    graph = buildSchemaGraph(analysis.root, analysis.operations, tokenPaths(analysis), scoped);
    graphs.set(analysis, graph);
  }
  return graph;
}
