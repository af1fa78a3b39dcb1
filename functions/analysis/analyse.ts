import { aliasCopies, type AliasCopies } from './aliases.js';
import { cachedPer } from './cache.js';
import { collectExemptions, type Exemptions } from './exemptions.js';
import { deref, entries, isObject, registerAliases, type JsonObject, type JsonPath } from './json.js';
import { collectOperations, type Operation } from './operations.js';
import { collectSecuritySchemes, type SecurityScheme } from './security.js';
import { specVersion, type SpecVersion } from './spec.js';

/**
 * What every rule needs to know about one document, worked out once per lint run. Results only
 * some rules need (the schema graph, the text values, page sizes…) are built on first use, in
 * their own modules, and cached per analysis the same way.
 */
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
  exemptions: Exemptions;
}

/** Where exemptions may stand besides the root: path items, operations, security schemes. */
function* exemptionHolders(root: JsonObject, operations: Operation[], schemes: Map<string, SecurityScheme>): Iterable<{ node: JsonObject; path: JsonPath }> {
  for (const op of operations) {
    yield { node: op.pathItem, path: op.pathItemPath };
    yield { node: op.node, path: op.path };
  }
  for (const scheme of schemes.values()) yield { node: scheme.node, path: scheme.path };
  // Path items without operations can still carry (malformed) exemptions worth reporting.
  for (const [key, raw] of entries(root.paths)) {
    const item = deref(root, raw, ['paths', key]);
    if (isObject(item.node)) yield { node: item.node, path: item.path };
  }
}

/** `document` is Spectral's: its YAML syntax tree tells where aliases point. */
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
  const documentsSecurity = schemes.size > 0 || Array.isArray(root.security) || operations.some(op => Array.isArray(op.node.security));
  const exemptions = collectExemptions(root, exemptionHolders(root, operations, schemes));
  return { root, aliases, version, operations, operationsByPathKey, schemes, documentsSecurity, exemptions };
}

const EMPTY_ROOT: JsonObject = {};

const analysisOf = cachedPer<JsonObject, Analysis, unknown>(build);

/**
 * The analysis of the document a rule is running on, computed on first use and shared by every
 * rule for the rest of that lint run (and dropped with the document).
 */
export function analyse(data: unknown, document?: unknown): Analysis {
  return analysisOf(isObject(data) ? data : EMPTY_ROOT, document);
}
