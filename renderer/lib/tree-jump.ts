// Keyboard moves that take the tree to rows the view does not hold yet (End, Home, a
// long PageDown) ask the core for those rows first and scroll once they are here: the
// view then changes once, in one frame, instead of scrolling to placeholder bars in one
// frame and drawing the rows in the next.
import { scrollTopToShow, type ScrollBox } from './fixed-rows';
import { visibleRows, type RowRange } from './tree-viewport';

export interface JumpPlan {
  /** Where the view scrolls to bring the row into view (where it is, if it is in view). */
  scrollTop: number;
  /** Whether the window held covers every row the view shows from there. */
  held: boolean;
}

export function planJump(index: number, box: ScrollBox, rowHeight: number, window: RowRange, totalRows: number): JumpPlan {
  const scrollTop = scrollTopToShow(index, box, rowHeight) ?? box.scrollTop;
  const view = visibleRows({ scrollTop, height: box.height, rowHeight });
  const end = Math.min(totalRows, view.start + view.count);
  const held = view.start >= window.start && end <= window.start + window.count;
  return { scrollTop, held };
}
