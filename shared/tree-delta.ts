// Deltas of the topic tree's window. Under load most feed ticks change a few counters
// and previews in a window that otherwise stays as it was: the core then sends only
// those rows (TreeDelta), and the view patches the window it holds.
import type { TreeDelta, TreeRow, TreeWindow } from './contract';

/**
 * What changed from one window to the next, or null when the next must go whole: it
 * starts elsewhere, has another length, or other topics in some places.
 */
export function treeDelta(previous: TreeWindow, next: TreeWindow): TreeDelta | null {
  if (previous.connectionId !== next.connectionId || previous.start !== next.start || previous.rows.length !== next.rows.length) return null;
  const rows: TreeDelta['rows'] = [];
  for (let at = 0; at < next.rows.length; at++) {
    const before = previous.rows[at];
    const row = next.rows[at];
    if (before.path !== row.path) return null;
    if (!sameTreeRow(before, row)) rows.push({ at, row });
  }
  return { connectionId: next.connectionId, seq: next.seq, base: previous.seq, totalRows: next.totalRows, rows };
}

/**
 * The window with the delta applied; rows it does not name stay the same objects. null
 * when the delta follows another window than this one (its base is not this seq).
 */
export function applyTreeDelta(window: TreeWindow, delta: TreeDelta): TreeWindow | null {
  if (delta.connectionId !== window.connectionId || delta.base !== window.seq) return null;
  const rows = window.rows.slice();
  for (const { at, row } of delta.rows) {
    if (at < 0 || at >= rows.length) return null;
    rows[at] = row;
  }
  return { connectionId: window.connectionId, seq: delta.seq, totalRows: delta.totalRows, start: window.start, rows };
}

export function sameTreeRow(a: TreeRow, b: TreeRow): boolean {
  return (
    a.path === b.path &&
    a.name === b.name &&
    a.depth === b.depth &&
    a.expanded === b.expanded &&
    a.childCount === b.childCount &&
    a.topicCount === b.topicCount &&
    a.messageCount === b.messageCount &&
    a.ownMessageCount === b.ownMessageCount &&
    a.preview === b.preview &&
    a.previewFormat === b.previewFormat &&
    a.retained === b.retained &&
    a.changedAt === b.changedAt
  );
}
