// Actions that change what the views show: each tells the core (which sends only what
// the views need) and resets the stores that belong to the previous choice.
import type { ScopeApi } from '../../shared/contract';
import { errorMessage } from '../lib/form-errors';
import { useHistoryStore } from '../stores/history-store';
import { useMessageStore } from '../stores/message-store';
import { useNoticeStore } from '../stores/notice-store';
import { useSelectionStore } from '../stores/selection-store';
import { useTreeStore } from '../stores/tree-store';

/** Runs a request whose failure has no field to show at; the top bar shows it instead. */
export function report(what: string, promise: Promise<unknown>): void {
  promise.catch((err: unknown) => useNoticeStore.getState().show(`${what}: ${errorMessage(err)}`));
}

/** The tree view asks for its window itself (viewTree) once it knows its height. */
export function selectConnection(api: ScopeApi, connectionId: string | null): void {
  const selection = useSelectionStore.getState();
  if (selection.connectionId === connectionId) return;
  selection.setConnection(connectionId);
  useTreeStore.getState().reset(connectionId);
  const topic = connectionId === null ? null : (selection.topicByConnection[connectionId] ?? null);
  useHistoryStore.getState().reset(connectionId, topic);
  useMessageStore.getState().set({ kind: 'none' });
  if (connectionId !== null) report('Could not select the topic', api.selectTopic({ connectionId, topic }));
}

export function selectTopic(api: ScopeApi, connectionId: string, topic: string | null): void {
  const selection = useSelectionStore.getState();
  if (selection.connectionId === connectionId && selection.topicByConnection[connectionId] === topic) return;
  selection.setTopic(connectionId, topic);
  useHistoryStore.getState().reset(connectionId, topic);
  useMessageStore.getState().set({ kind: 'none' });
  report('Could not select the topic', api.selectTopic({ connectionId, topic }));
}

export function setExpanded(api: ScopeApi, connectionId: string, path: string, expanded: boolean, recursive = false): void {
  report(expanded ? 'Could not expand' : 'Could not collapse', api.setExpanded({ connectionId, path, expanded, recursive }));
}

export async function loadMessage(api: ScopeApi, connectionId: string, topic: string, seq: number): Promise<void> {
  const store = useMessageStore.getState();
  store.set({ kind: 'loading', seq });
  // A later click wins: drop answers for a message that is no longer the selected one.
  const stillWanted = () => {
    const load = useMessageStore.getState().load;
    return load.kind !== 'none' && load.seq === seq && useHistoryStore.getState().topic === topic;
  };
  try {
    const detail = await api.getMessage({ connectionId, topic, seq });
    if (!stillWanted()) return;
    store.set(detail ? { kind: 'loaded', seq, detail } : { kind: 'gone', seq });
  } catch (err) {
    if (stillWanted()) store.set({ kind: 'error', seq, message: errorMessage(err) });
  }
}
