// Which two messages of the shown topic are compared, and whether the history list is
// waiting for the user to pick the second one.
import { create } from 'zustand';

export interface ComparePair {
  connectionId: string;
  topic: string;
  /** The two seqs; the diff shows the older one as "before". */
  seqs: [number, number];
}

export interface CompareState {
  /** The message a pick will be compared with; null: the list opens messages as usual. */
  pickingFor: number | null;
  pair: ComparePair | null;
  startPick(seq: number): void;
  cancelPick(): void;
  compare(pair: ComparePair): void;
  close(): void;
}

export const useCompareStore = create<CompareState>()((set) => ({
  pickingFor: null,
  pair: null,
  startPick: (seq) => set({ pickingFor: seq }),
  cancelPick: () => set({ pickingFor: null }),
  compare: (pair) => set({ pair, pickingFor: null }),
  close: () => set({ pair: null }),
}));
