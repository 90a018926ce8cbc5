// The one window of the topic tree the core last sent for the shown connection.
// Nothing outside the window is held: the tree can have 100,000 topics.
import { create } from 'zustand';
import type { TreeRow, TreeWindow } from '../../shared/contract';
import { nextFlashState, type FlashState } from '../lib/tree-flash';
import { reuseRows } from '../lib/tree-rows';

export interface TreeState {
  connectionId: string | null;
  /** null until the first window arrives. */
  totalRows: number | null;
  start: number;
  rows: TreeRow[];
  flash: FlashState;
  reset(connectionId: string | null): void;
  apply(window: TreeWindow): void;
}

const emptyFlash: FlashState = { baselines: new Map(), horizon: -Infinity };

export const useTreeStore = create<TreeState>()((set, get) => ({
  connectionId: null,
  totalRows: null,
  start: 0,
  rows: [],
  flash: emptyFlash,
  reset: (connectionId) => set({ connectionId, totalRows: null, start: 0, rows: [], flash: emptyFlash }),
  apply: (w) => {
    const s = get();
    if (w.connectionId !== s.connectionId) return;
    const flash = nextFlashState(s.totalRows === null ? null : s.flash, w.rows);
    set({ totalRows: w.totalRows, start: w.start, rows: reuseRows(s.rows, w.rows), flash });
  },
}));

export function rowAt(s: Pick<TreeState, 'start' | 'rows'>, index: number): TreeRow | undefined {
  return index >= s.start && index < s.start + s.rows.length ? s.rows[index - s.start] : undefined;
}
