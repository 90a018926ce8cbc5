// Which rows to ask the core for. The request covers the visible rows plus a margin,
// and is renewed only when the visible rows get near its edge, so scrolling a few
// pixels does not send a request per frame.

export interface RowRange {
  start: number;
  count: number;
}

export interface Viewport {
  scrollTop: number;
  height: number;
  rowHeight: number;
}

/** Rows to request around the viewport; the contract caps a request at 2000 rows. */
export const requestMargin = 40;
/** Renew when fewer than this many rows of margin remain on either side. */
export const renewMargin = 10;
const maxRequest = 2000;

export function visibleRows({ scrollTop, height, rowHeight }: Viewport): RowRange {
  const start = Math.max(0, Math.floor(scrollTop / rowHeight));
  const end = Math.ceil((scrollTop + Math.max(height, rowHeight)) / rowHeight);
  return { start, count: Math.max(1, end - start) };
}

export function windowFor(visible: RowRange): RowRange {
  const start = Math.max(0, visible.start - requestMargin);
  const end = visible.start + visible.count + requestMargin;
  return { start, count: Math.min(maxRequest, end - start) };
}

/** The window to request now, or null when the current one still covers the view. */
export function nextTreeRequest(current: RowRange | null, viewport: Viewport): RowRange | null {
  const visible = visibleRows(viewport);
  if (current) {
    const wantStart = Math.max(0, visible.start - renewMargin);
    const wantEnd = visible.start + visible.count + renewMargin;
    if (current.start <= wantStart && current.start + current.count >= wantEnd) return null;
  }
  return windowFor(visible);
}
