// The rows a list of fixed-height rows renders for its scroll position (lib/fixed-rows).
// State changes only when the rows in view do, so scrolling within them renders nothing,
// and a count of 100,000 costs no more than one of 100.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { renderedRows, scrollTopToShow, type RowSpan, type ScrollBox } from '../lib/fixed-rows';
import { visibleRows } from '../lib/tree-viewport';

export interface FixedRows extends RowSpan {
  totalHeight: number;
  /** Scrolls the least needed to show the row wholly (nothing when it is in view). */
  scrollToIndex(index: number): void;
  /** Scrolls to an offset and renders its rows in the same pass, not in the scroll event that follows. */
  scrollTo(top: number): void;
}

/** onViewport runs on every scroll and resize, in the event: it is where the view asks for its data. */
export function useFixedRows(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number, onViewport: () => void): FixedRows {
  const [box, setBox] = useState<ScrollBox>({ scrollTop: 0, height: 0 });
  const onViewportRef = useRef(onViewport);
  onViewportRef.current = onViewport;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const read = () => {
      const next = { scrollTop: el.scrollTop, height: el.clientHeight };
      setBox((prev) => (sameRowsInView(prev, next, rowHeight) ? prev : next));
      onViewportRef.current();
    };
    // Rendered in the scroll event, which runs in the frame that shows the new offset: the
    // rows come in with that frame rather than a task and a frame later, so a small
    // overscan does not show empty rows at the edge.
    const onScroll = () => flushSync(read);
    read();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(read);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [scrollRef, rowHeight]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const top = scrollTopToShow(index, { scrollTop: el.scrollTop, height: el.clientHeight }, rowHeight);
      if (top !== null) el.scrollTop = top;
    },
    [scrollRef, rowHeight],
  );

  const scrollTo = useCallback(
    (top: number) => {
      const el = scrollRef.current;
      if (!el) return;
      el.scrollTop = top;
      const next = { scrollTop: el.scrollTop, height: el.clientHeight };
      setBox((prev) => (sameRowsInView(prev, next, rowHeight) ? prev : next));
    },
    [scrollRef, rowHeight],
  );

  return { ...renderedRows(box, rowHeight, count, overscan), totalHeight: count * rowHeight, scrollToIndex, scrollTo };
}

function sameRowsInView(a: ScrollBox, b: ScrollBox, rowHeight: number): boolean {
  const va = visibleRows({ ...a, rowHeight });
  const vb = visibleRows({ ...b, rowHeight });
  return va.start === vb.start && va.count === vb.count;
}
