// The legs of the selected flow's message: from the list's window, from earlier
// fetches, and fetched by id around the known legs (the core creates a message's
// deliveries right after its publisher's flow). Unfinished legs outside the window
// are fetched again while they may still change, so the diagram stays live.
import { useEffect, useMemo, useRef } from 'react';
import type { FlowRecord } from '../../shared/capture-contract';
import { useApi } from '../app/api-context';
import { chunkIds, chunkPastMessage, messageLegs, neighbourIds, type MessageLegs } from '../lib/flow-messages';
import { useFlowStore } from '../stores/flow-store';

const neighbourRadius = 24;
const liveRefreshMs = 1000;
/** Beyond the neighbours: chunks walked each way, until past the time a message's legs can span. */
const chunkSize = 64;
const maxChunks = 16;
// The core links a delivery to a PUBLISH of the last ten seconds (message-linker).
const legSpanMs = 10_000;

export function useMessageLegs(selected: FlowRecord | null): MessageLegs | null {
  const api = useApi();
  const window = useFlowStore((s) => s.window);
  const fetched = useFlowStore((s) => s.fetched);
  const tried = useRef(new Set<number>());

  const legs = useMemo(() => {
    if (!selected) return null;
    const candidates = [...(window?.rows ?? []), ...fetched.values()];
    // The freshest copy of each leg: the window's, else the fetched one.
    const byId = new Map<number, FlowRecord>();
    for (const f of candidates) if (!byId.has(f.id)) byId.set(f.id, f);
    return messageLegs(byId.get(selected.id) ?? selected, byId.values());
  }, [selected, window, fetched]);

  const selectedId = selected?.id ?? null;
  const messageId = selected?.messageId ?? null;

  // Look around the known legs once per selection.
  useEffect(() => {
    if (selectedId === null || messageId === null) return;
    const s = useFlowStore.getState();
    const known = new Set<number>([...(s.window?.rows.map((f) => f.id) ?? []), ...s.fetched.keys(), ...tried.current]);
    const legIds = [...(s.window?.rows ?? []), ...s.fetched.values()].filter((f) => f.messageId === messageId).map((f) => f.id);
    const ids = neighbourIds(legIds.length ? legIds : [selectedId], known, neighbourRadius);
    if (ids.length === 0) return;
    let cancelled = false;
    const fetchIds = async (list: number[]) => {
      for (const id of list) tried.current.add(id);
      const flows = await Promise.all(list.map((id) => api.getFlow({ id }).catch(() => null)));
      if (!cancelled) useFlowStore.getState().remember(flows.filter((f): f is FlowRecord => f !== null && f.messageId === messageId));
      return flows;
    };
    // Under load a message's deliveries trail its publisher by many flows: walk on in
    // chunks, each way, until the flows are later (earlier) than its legs could be.
    const walk = async (from: number, direction: 1 | -1, anchorAt: number) => {
      for (let n = 0, at = from; n < maxChunks && !cancelled; n++, at += direction * chunkSize) {
        const chunk = await fetchIds(chunkIds(at, direction, chunkSize));
        if (chunkPastMessage(chunk, anchorAt, direction, legSpanMs)) return;
      }
    };
    const anchor = s.selected ?? s.fetched.get(selectedId);
    void fetchIds(ids).then(() => {
      if (!anchor || cancelled) return;
      const lo = Math.min(...ids, selectedId);
      const hi = Math.max(...ids, selectedId);
      void walk(hi, 1, anchor.startedAt);
      if (!anchor.senderIsClient) void walk(lo, -1, anchor.startedAt);
    });
    return () => {
      cancelled = true;
    };
  }, [api, selectedId, messageId]);

  // Unfinished legs the window does not carry: fetch again while they can change.
  const stale = legs?.legs.filter((f) => (f.state === 'in-flight' || f.state === 'interrupted') && !window?.rows.some((r) => r.id === f.id)).map((f) => f.id) ?? [];
  const staleKey = stale.join(',');
  useEffect(() => {
    if (staleKey === '') return;
    const ids = staleKey.split(',').map(Number);
    const timer = setInterval(() => {
      Promise.all(ids.map((id) => api.getFlow({ id }).catch(() => null))).then((flows) =>
        useFlowStore.getState().remember(flows.filter((f): f is FlowRecord => f !== null)),
      );
    }, liveRefreshMs);
    return () => clearInterval(timer);
  }, [api, staleKey]);

  return legs;
}
