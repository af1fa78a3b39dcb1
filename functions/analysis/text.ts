import type { Analysis } from './analyse.js';
import { cachedPer } from './cache.js';
import { EXEMPTIONS_KEY } from './exemptions.js';
import { isObject, type JsonObject, type JsonPath } from './json.js';
import type { Operation } from './operations.js';

/**
 * The string values of a document that can carry a pasted credential, found in one iterative
 * walk of the raw document (no recursion: documents can nest thousands of levels deep) and
 * cached per analysis, like the schema graph.
 *
 * Collected, anywhere in the document (components no operation uses included):
 * - literal values, with every string nested in them: `example`, `examples` (a JSON Schema
 *   array, the `value` of OpenAPI 3.x Example Objects, Swagger 2.0 response examples per media
 *   type), `default`, `enum`, `const`, and every `x-*` extension value;
 * - free text: `description` and `summary`;
 * - URLs: `url` (servers, external docs, contact, license), OAuth `tokenUrl`, `authorizationUrl`,
 *   `refreshUrl`, `openIdConnectUrl`, `termsOfService`, and Example Objects' `externalValue`.
 * - keys: every object key (path keys, scheme and requirement names, property names…), as
 *   `key` values: a credential pasted as a name is published as surely as one in an example.
 * `$ref`s, `pattern`s, `format`s and the like are not values and are skipped.
 */
export type TextKind = 'example' | 'default' | 'enum' | 'const' | 'extension' | 'description' | 'url' | 'key';

/** A path as a chain of links to the parent, so a value 5,000 levels deep does not copy 5,000 segments. */
export interface PathLink {
  parent: PathLink | undefined;
  segment: string | number;
}

/** Which exemptions apply to a value: the nearest operation, analysed node and exemption holder around it. */
export interface TextScope {
  /** The operation the value is written under (its path item's exemptions apply too). */
  operation?: Operation;
  /** A path item (outside its operations) or a security scheme the value is written under. */
  exemptIn?: object;
  /** The nearest other object (schema, parameter, response…) with an `x-api-security-exemptions` map of its own. */
  holder?: JsonObject;
}

export interface TextValue {
  value: string;
  kind: TextKind;
  /**
   * The name the value belongs to: the nearest key inside a literal value (`{ password: "…" }`
   * gives `password`), else the property, parameter, header or server variable whose
   * example, default, enum or const it is. Undefined for free text and URLs.
   */
  key?: string;
  at: PathLink;
  scope: TextScope;
}

function pathOf(at: PathLink | undefined): JsonPath {
  const path: JsonPath = [];
  for (let link = at; link; link = link.parent) path.push(link.segment);
  return path.reverse();
}

/** The value's path from the document root. */
export function textPath(value: TextValue): JsonPath {
  return pathOf(value.at);
}

type Mode =
  /** An OpenAPI / JSON Schema object or array: keys are keywords. */
  | 'spec'
  /** A map whose keys are names (`properties`, `paths`, `responses`, `components.schemas`…). */
  | 'names'
  /** An OpenAPI 3.x `examples` map of Example Objects. */
  | 'exampleMap'
  | 'exampleObject'
  /** A value: every string below it is collected. */
  | 'literal';

/** What the entries of a `names` map are named after, for the `key` of the values below them. */
type Naming = 'name' | 'keep' | 'none';

interface Frame {
  node: unknown;
  /** Undefined for the root. */
  at: PathLink | undefined;
  mode: Mode;
  kind: TextKind;
  /** literal: the key context; spec: the owner (property/parameter/header) name. */
  key: string | undefined;
  naming: Naming;
  /** `names` maps where `x-` keys are extensions rather than names. */
  extensible: boolean;
  scope: TextScope;
}

const URL_KEYS = new Set(['url', 'tokenUrl', 'authorizationUrl', 'refreshUrl', 'openIdConnectUrl', 'termsOfService', 'externalValue']);
const TEXT_KEYS = new Set(['description', 'summary']);
const LITERAL_KEYS = new Set(['example', 'default', 'const', 'enum']);

/** Maps keyed by names, and how their entries name the values below them. */
const NAME_MAPS = new Map<string, Naming>([
  ['properties', 'name'],
  ['headers', 'name'],
  ['variables', 'name'],
  ['content', 'keep'],
  ['patternProperties', 'none'],
  ['definitions', 'none'],
  ['$defs', 'none'],
  ['dependentSchemas', 'none'],
  ['schemas', 'none'],
  ['parameters', 'none'],
  ['responses', 'none'],
  ['requestBodies', 'none'],
  ['securitySchemes', 'none'],
  ['securityDefinitions', 'none'],
  ['paths', 'none'],
  ['webhooks', 'none'],
  ['pathItems', 'none'],
  ['callbacks', 'none'],
  ['links', 'none'],
  ['encoding', 'none'],
  ['mapping', 'none'],
  ['scopes', 'none'],
]);

