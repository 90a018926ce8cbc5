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

/** How much a view asks for around what it shows, and when it asks again. */
export interface WindowPolicy {
  /** Rows asked for on each side of the visible ones. */
  margin: number;
  /** Asks again when fewer rows than this remain on a side. */
  renew: number;
  /**
   * Whether a window at an end of the list moves inward rather than shrinks: the margin
   * that would fall outside goes to the other side. At the far end only when totalRows is known.
   */
  keepSize?: boolean;
  totalRows?: number | null;
}

const fixedMargins: WindowPolicy = { margin: requestMargin, renew: renewMargin };

export function visibleRows({ scrollTop, height, rowHeight }: Viewport): RowRange {
  const start = Math.max(0, Math.floor(scrollTop / rowHeight));
  const end = Math.ceil((scrollTop + Math.max(height, rowHeight)) / rowHeight);
  return { start, count: Math.max(1, end - start) };
}

export function windowFor(visible: RowRange, policy: WindowPolicy = fixedMargins): RowRange {
  const { margin, totalRows } = policy;
  if (!policy.keepSize) {
    const start = Math.max(0, visible.start - margin);
    const end = visible.start + visible.count + margin;
    return { start, count: Math.min(maxRequest, end - start) };
  }
  const count = Math.min(maxRequest, visible.count + 2 * margin);
  return { start: Math.max(0, Math.min(visible.start - margin, (totalRows ?? Infinity) - count)), count };
}

/** The window to request now, or null when the current one still covers the view. */
export function nextTreeRequest(current: RowRange | null, viewport: Viewport, policy: WindowPolicy = fixedMargins): RowRange | null {
  const visible = visibleRows(viewport);
  if (current) {
    const wantStart = Math.max(0, visible.start - policy.renew);
    let wantEnd = visible.start + visible.count + policy.renew;
    if (policy.totalRows != null) wantEnd = Math.min(wantEnd, policy.totalRows);
    if (current.start <= wantStart && current.start + current.count >= wantEnd) return null;
  }
  return windowFor(visible, policy);
}

/**
 * The topic tree's: two screens of rows on each side, asked for again when less than a
 * screen remains. A scroll of up to two screens (a flick of the wheel, a PageDown) then
 * lands on rows the view holds and shows them in its own frame, instead of showing
 * placeholder bars for a frame until the core answers. Under load the window costs only
 * its changed rows (tree deltas), so its size costs little.
 */
export function screensAround(viewport: Viewport, totalRows: number | null): WindowPolicy {
  const screen = visibleRows(viewport).count;
  return { margin: Math.max(requestMargin, 2 * screen), renew: screen, keepSize: true, totalRows };
}
