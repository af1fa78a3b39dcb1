// Which response bodies carry credentials or personal data, by the dictionaries the data rules
// judge properties with (`sensitiveProperty`): unlike those rules, a token endpoint's or an issuing
// write's own response counts here, since what it returns is still a secret a cache must not keep.

import type { Analysis } from './analyse.js';
import { perDocument } from './cache.js';
import { deref, entries, isObject, type JsonObject, type JsonPath, type Located } from './json.js';
import { allOfMembers, pushSubschemas, type Members } from './schema.js';
import { sensitiveProperty, type SensitiveProperty, type SensitiveVocabulary } from './sensitive-names.js';

export interface CarriedData extends SensitiveProperty {
  /** The property's name, as written. */
  name: string;
  /** Where the property is declared. */
  path: JsonPath;
}

/** Response bodies nest records a few levels (an envelope, a list, an expansion); deeper is not followed. */
const MAX_DEPTH = 24;

interface Walker {
  memo: Map<JsonObject, CarriedData | null>;
  members: Map<JsonObject, Members>;
}

const walkers = perDocument<Walker>();

/**
 * The first credential or personal-data property a response schema returns (through `$ref`,
 * `allOf`, properties, items, maps and alternatives; `writeOnly` properties are not returned),
 * or undefined. Each schema is judged once per vocabulary; a schema met again inside its own
 * walk (a cycle) adds nothing there, which can only miss, never invent, a finding.
 */
export function carriedSensitiveData(analysis: Analysis, vocabularyKey: string, vocabulary: SensitiveVocabulary, schema: Located): CarriedData | undefined {
  const walker = walkers(analysis, vocabularyKey, () => ({ memo: new Map(), members: new Map() }));
  const root = analysis.root;
  const active = new Set<JsonObject>();

  const visit = (at: Located, depth: number): CarriedData | null => {
    if (!isObject(at.node) || depth > MAX_DEPTH || active.has(at.node)) return null;
    const node = at.node;
    const known = walker.memo.get(node);
    if (known !== undefined) return known;
    active.add(node);
    let found: CarriedData | null = null;
    const members = allOfMembers(root, at as Located<JsonObject>, walker.members);
    outer: for (const member of members) {
      for (const [name, raw] of entries(member.node.properties)) {
        if (!isObject(raw)) continue;
        const declaration = [...member.path, 'properties', name];
        const value = deref(root, raw, declaration);
        if (!isObject(value.node)) continue;
        const valueMembers = allOfMembers(root, value as Located<JsonObject>, walker.members);
        if (raw.writeOnly === true || valueMembers.some(m => m.node.writeOnly === true)) continue;
        const sensitive = sensitiveProperty(root, name, declaration, valueMembers, raw, vocabulary);
        if (sensitive) {
          found = { ...sensitive, name, path: declaration };
          break outer;
        }
        const inner = visit(value, depth + 1);
        if (inner) {
          found = inner;
          break outer;
        }
      }
      const others: Located[] = [];
      pushSubschemas(root, member, others);
      for (const other of others) {
        const inner = visit(other, depth + 1);
        if (inner) {
          found = inner;
          break outer;
        }
      }
    }
    active.delete(node);
    walker.memo.set(node, found);
    return found;
  };

  return visit(schema, 0) ?? undefined;
}