/** Maps where the specification allows `x-` extensions beside the names. */
const EXTENSIBLE_MAPS = new Set(['paths', 'responses', 'callbacks', 'webhooks']);

/** Subschemas and wrappers that describe the same value as their parent: its name carries on. */
const SAME_VALUE_KEYS = new Set([
  'schema', 'items', 'allOf', 'anyOf', 'oneOf', 'not', 'additionalProperties', 'prefixItems', 'if', 'then', 'else',
  'contains', 'unevaluatedProperties', 'additionalItems', 'unevaluatedItems',
]);

/** The shortest string worth keeping: `a://b:c@d.e` and 16-character secrets are all longer. */
const MIN_SCANNED_LENGTH = 8;
/**
 * Keys are mostly short keywords and names: only those as long as the shortest token or Basic
 * value (`Basic ` and 8 characters), or holding the `@` of a URL with a password, can be a credential.
 */
const MIN_SCANNED_KEY_LENGTH = 14;

/** What the one walk of the document finds. */
interface TextWalk {
  values: TextValue[];
  /** Objects outside the analysis's own holders that carry an exemptions key. */
  holders: Array<{ node: JsonObject; at: PathLink | undefined }>;
  /** Objects whose prototype a `__proto__` key replaced. */
  prototypes: Array<{ at: PathLink | undefined; scope: TextScope }>;
}

/** Built on first use: documents linted only by rules that do not read text never pay for the walk. */
const textWalk = cachedPer<Analysis, TextWalk>(analysis => collect(analysis));


/**
 * Objects the analysis does not register (schemas, parameters, responses, examples…) that carry
 * an `x-api-security-exemptions` key, whatever its value: found by the same walk, so malformed
 * exemptions there can be reported too.
 */
export function exemptionHolders(analysis: Analysis): Array<{ node: JsonObject; path: JsonPath }> {
  return textWalk(analysis).holders.map(({ node, at }) => ({ node, path: pathOf(at) }));
}

/**
 * Where a `__proto__` key was written with an object value. JavaScript parsers (Spectral's
 * included) turn such a key into the object's prototype: it vanishes from the keys, and so do the
 * keys written beside it, so no rule can judge any of them. Found by the same walk: the object's
 * prototype is no longer `Object.prototype`.
 */
export function prototypeKeys(analysis: Analysis): Array<{ path: JsonPath; scope: TextScope }> {
  return textWalk(analysis).prototypes.map(({ at, scope }) => ({ path: [...pathOf(at), '__proto__'], scope }));
}

/** Every string value worth scanning for secrets (depth first: an object's strings before its nested objects); built on first use and cached. */
export function textValues(analysis: Analysis): TextValue[] {
  return textWalk(analysis).values;
}

