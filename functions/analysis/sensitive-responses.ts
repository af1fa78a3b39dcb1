// Which response bodies carry credentials or personal data, by the dictionaries the data rules
// judge properties with (`sensitiveProperty`): unlike those rules, a token endpoint's or an issuing
// write's own response counts here, since what it returns is still a secret a cache must not keep.

import type { Analysis } from './analyse.js';
import { cachedPer, perDocument } from './cache.js';
import { returnedOnlyByItsRead, returnedOnlyOnCreation } from './returned-only.js';
import { deref, entries, isObject, type JsonObject, type JsonPath, type Located } from './json.js';
import { allOfMembers, isSuccessStatus, pushSubschemas, type Members } from './schema.js';
import { sensitiveProperty, type SensitiveProperty, type SensitiveVocabulary } from './sensitive-names.js';

export interface CarriedData extends SensitiveProperty {
  /** The property's name, as written. */
  name: string;
  /** Where the property is declared. */
  path: JsonPath;
}

/** Bounds the walk through items, maps and alternatives (which do not count as a property step). */
const MAX_DEPTH = 24;

/**
 * How many properties deep a response carries what it returns: the record itself (`{ ssn }`), a
 * record in an envelope (`{ data: [{ ssn }] }`) or embedded once (`{ owner: { ssn } }`). Deeper, a
 * property belongs to a related object the response links to; following every link makes every
 * response of a large API "carry" every secret any object holds (on Stripe's description, three
 * steps in 87 operations, four or more in twice as many, through charges, invoices and customers).
 */
const MAX_PROPERTY_STEPS = 2;

/** A plain string alternative: an id (or a URL) that stands for the object beside it. */
function isIdAlternative(root: unknown, raw: unknown): boolean {
  const node = deref(root, raw, []).node;
  return isObject(node) && node.type === 'string' && !isObject(node.properties);
}

/**
 * `anyOf`/`oneOf` of an id and the object it names (Stripe's expandable fields): the response
 * carries the id unless the caller asks to expand it, so the object's properties are not what
 * the operation returns.
 */
function idOrObject(root: unknown, node: JsonObject): boolean {
  return ['anyOf', 'oneOf'].some(key => Array.isArray(node[key]) && (node[key] as unknown[]).length > 1 && (node[key] as unknown[]).some(alt => isIdAlternative(root, alt)));
}

/** Whether a record has its own `id` (an envelope or a wrapper does not). */
function isRecord(members: Members): boolean {
  return members.some(member => isObject(member.node.properties) && Object.prototype.hasOwnProperty.call(member.node.properties, 'id'));
}

/** Whether an object's members list a property as `required`. */
function isRequired(members: Members, name: string): boolean {
  return members.some(member => Array.isArray(member.node.required) && member.node.required.includes(name));
}

/** A property whose value is a shared schema: a `$ref`, or one wrapped in `allOf`/`anyOf`/`oneOf` (a nullable one). */
function viaRef(raw: JsonObject): boolean {
  return typeof raw.$ref === 'string' || ['allOf', 'anyOf', 'oneOf'].some(key => Array.isArray(raw[key]) && (raw[key] as unknown[]).some(alt => isObject(alt) && typeof alt.$ref === 'string'));
}

function withoutAlternatives(node: JsonObject): JsonObject {
  const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = node;
  return rest;
}

/**
 * Which response the walk reads: a write's, a read's (a list, a search), or the read of one
 * record (a GET whose path ends in its identifier, `/cards/{card}`).
 */
export type ResponseAccess = 'write' | 'read' | 'record-read';

const ACCESS_INDEX: Record<ResponseAccess, number> = { write: 0, read: 1, 'record-read': 2 };

/**
 * Shared schemas whose optional properties an `allOf` composition in some response makes
 * required (GitHub's app-manifest conversion: `allOf: [integration, { required: [client_secret,
 * pem] }]`): the composition marks the one response that fills them, so where the shared schema
 * is returned as it is, those properties are not. Read from every success response, once per document.
 */
