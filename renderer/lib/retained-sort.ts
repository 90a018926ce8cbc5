// How the retained table is sorted, and what a click on a column header does. Size and
// the times open largest/newest first: that is what one looks for in them.
import type { RetainedSortColumn } from '../../shared/retained-contract';

export interface RetainedSort {
  column: RetainedSortColumn;
  descending: boolean;
}

export const defaultRetainedSort: RetainedSort = { column: 'topic', descending: false };

const descendingFirst: ReadonlySet<RetainedSortColumn> = new Set(['size', 'firstSeenAt', 'setAt']);

/** A click on a column's header: the same column flips, another one starts at its natural order. */
export function nextSort(current: RetainedSort, column: RetainedSortColumn): RetainedSort {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: descendingFirst.has(column) };
}

export function ariaSort(current: RetainedSort, column: RetainedSortColumn): 'ascending' | 'descending' | 'none' {
  if (current.column !== column) return 'none';
  return current.descending ? 'descending' : 'ascending';
}
