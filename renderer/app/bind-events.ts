// Feeds the core's pushes into the stores, and loads the first state.
import type { ConnectionSummary, ScopeApi } from '../../shared/contract';
import { errorMessage } from '../lib/form-errors';
import { useAppInfoStore } from '../stores/app-info-store';
import { useFlowStore } from '../stores/flow-store';
import { useLinksStore } from '../stores/links-store';
import { usePacketLogStore } from '../stores/packet-log-store';
import { preferredConnection, useConnectionsStore } from '../stores/connections-store';
import { useHistoryStore } from '../stores/history-store';
import { useNoticeStore } from '../stores/notice-store';
import { useSelectionStore } from '../stores/selection-store';
import { useTreeStore } from '../stores/tree-store';
import { usePublishStore } from '../stores/publish-store';
import { useRetainedStore } from '../stores/retained-store';
import { useSeriesStore } from '../stores/series-store';
import { selectConnection } from './actions';

export function bindEvents(api: ScopeApi): () => void {
  const offs = [
    api.on('app', (info) => useAppInfoStore.getState().setInfo(info)),
    api.on('connections', (list) => applyConnections(api, list)),
    api.on('tree', (window) => useTreeStore.getState().apply(window)),
    api.on('treeDelta', (delta) => useTreeStore.getState().applyDelta(delta)),
    api.on('history', (delta) => useHistoryStore.getState().apply(delta)),
    api.on('links', (links) => useLinksStore.getState().setLinks(links)),
    api.on('packets', (window) => {
      const first = window.rows[0];
      if (first) useLinksStore.getState().learnClock(first);
      usePacketLogStore.getState().apply(window);
    }),
    api.on('flows', (window) => useFlowStore.getState().apply(window)),
    api.on('publishing', (state) => usePublishStore.getState().applyPublishing(state)),
    api.on('retained', (state) => useRetainedStore.getState().setFeed(state)),
    api.on('series', (updates) => useSeriesStore.getState().apply(updates)),
  ];
  return () => {
    for (const off of offs) off();
  };
}

/** Subscribes first (bindEvents), then asks, so no push between the two is missed. */
export async function loadInitialState(api: ScopeApi): Promise<void> {
  try {
    const [info, list, publishing, retained] = await Promise.all([api.getAppInfo(), api.listConnections(), api.getPublishingState(), api.getRetainedState()]);
    useAppInfoStore.getState().setInfo(info);
    applyConnections(api, list);
    usePublishStore.getState().applyPublishing(publishing);
    useRetainedStore.getState().setFeed(retained);
  } catch (err) {
    useNoticeStore.getState().show(`Could not load the app state: ${errorMessage(err)}`);
  }
}

// Keeps a valid selection: the first connection at startup, another one when the shown one is removed.
function applyConnections(api: ScopeApi, list: ConnectionSummary[]): void {
  useConnectionsStore.getState().setConnections(list);
  const selected = useSelectionStore.getState().connectionId;
  if (selected !== null && list.some((c) => c.id === selected)) return;
  selectConnection(api, preferredConnection(list)?.id ?? null);
}
