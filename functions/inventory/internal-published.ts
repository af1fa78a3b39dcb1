import { documentMarkedInternal, internalMarkerMatcher, isObject, type JsonObject, type Operation } from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, describe, objectOptions, stringList, type Finding } from '../core/rule-function.js';

export interface InternalPublishedOptions {
  /** Extensions (and values) that mark a path, operation or tag internal: `x-internal`, `x-audience=company-internal`. */
  internalMarkers: string[];
}

/** Tag names that say the operations under them are internal (compared lower-case, separators as spaces). */
const INTERNAL_TAG_NAMES = new Set(['internal', 'internal only', 'internal api', 'internal apis', 'internal use', 'internal use only', 'private api', 'private apis']);

function markerText(marker: { key: string; value: unknown }): string {
  return `\`${marker.key}: ${typeof marker.value === 'string' ? marker.value : String(marker.value)}\``;
}

/**
 * Operations and path items marked internal (`x-internal: true`, `x-audience: company-internal`,
 * an internal tag…) in a description that does not say it is internal itself (OWASP API9): a
 * published description shows what was meant to stay hidden.
 */
export const internalPublished = analysisFunction<InternalPublishedOptions>(
  'internalPublished',
  objectOptions({ internalMarkers: stringList('Extensions that mark an element internal: `x-internal` (true) or `x-audience=company-internal` (that value).') }),
  defaultLists('internalMarkers'),
  function* ({ analysis, options }): Iterable<Finding> {
    const { root } = analysis;
    const isInternal = internalMarkerMatcher(options.internalMarkers);
    if (documentMarkedInternal(root, isInternal)) return;
    // Tags declared internal at the root (`tags: [{ name: ops, x-internal: true }]`), by name.
    const internalTags = new Map<string, string>();
    for (const tag of Array.isArray(root.tags) ? root.tags : []) {
      if (!isObject(tag) || typeof tag.name !== 'string') continue;
      const marker = isInternal(tag);
      if (marker) internalTags.set(tag.name, `is marked ${markerText(marker)}`);
    }
    const reportedItems = new Set<JsonObject>();
    for (const operation of analysis.operations) {
      if (operation.container !== 'paths') continue;
      const itemMarker = isInternal(operation.pathItem);
      if (itemMarker) {
        if (reportedItems.has(operation.pathItem)) continue;
        reportedItems.add(operation.pathItem);
        yield {
          message: `Path ${quote(operation.pathKey, 200)} is marked ${markerText(itemMarker)} but is in a published description: everyone reading it learns the internal operations exist and how to call them. Remove it from the published description (bundle with the internal parts stripped, e.g. Redocly's \`remove-x-internal\`), or publish this description only internally and say so with \`x-internal: true\` or \`info.x-audience\` at its root.`,
          path: [...operation.pathItemPath, itemMarker.key],
          exemptIn: operation.pathItem,
        };
        continue;
      }
      yield* operationFindings(operation, isInternal, internalTags);
    }
  },
);

function* operationFindings(operation: Operation, isInternal: ReturnType<typeof internalMarkerMatcher>, internalTags: ReadonlyMap<string, string>): Iterable<Finding> {
  const marker = isInternal(operation.node);
  const advice = "Remove it from the published description (bundle with the internal parts stripped, e.g. Redocly's `remove-x-internal`), or publish this description only internally and say so with `x-internal: true` or `info.x-audience` at its root.";
  if (marker) {
    yield {
      message: `${describe(operation)} is marked ${markerText(marker)} but is in a published description: everyone reading it learns the internal operation exists and how to call it. ${advice}`,
      path: [...operation.path, marker.key],
      operation,
    };
    return;
  }
  const tags = Array.isArray(operation.node.tags) ? operation.node.tags : [];
  for (let index = 0; index < tags.length; index++) {
    const tag = tags[index];
    if (typeof tag !== 'string') continue;
    const why = internalTags.get(tag) ?? (INTERNAL_TAG_NAMES.has(tag.trim().toLowerCase().replace(/[-_\s]+/g, ' ')) ? 'names it internal' : undefined);
    if (!why) continue;
    yield {
      message: `${describe(operation)} is tagged ${quote(tag)}, which ${why}, but is in a published description: everyone reading it learns the internal operation exists and how to call it. ${advice}`,
      path: [...operation.path, 'tags', index],
      operation,
    };
    return;
  }
}
