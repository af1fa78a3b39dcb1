import { compactSet, hasUpperBound, pageSizeParameters, unboundedEnvelopeItems, unboundedTopLevelArray } from '../analysis/index.js';
import { defaultLists } from '../core/defaults.js';
import { quote } from '../core/message.js';
import { analysisFunction, describe, objectOptions, stringList, type Finding } from '../core/rule-function.js';
import { operationsAt } from '../core/targets.js';

export interface PaginationOptions {
  /** Query parameter names that set a page size, compared without case or separators. */
  pageSizeParameterNames: string[];
  /** Envelope properties that hold a page's items (`data`, `items`, …), compared without case or separators. */
  pageItemsPropertyNames: string[];
}

const PAGINATE = 'paginate it with a page-size parameter that has a `maximum`, or give the array `maxItems`.';

/**
 * Collection reads must bound their page size: a page-size parameter needs a `maximum`, and a
 * GET returning a bare array, or an envelope whose items array has no `maxItems`, needs a
 * page-size parameter or that `maxItems`.
 */
export const paginationBounds = analysisFunction<PaginationOptions>(
  'paginationBounds',
  objectOptions({
    pageSizeParameterNames: stringList('Query parameter names that set a page size.'),
    pageItemsPropertyNames: stringList('Envelope properties that hold a page of items.'),
  }),
  defaultLists('pageSizeParameterNames', 'pageItemsPropertyNames'),
  function* ({ analysis, options, path }): Iterable<Finding> {
    const names = compactSet(options.pageSizeParameterNames);
    const itemNames = compactSet(options.pageItemsPropertyNames);
    for (const operation of operationsAt(analysis, path)) {
      if (operation.method !== 'get') continue;
      const pageSizes = pageSizeParameters(analysis.root, operation, names);
      for (const { parameter, members } of pageSizes) {
        if (hasUpperBound(members)) continue;
        yield {
          message: `Page-size parameter ${quote(parameter.name)} has no \`maximum\`: one request can ask for every record; set a maximum (e.g. 100).`,
          path: parameter.path,
          operation,
        };
      }
      if (pageSizes.length > 0) continue;
      if (unboundedTopLevelArray(analysis.root, operation)) {
        yield { message: `${describe(operation)} returns an unbounded array: ${PAGINATE}`, path: operation.path, operation };
        continue;
      }
      const envelope = unboundedEnvelopeItems(analysis.root, operation, itemNames);
      if (envelope) {
        yield { message: `${describe(operation)} returns an unbounded list in ${quote(envelope.property)}: ${PAGINATE}`, path: operation.path, operation };
      }
    }
  },
);
