// The rows the tree renders: those in view (and the overscan) that the window holds.
// After a jump to rows not received yet (End, a long scroll) it holds none of them: the
// rows rendered before stay, off screen, until the new ones come, so the DOM changes once,
// when they do, rather than also emptying in between; not past the end of a tree that
// shrank, though, where they would lengthen the scroll. The same object comes back while
// the same rows are shown (a scroll within them, or a window renewed around them), so
// nothing downstream renders again.
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { TreeRow } from '../../shared/contract';
import type { RowSpan } from '../lib/fixed-rows';

export interface Shown {
  first: number;
  rows: TreeRow[];
}

export function useShownRows(start: number, rows: TreeRow[], inView: RowSpan, totalRows: number): Shown {
  const lastShown = useRef<Shown>({ first: 0, rows: [] });
  const first = Math.max(inView.start, start);
  const last = Math.min(inView.end, start + rows.length);
  const held = useMemo<Shown>(() => ({ first, rows: rows.slice(Math.max(0, first - start), Math.max(0, last - start)) }), [rows, start, first, last]);
  const previous = lastShown.current;
  const keepLast = held.rows.length === 0 && inView.end > inView.start && previous.first + previous.rows.length <= totalRows;
  const shown = keepLast || sameShown(held, previous) ? previous : held;
  useLayoutEffect(() => {
    lastShown.current = shown;
  });
  return shown;
}

function sameShown(a: Shown, b: Shown): boolean {
  return a.first === b.first && a.rows.length === b.rows.length && a.rows.every((row, i) => row === b.rows[i]);
}