function collect(analysis: Analysis): TextWalk {
  const out: TextValue[] = [];
  const found: TextWalk['holders'] = [];
  const prototypes: TextWalk['prototypes'] = [];
  const operations = new Map<object, Operation>();
  for (const operation of analysis.operations) operations.set(operation.node, operation);
  const analysed = analysis.exemptions.byNode;
  const swagger2 = analysis.version === '2.0';
  const visited = new Set<object>();
  const stack: Frame[] = [{ node: analysis.root, at: undefined, mode: 'spec', kind: 'example', key: undefined, naming: 'none', extensible: false, scope: {} }];

  // Links are only allocated for what is kept: collected strings and containers still to walk.
  const push = (node: unknown, parent: PathLink | undefined, segment: string | number, mode: Mode, kind: TextKind, key: string | undefined, scope: TextScope, naming: Naming = 'none', extensible = false) => {
    if (typeof node === 'string') {
      // Shorter strings cannot hold any credential the detectors know (the shortest, a URL with a password, needs more);
      // skipping them keeps alias-amplified documents from filling memory with millions of tiny values.
      if (mode === 'literal' && node.length >= MIN_SCANNED_LENGTH) out.push({ value: node, kind, key, at: { parent, segment }, scope });
    } else if (typeof node === 'object' && node !== null) {
      stack.push({ node, at: { parent, segment }, mode, kind, key, naming, extensible, scope });
    }
  };

  while (stack.length > 0) {
    const frame = stack.pop()!;
    const node = frame.node as object;
    if (visited.has(node)) continue; // cycles: each object is read once
    visited.add(node);
    // A YAML alias copy is read where its anchor is written, as a `$ref`'s target is.
    if (analysis.aliases.has(node)) continue;
    const at = frame.at;

    if (Array.isArray(node)) {
      // Pushed in reverse so items come out in order.
      for (let i = node.length - 1; i >= 0; i--) {
        const item = node[i];
        if (frame.mode === 'literal') push(item, at, i, 'literal', frame.kind, frame.key, frame.scope);
        else if (typeof item === 'object' && item !== null) push(item, at, i, 'spec', frame.kind, frame.naming === 'keep' ? frame.key : undefined, frame.scope);
      }
      continue;
    }

    const object = node as JsonObject;
    const keys = Object.keys(object);
    const prototype = Object.getPrototypeOf(object) as unknown;
    if (prototype !== Object.prototype && prototype !== null) prototypes.push({ at, scope: frame.scope });
    if ((frame.mode === 'spec' || frame.mode === 'exampleObject') && object !== analysis.root && !analysed.has(object) && Object.prototype.hasOwnProperty.call(object, EXEMPTIONS_KEY)) {
      found.push({ node: object, at });
    }
    let scope = frame.scope;
    let owner = frame.key;
    if (frame.mode === 'spec') {
      const operation = operations.get(object);
      if (operation) scope = { operation };
      else if (analysed.has(object)) scope = { exemptIn: object };
      else if (isObject(object[EXEMPTIONS_KEY]) && object !== analysis.root) scope = { ...scope, holder: object };
      // A parameter (or a Swagger 2.0 header) names the values of its schema and examples.
      if (typeof object.name === 'string' && typeof object.in === 'string') owner = object.name;
    } else if (frame.mode === 'exampleObject' && isObject(object[EXEMPTIONS_KEY])) {
      scope = { ...scope, holder: object };
    }

    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const value = object[key];
      if (key.length >= MIN_SCANNED_KEY_LENGTH || (key.length >= MIN_SCANNED_LENGTH && key.includes('@'))) out.push({ value: key, kind: 'key', at: { parent: at, segment: key }, scope });
      switch (frame.mode) {
        case 'literal':
          push(value, at, key, 'literal', frame.kind, key, scope);
          break;
        case 'names':
          if (frame.extensible && key.startsWith('x-')) push(value, at, key, 'literal', 'extension', key, scope);
          else if (typeof value === 'object' && value !== null) push(value, at, key, 'spec', frame.kind, frame.naming === 'name' ? key : frame.naming === 'keep' ? owner : undefined, scope);
          break;
        case 'exampleMap':
          if (key.startsWith('x-')) push(value, at, key, 'literal', 'extension', key, scope);
          else if (isObject(value)) push(value, at, key, 'exampleObject', 'example', owner, scope);
          else push(value, at, key, 'literal', 'example', owner, scope);
          break;
        case 'exampleObject':
          if (key === 'value') push(value, at, key, 'literal', 'example', owner, scope);
          else if (key === '$ref') break;
          else if (key.startsWith('x-')) push(value, at, key, 'literal', 'extension', key, scope);
          else if (key === 'externalValue') push(value, at, key, 'literal', 'url', undefined, scope);
          else if (TEXT_KEYS.has(key)) push(value, at, key, 'literal', 'description', undefined, scope);
          // Not an Example Object after all (2.0-style media-type examples in 3.x): still a value.
          else push(value, at, key, 'literal', 'example', key, scope);
          break;
        case 'spec':
          specEntry(key, value, at, owner, scope);
          break;
      }
    }
  }
  return { values: out, holders: found, prototypes };

  function specEntry(key: string, value: unknown, at: PathLink | undefined, owner: string | undefined, scope: TextScope): void {
    if (key.startsWith('x-')) {
      const example = key === 'x-example' || key === 'x-examples';
      push(value, at, key, 'literal', example ? 'example' : 'extension', example ? owner : key, scope);
    } else if (LITERAL_KEYS.has(key)) {
      push(value, at, key, 'literal', key as TextKind, owner, scope);
    } else if (key === 'examples') {
      // A JSON Schema array, Swagger 2.0 response examples by media type, or 3.x Example Objects.
      if (Array.isArray(value) || swagger2 || !isObject(value)) push(value, at, key, 'literal', 'example', owner, scope);
      else push(value, at, key, 'exampleMap', 'example', owner, scope);
    } else if (TEXT_KEYS.has(key) && typeof value === 'string') {
      push(value, at, key, 'literal', 'description', undefined, scope);
    } else if (URL_KEYS.has(key) && typeof value === 'string') {
      push(value, at, key, 'literal', 'url', undefined, scope);
    } else if (key === '$ref' || typeof value !== 'object' || value === null) {
      return;
    } else if (isObject(value) && NAME_MAPS.has(key)) {
      const naming = NAME_MAPS.get(key)!;
      push(value, at, key, 'names', 'example', naming === 'keep' ? owner : undefined, scope, naming, EXTENSIBLE_MAPS.has(key));
    } else {
      const same = SAME_VALUE_KEYS.has(key);
      push(value, at, key, 'spec', 'example', same ? owner : undefined, scope, same ? 'keep' : 'none');
    }
  }
}
