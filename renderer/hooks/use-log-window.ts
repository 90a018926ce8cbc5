// A chronological log over the core's windows (packets, flows): virtualised rows,
// follow-the-tail while the view is at the bottom (like `tail -f`), requests renewed
// only near the edge of what was asked, and the reading position kept when the ring
// buffer evicts rows from the front.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { anchorShift, isAtBottom, nextLogRequest, type Anchor } from '../lib/log-window';
import type { RowRange } from '../lib/tree-viewport';

export interface LogWindowOptions {
  totalRows: number;
  rowHeight: number;
  /** The window the core last sent: its start and the stable keys of its rows. */
  start: number;
  keys: readonly number[];
  request(range: RowRange): void;
  /** Changes when the filter does: the view starts over at the tail. */
  resetKey: string;
  /** While true (a search is running), the view sends no requests of its own. */
  paused?: boolean;
}

export function useLogWindow({ totalRows, rowHeight, start, keys, request, resetKey, paused = false }: LogWindowOptions) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const requested = useRef<RowRange | null>(null);
  const followingRef = useRef(true);
  const [following, setFollowingState] = useState(true);
  const anchor = useRef<Anchor | null>(null);
  const totalRef = useRef(totalRows);
  totalRef.current = totalRows;
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const windowRef = useRef({ start, keys });
  windowRef.current = { start, keys };

  const setFollowing = useCallback((value: boolean) => {
    followingRef.current = value;
    setFollowingState(value);
  }, []);

  const requestWindow = useCallback(
    (force: boolean) => {
      const el = scrollRef.current;
      if (!el || pausedRef.current) return;
      const next = nextLogRequest(force ? null : requested.current, {
        scrollTop: el.scrollTop,
        height: el.clientHeight,
        rowHeight,
        totalRows: totalRef.current,
        following: followingRef.current,
      });
      if (!next) return;
      requested.current = next;
      request(next);
    },
    [request, rowHeight],
  );

  const virtualizer = useVirtualizer({
    count: totalRows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    useFlushSync: false,
    onChange: () => requestWindow(false),
  });

  // A new filter: back to the tail, with a fresh request.
  useEffect(() => {
    setFollowing(true);
    anchor.current = null;
    requestWindow(true);
  }, [resetKey, requestWindow, setFollowing]);

  useEffect(() => {
    if (!paused) requestWindow(true);
  }, [paused, requestWindow]);

  // Following: stay at the bottom as rows arrive. Reading: keep the top row in place.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (followingRef.current) {
      el.scrollTop = el.scrollHeight;
    } else {
      const shift = anchorShift(anchor.current, start, keys);
      if (shift !== 0 && anchor.current) {
        el.scrollTop += shift * rowHeight;
        anchor.current = { ...anchor.current, index: anchor.current.index + shift };
      }
    }
    requestWindow(false);
  }, [totalRows, start, keys, rowHeight, requestWindow]);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = isAtBottom(el.scrollTop, el.clientHeight, el.scrollHeight);
    if (atBottom !== followingRef.current) setFollowing(atBottom);
    const top = Math.floor(el.scrollTop / rowHeight);
    const w = windowRef.current;
    const key = w.keys[top - w.start];
    anchor.current = key === undefined ? null : { key, index: top };
  }, [rowHeight, setFollowing]);

  const jumpToLatest = useCallback(() => {
    setFollowing(true);
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
    requestWindow(true);
  }, [requestWindow, setFollowing]);

  /** Scrolls to a row (a found flow) and stops following, so it stays in view. */
  const scrollToRow = useCallback(
    (index: number) => {
      setFollowing(false);
      const el = scrollRef.current;
      if (el) el.scrollTop = Math.max(0, index * rowHeight - el.clientHeight / 2 + rowHeight / 2);
      requestWindow(true);
    },
    [requestWindow, rowHeight, setFollowing],
  );

  return { scrollRef, virtualizer, following, onScroll, jumpToLatest, scrollToRow, setFollowing };
}
