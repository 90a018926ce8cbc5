// The one window of the topic tree the core last sent for the shown connection.
// Nothing outside the window is held: the tree can have 100,000 topics.
import { create } from 'zustand';
import type { TreeDelta, TreeRow, TreeWindow } from '../../shared/contract';
import { applyTreeDelta } from '../../shared/tree-delta';
import { nextFlashState, type FlashState } from '../lib/tree-flash';
import { reuseRows } from '../lib/tree-rows';

export interface TreeState {
  connectionId: string | null;
  /** null until the first window arrives. */
  totalRows: number | null;
  start: number;
  rows: TreeRow[];
  /** The seq of the window held (with the deltas applied to it); -1 before the first. */
  seq: number;
  /** A delta came that does not follow the window held: the view asks for its window again. */
  stale: boolean;
  flash: FlashState;
  reset(connectionId: string | null): void;
  apply(window: TreeWindow): void;
  applyDelta(delta: TreeDelta): void;
  markFresh(): void;
}

const emptyFlash: FlashState = { baselines: new Map(), horizon: -Infinity };

export const useTreeStore = create<TreeState>()((set, get) => ({
  connectionId: null,
  totalRows: null,
  start: 0,
  rows: [],
  seq: -1,
  stale: false,
  flash: emptyFlash,
  reset: (connectionId) => set({ connectionId, totalRows: null, start: 0, rows: [], seq: -1, stale: false, flash: emptyFlash }),
  apply: (w) => {
    const s = get();
    if (w.connectionId !== s.connectionId) return;
    const flash = nextFlashState(s.totalRows === null ? null : s.flash, w.rows);
    set({ totalRows: w.totalRows, start: w.start, rows: reuseRows(s.rows, w.rows), seq: w.seq, stale: false, flash });
  },
  applyDelta: (d) => {
    const s = get();
    if (d.connectionId !== s.connectionId || s.totalRows === null) return;
    const w = applyTreeDelta({ connectionId: d.connectionId, seq: s.seq, totalRows: s.totalRows, start: s.start, rows: s.rows }, d);
    if (!w) {
      if (!s.stale) set({ stale: true });
      return;
    }
    set({ totalRows: w.totalRows, rows: w.rows, seq: w.seq, flash: nextFlashState(s.flash, w.rows) });
  },
  markFresh: () => set({ stale: false }),
}));

export function rowAt(s: Pick<TreeState, 'start' | 'rows'>, index: number): TreeRow | undefined {
  return index >= s.start && index < s.start + s.rows.length ? s.rows[index - s.start] : undefined;
}
