import { create } from 'zustand';
import type { ConnectionSummary } from '../../shared/contract';

export interface ConnectionsState {
  connections: ConnectionSummary[];
  /** false until the first list arrives, so the view can tell "none yet" from "none". */
  loaded: boolean;
  setConnections(connections: ConnectionSummary[]): void;
}

export const useConnectionsStore = create<ConnectionsState>()((set) => ({
  connections: [],
  loaded: false,
  setConnections: (connections) => set({ connections, loaded: true }),
}));

/** The embedded broker's connection first: it is the one a first run has data on. */
export function preferredConnection(list: readonly ConnectionSummary[]): ConnectionSummary | null {
  return list.find((c) => c.embedded) ?? list[0] ?? null;
}
