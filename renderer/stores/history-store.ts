// The history of the selected topic, as the core sends it (newest first).
import { create } from 'zustand';
import type { HistoryDelta, HistoryEntry, HistoryLimits } from '../../shared/contract';
import { mergeHistory } from '../lib/history-merge';

export interface HistoryState {
  connectionId: string | null;
  topic: string | null;
  /** false until the first delta for this topic arrives. */
  received: boolean;
  entries: HistoryEntry[];
  kept: { count: number; bytes: number };
  evicted: { count: number; bytes: number };
  limits: HistoryLimits | null;
  reset(connectionId: string | null, topic: string | null): void;
  apply(delta: HistoryDelta): void;
}

const zero = { count: 0, bytes: 0 };

export const useHistoryStore = create<HistoryState>()((set, get) => ({
  connectionId: null,
  topic: null,
  received: false,
  entries: [],
  kept: zero,
  evicted: zero,
  limits: null,
  reset: (connectionId, topic) => set({ connectionId, topic, received: false, entries: [], kept: zero, evicted: zero }),
  apply: (d) => {
    const s = get();
    if (d.connectionId !== s.connectionId || d.topic !== s.topic) return;
    set({
      received: true,
      entries: mergeHistory(s.received ? s.entries : [], s.received ? d : { ...d, reset: true }),
      kept: d.kept,
      evicted: d.evicted,
      limits: d.limits,
    });
  },
}));
