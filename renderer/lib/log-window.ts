// Which rows of a chronological log (packets, flows) to ask the core for. Reading
// back, it behaves like the topic tree (the rows around the viewport). Following the
// tail, the request reaches past the last row, so rows arriving in the next batches
// are already covered and the view does not ask again for each one.
import { nextTreeRequest, type RowRange, type Viewport } from './tree-viewport';

/** Rows past the end a tail request covers, so a burst of new rows needs no new request. */
export const tailAhead = 150;
const tailBehind = 40;
const maxRequest = 2000;

export interface LogViewport extends Viewport {
  totalRows: number;
  following: boolean;
}

export function nextLogRequest(current: RowRange | null, v: LogViewport): RowRange | null {
  if (!v.following) return nextTreeRequest(current, v);
  const visible = Math.max(1, Math.ceil(v.height / v.rowHeight));
  const wantStart = Math.max(0, v.totalRows - visible);
  // Renew before the tail reaches the end of what was asked for.
  const wantEnd = v.totalRows + 20;
  if (current && current.start <= wantStart && current.start + current.count >= wantEnd) return null;
  const start = Math.max(0, v.totalRows - visible - tailBehind);
  return { start, count: Math.min(maxRequest, visible + tailBehind + tailAhead) };
}

/** At the bottom, give or take a few pixels of rounding. */
export function isAtBottom(scrollTop: number, clientHeight: number, scrollHeight: number): boolean {
  return scrollHeight - (scrollTop + clientHeight) <= 4;
}

export interface Anchor {
  /** Stable key of the row at the top of the viewport (a packet seq, a flow id). */
  key: number;
  index: number;
}

/**
 * The ring buffer evicts from the front, so rows move up while the user reads. Given
 * the row that was at the top and a new window, returns how many rows it moved (to
 * scroll by), or 0 when it is not in the window.
 */
export function anchorShift(anchor: Anchor | null, start: number, keys: readonly number[]): number {
  if (!anchor) return 0;
  const at = keys.indexOf(anchor.key);
  return at < 0 ? 0 : start + at - anchor.index;
}

/** The row at an index, when the window holds it. */
export function rowOf<T>(w: { start: number; rows: readonly T[] }, index: number): T | undefined {
  return index >= w.start && index < w.start + w.rows.length ? w.rows[index - w.start] : undefined;
}

/**
 * The row a navigation key moves to in a virtualised log (clamped to the rows there
 * are), or null for keys that do not navigate. `page` is the rows one screen holds.
 */
export function logKeyTarget(key: string, from: number, page: number, totalRows: number): number | null {
  const target =
    key === 'ArrowDown' ? from + 1 : key === 'ArrowUp' ? from - 1 : key === 'PageDown' ? from + page : key === 'PageUp' ? from - page : key === 'Home' ? 0 : key === 'End' ? totalRows - 1 : null;
  return target === null ? null : Math.max(0, Math.min(totalRows - 1, target));
}
