// The packet log: its filter, the window the core last sent, and the selected packet
// with its raw bytes for the inspector. Nothing outside the window is held.
import { create } from 'zustand';
import type { PacketDetail, PacketWindow } from '../../shared/capture-contract';
import { emptyPacketFilter, type PacketFilterState } from '../lib/capture-filters';

export type PacketLoad =
  | { kind: 'none' }
  | { kind: 'loading'; seq: number }
  | { kind: 'loaded'; seq: number; detail: PacketDetail }
  /** The ring buffer no longer holds it. */
  | { kind: 'gone'; seq: number }
  | { kind: 'error'; seq: number; message: string };

export interface PacketLogState {
  filter: PacketFilterState;
  window: PacketWindow | null;
  load: PacketLoad;
  setFilter(patch: Partial<PacketFilterState>): void;
  apply(window: PacketWindow): void;
  setLoad(load: PacketLoad): void;
}

export const usePacketLogStore = create<PacketLogState>()((set) => ({
  filter: emptyPacketFilter,
  window: null,
  load: { kind: 'none' },
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  apply: (window) => set({ window }),
  setLoad: (load) => set({ load }),
}));

export function selectedPacketSeq(load: PacketLoad): number | null {
  return load.kind === 'none' ? null : load.seq;
}