const requiredByComposition = cachedPer<Analysis, Map<JsonObject, Set<string>>>(analysis => {
  const { root } = analysis;
  const out = new Map<JsonObject, Set<string>>();
  const cache = new Map<JsonObject, Members>();
  const visited = new Set<JsonObject>();
  const stack: Located[] = analysis.operations.flatMap(op => op.responses.filter(r => isSuccessStatus(r.status)).flatMap(r => r.schemas));
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (!isObject(at.node) || visited.has(at.node)) continue;
    visited.add(at.node);
    const members = allOfMembers(root, at as Located<JsonObject>, cache);
    if (members.length > 1) {
      const required = new Set(members.flatMap(member => (Array.isArray(member.node.required) ? member.node.required.filter((n): n is string => typeof n === 'string') : [])));
      for (const member of members) {
        if (member.node === at.node) continue;
        for (const name of required) {
          if (!isObject(member.node.properties) || !Object.prototype.hasOwnProperty.call(member.node.properties, name) || isRequired([member], name)) continue;
          const names = out.get(member.node);
          if (names) names.add(name);
          else out.set(member.node, new Set([name]));
        }
      }
    }
    for (const member of members) {
      for (const [name, raw] of entries(member.node.properties)) stack.push(deref(root, raw, [...member.path, 'properties', name]));
      pushSubschemas(root, member, stack);
    }
  }
  return out;
});

interface Walker {
  /** Per schema, the finding within a number of property steps (index: steps left, doubled, plus 1 for a related object; times three, plus the access). */
  memo: Map<JsonObject, Array<CarriedData | null | undefined>>;
  members: Map<JsonObject, Members>;
}

const walkers = perDocument<Walker>();

/**
 * The first credential or personal-data property a response schema returns (through `$ref`,
 * `allOf`, properties, items, maps and alternatives; `writeOnly` properties are not returned),
 * or undefined. Each schema is judged once per vocabulary; a schema met again inside its own
 * walk (a cycle) adds nothing there, which can only miss, never invent, a finding. What the
 * descriptions say of where a property is returned counts: a read does not return one returned
 * only on creation, and only the read of its own record returns one restricted to that read.
 */
export function carriedSensitiveData(analysis: Analysis, vocabularyKey: string, vocabulary: SensitiveVocabulary, schema: Located, access: ResponseAccess = 'write'): CarriedData | undefined {
  const walker = walkers(analysis, vocabularyKey, () => ({ memo: new Map(), members: new Map() }));
  const root = analysis.root;
  const active = new Set<JsonObject>();
  const narrowed = requiredByComposition(analysis);

  // `related`: a shared object a record embeds (`performed_via_github_app` of a deployment status).
  // Its optional credential is one the object may hold somewhere (the app's `client_secret` in
  // the one response that issues it), not what this response returns; a required one is.
  const visit = (at: Located, depth: number, steps: number, related: boolean): CarriedData | null => {
    if (!isObject(at.node) || depth > MAX_DEPTH || steps <= 0 || active.has(at.node)) return null;
    const node = at.node;
    let byStep = walker.memo.get(node);
    if (!byStep) walker.memo.set(node, (byStep = []));
    const slot = (steps * 2 + (related ? 1 : 0)) * 3 + ACCESS_INDEX[access];
    const known = byStep[slot];
    if (known !== undefined) return known;
    active.add(node);
    let found: CarriedData | null = null;
    const members = allOfMembers(root, at as Located<JsonObject>, walker.members);
    const record = isRecord(members);
    outer: for (const member of members) {
      for (const [name, raw] of entries(member.node.properties)) {
        if (!isObject(raw)) continue;
        const declaration = [...member.path, 'properties', name];
        const value = deref(root, raw, declaration);
        if (!isObject(value.node)) continue;
        const valueMembers = allOfMembers(root, value as Located<JsonObject>, walker.members);
        if (raw.writeOnly === true || valueMembers.some(m => m.node.writeOnly === true)) continue;
        if (access !== 'write' && returnedOnlyOnCreation(raw, valueMembers)) continue;
        if ((access !== 'record-read' || steps !== MAX_PROPERTY_STEPS) && returnedOnlyByItsRead(raw, valueMembers)) continue;
        const sensitive = sensitiveProperty(root, name, declaration, valueMembers, raw, vocabulary);
        const optional = !isRequired(members, name);
        if (sensitive && !(optional && (related || narrowed.get(member.node)?.has(name)))) {
          found = { ...sensitive, name, path: declaration };
          break outer;
        }
        const inner = visit(value, depth + 1, steps - 1, record && viaRef(raw));
        if (inner) {
          found = inner;
          break outer;
        }
      }
      const others: Located[] = [];
      pushSubschemas(root, idOrObject(root, member.node) ? { node: withoutAlternatives(member.node), path: member.path } : member, others);
      for (const other of others) {
        const inner = visit(other, depth + 1, steps, related);
        if (inner) {
          found = inner;
          break outer;
        }
      }
    }
    active.delete(node);
    byStep[slot] = found;
    return found;
  };

  return visit(schema, 0, MAX_PROPERTY_STEPS, false) ?? undefined;
}
