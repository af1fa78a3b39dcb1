import { deref, isObject, type Analysis, type JsonObject, type Located, type Operation, type Parameter } from '../analysis/index.js';
import { allOfMembers } from '../analysis/schema-graph.js';
import { compact, compactSet } from '../analysis/names.js';
import { firstWith, hasAny, typeOwner, typesOf } from '../analysis/bounds.js';
import { analysisFunction, describe, objectOptions, operationsAt, stringList, type Finding } from '../core/rule-function.js';
import { quote } from '../core/message.js';

export const DEFAULT_PAGE_SIZE_NAMES = ['limit', 'per_page', 'page_size', 'pageSize', 'size', 'top', '$top', 'first', 'last', 'count', 'max_results', 'maxResults', 'page_limit'];

export interface PaginationOptions {
  /** Query parameter names that set a page size, compared without case or separators. */
  pageSizeNames: string[];
}

function schemaMembers(analysis: Analysis, schema: Located | undefined): Array<Located<JsonObject>> {
  if (!schema || !isObject(schema.node)) return [];
  return allOfMembers(analysis.root, schema as Located<JsonObject>);
}

/** Numeric query parameters named like a page size (`count=true` style flags are not page sizes). */
export function pageSizeParameters(analysis: Analysis, operation: Operation, names: ReadonlySet<string>): Array<{ parameter: Parameter; members: Array<Located<JsonObject>> }> {
  const out: Array<{ parameter: Parameter; members: Array<Located<JsonObject>> }> = [];
  // `GET /avatars/{id}?size=64` reads one object: `size`, `first` or `top` there are not page sizes.
  if (/\}\/?$/.test(operation.pathKey)) return out;
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'query' || !names.has(compact(parameter.name))) continue;
    const members = schemaMembers(analysis, parameter.schema);
    const types = typesOf(members);
    if (types.has('integer') || types.has('number')) out.push({ parameter, members });
  }
  return out;
}

export function hasUpperBound(members: ReadonlyArray<Located<JsonObject>>): boolean {
  return members.some(m => typeof m.node.maximum === 'number' || typeof m.node.exclusiveMaximum === 'number') || hasAny(members, ['enum', 'const']);
}

function returnsTopLevelArray(analysis: Analysis, operation: Operation): Located<JsonObject> | undefined {
  for (const response of operation.responses) {
    if (!/^2(\d\d|XX)$/i.test(response.status)) continue;
    for (const schema of response.schemas) {
      const members = schemaMembers(analysis, deref(analysis.root, schema.node, schema.path));
      if (typesOf(members).has('array') && !firstWith(members, 'maxItems')) return typeOwner(members);
    }
  }
  return undefined;
}

/**
 * Collection reads must bound their page size: a page-size parameter needs a `maximum`,
 * and a GET returning a bare array needs either a page-size parameter or `maxItems`.
 */
export const paginationBounds = analysisFunction<PaginationOptions>(
  'paginationBounds',
  objectOptions({ pageSizeNames: stringList('Query parameter names that set a page size.') }),
  { pageSizeNames: DEFAULT_PAGE_SIZE_NAMES },
  function* ({ analysis, options, path }): Iterable<Finding> {
    const names = compactSet(options.pageSizeNames);
    for (const operation of operationsAt(analysis, path)) {
      if (operation.method !== 'get') continue;
      const pageSizes = pageSizeParameters(analysis, operation, names);
      for (const { parameter, members } of pageSizes) {
        if (hasUpperBound(members)) continue;
        yield {
          message: `Page-size parameter ${quote(parameter.name)} has no \`maximum\`: one request can ask for every record; set a maximum (e.g. 100).`,
          path: parameter.path,
          operation,
        };
      }
      if (pageSizes.length > 0) continue;
      if (returnsTopLevelArray(analysis, operation)) {
        yield {
          message: `${describe(operation)} returns an unbounded array: paginate it with a page-size parameter that has a \`maximum\`, or give the array \`maxItems\`.`,
          path: operation.path,
          operation,
        };
      }
    }
  },
);
