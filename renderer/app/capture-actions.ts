// Actions of the capture views: loading a packet for the inspector, selecting a flow,
// the jumps between the topic history and the timeline, and the guided scenarios.
import type { FlowRecord } from '../../shared/capture-contract';
import type { Qos, ScopeApi } from '../../shared/contract';
import { emptyFlowFilter } from '../lib/capture-filters';
import { errorField, errorMessage } from '../lib/form-errors';
import { useCaptureUiStore } from '../stores/capture-ui-store';
import { useConnectionsStore } from '../stores/connections-store';
import { useFlowStore } from '../stores/flow-store';
import { linkById, useLinksStore } from '../stores/links-store';
import { usePacketLogStore } from '../stores/packet-log-store';
import { selectConnection, selectTopic, setExpanded } from './actions';

export async function loadPacket(api: ScopeApi, seq: number): Promise<void> {
  const store = usePacketLogStore.getState();
  store.setLoad({ kind: 'loading', seq });
  const stillWanted = () => {
    const load = usePacketLogStore.getState().load;
    return load.kind !== 'none' && load.seq === seq;
  };
  try {
    const detail = await api.getPacket({ seq });
    if (!stillWanted()) return;
    if (detail) useLinksStore.getState().learnClock(detail.record);
    store.setLoad(detail ? { kind: 'loaded', seq, detail } : { kind: 'gone', seq });
  } catch (err) {
    if (stillWanted()) store.setLoad({ kind: 'error', seq, message: errorMessage(err) });
  }
}

/** Selects a flow; fetches it when neither the window nor earlier fetches hold it. */
export function selectFlow(api: ScopeApi, id: number, options: { reveal?: boolean; record?: FlowRecord } = {}): void {
  const store = useFlowStore.getState();
  store.select(id, options.record);
  if (options.reveal) store.setReveal(id);
  if (!useFlowStore.getState().selected) {
    api.getFlow({ id }).then(
      (flow) => {
        if (useFlowStore.getState().selectedId !== id) return;
        if (flow) useFlowStore.getState().remember([flow]);
        else useFlowStore.getState().setNote(`Flow #${id} is no longer kept: the capture buffer evicted it.`);
      },
      (err: unknown) => useFlowStore.getState().setNote(`Could not load flow #${id}: ${errorMessage(err)}`),
    );
  }
  learnClockFrom(api, useFlowStore.getState().selected);
}

/** Flows carry only the core's monotonic time: one packet record gives its wall-clock offset. */
export function learnClockFrom(api: ScopeApi, flow: FlowRecord | null): void {
  if (!flow || useLinksStore.getState().clockOffset !== null) return;
  const seq = flow.steps[0]?.seq;
  if (seq === undefined) return;
  api.getPacket({ seq }).then(
    (p) => p && useLinksStore.getState().learnClock(p.record),
    () => undefined,
  );
}

/** Focuses the timeline on a flow: its topic only, so its message's legs sit together. */
export function openFlowInTimeline(api: ScopeApi, flow: FlowRecord): void {
  const store = useFlowStore.getState();
  store.replaceFilter({ ...emptyFlowFilter, topic: flow.topic });
  store.remember([flow]);
  selectFlow(api, flow.id, { reveal: true, record: flow });
  useCaptureUiStore.getState().setView('timeline');
}

/** From a message of the history: null when no flow delivered it (the text to show then). */
export async function showFlowForMessage(api: ScopeApi, connectionId: string, topic: string, seq: number): Promise<string | null> {
  try {
    const flow = await api.findFlow({ connectionId, topic, seq });
    if (!flow) return 'No flow captured for this message';
    openFlowInTimeline(api, flow);
    return null;
  } catch (err) {
    return `Could not look for its flow: ${errorMessage(err)}`;
  }
}

/** The connection whose topic tree holds a link's messages: its own, or the embedded broker's. */
export function connectionForLink(linkId: string): string | null {
  const link = linkById(useLinksStore.getState().links, linkId);
  if (link?.connectionId) return link.connectionId;
  if (linkId.startsWith('conn:')) return linkId.slice('conn:'.length);
  return useConnectionsStore.getState().connections.find((c) => c.embedded)?.id ?? null;
}

/** From a flow to its topic in the Topics view; returns a problem to show, or null. */
export function showInHistory(api: ScopeApi, flow: FlowRecord): string | null {
  const connectionId = connectionForLink(flow.linkId);
  if (connectionId === null || !useConnectionsStore.getState().connections.some((c) => c.id === connectionId)) {
    return 'No connection of MQTT Scope receives this topic: connect to the embedded broker to see its history.';
  }
  selectConnection(api, connectionId);
  const levels = flow.topic.split('/');
  for (let i = 1; i < levels.length; i++) setExpanded(api, connectionId, levels.slice(0, i).join('/'), true);
  selectTopic(api, connectionId, flow.topic);
  useCaptureUiStore.getState().setView('topics');
  return null;
}

export async function runScenario(api: ScopeApi, qos: Qos): Promise<void> {
  const store = useFlowStore.getState();
  if (store.scenario.kind === 'running') return;
  store.setScenario({ kind: 'running', qos, startedAt: Date.now() });
  try {
    const result = await api.runScenario({ qos });
    const flows = (await Promise.all(result.flowIds.map((id) => api.getFlow({ id }).catch(() => null)))).filter((f): f is FlowRecord => f !== null);
    useFlowStore.getState().setScenario({ kind: 'done', qos, report: result });
    useFlowStore.getState().replaceFilter({ ...emptyFlowFilter, topic: result.topic });
    useFlowStore.getState().remember(flows);
    const first = flows.find((f) => f.senderIsClient) ?? flows[0];
    if (first) selectFlow(api, first.id, { reveal: true, record: first });
  } catch (err) {
    useFlowStore.getState().setScenario({ kind: 'failed', qos, message: errorMessage(err), field: errorField(err) });
  }
}

export function clearScenario(): void {
  useFlowStore.getState().setScenario({ kind: 'idle' });
}
