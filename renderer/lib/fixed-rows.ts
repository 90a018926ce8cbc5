// Windowing for rows of one fixed height, by arithmetic: which rows to render for a
// scroll position, and where to scroll to bring a row into view. A general virtualiser
// keeps a measurement per row and rebuilds them whenever the count changes, which costs
// milliseconds on a tree of 100,000 rows; here the cost follows the rows on screen.
import { visibleRows } from './tree-viewport';

export interface RowSpan {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
}

export interface ScrollBox {
  scrollTop: number;
  height: number;
}

/** The rows in view plus `overscan` on each side, within [0, count). */
export function renderedRows(box: ScrollBox, rowHeight: number, count: number, overscan: number): RowSpan {
  const visible = visibleRows({ ...box, rowHeight });
  const start = Math.min(count, Math.max(0, visible.start - overscan));
  const end = Math.min(count, visible.start + visible.count + overscan);
  return { start, end: Math.max(start, end) };
}

/** The scroll offset that brings a row wholly into view with the least movement; null when it is in view. */
export function scrollTopToShow(index: number, box: ScrollBox, rowHeight: number): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < box.scrollTop) return top;
  if (bottom > box.scrollTop + box.height) return Math.max(0, bottom - box.height);
  return null;
}
