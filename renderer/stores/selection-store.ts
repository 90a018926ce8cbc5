// Which connection is shown, and which topic each connection had selected, so that
// switching back to a connection returns to the topic the user was looking at.
import { create } from 'zustand';

export interface SelectionState {
  connectionId: string | null;
  topicByConnection: Record<string, string | null>;
  setConnection(connectionId: string | null): void;
  setTopic(connectionId: string, topic: string | null): void;
}

export const useSelectionStore = create<SelectionState>()((set) => ({
  connectionId: null,
  topicByConnection: {},
  setConnection: (connectionId) => set({ connectionId }),
  setTopic: (connectionId, topic) => set((s) => ({ topicByConnection: { ...s.topicByConnection, [connectionId]: topic } })),
}));

export function selectedTopicOf(s: SelectionState): string | null {
  return s.connectionId === null ? null : (s.topicByConnection[s.connectionId] ?? null);
}
