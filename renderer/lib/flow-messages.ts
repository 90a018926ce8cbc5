// The legs of one message through the embedded broker: the publisher's flow (client →
// broker) and one delivery flow per subscriber (broker → client), which the core links
// by a shared messageId. A flow without a messageId is a message of its own.
import type { FlowRecord, FlowStep } from '../../shared/capture-contract';

export interface MessageLegs {
  messageId: number | null;
  /** Publisher legs (client → broker), then deliveries, each by start time. */
  legs: FlowRecord[];
  publisher: FlowRecord | null;
  deliveries: FlowRecord[];
  /** Last delivery's PUBLISH arrival minus the publisher's first PUBLISH; null without both. */
  latencyMs: number | null;
}

/** Collects the selected flow's legs from whatever flows are at hand (window, fetched). */
export function messageLegs(selected: FlowRecord, candidates: Iterable<FlowRecord>): MessageLegs {
  const byId = new Map<number, FlowRecord>([[selected.id, selected]]);
  if (selected.messageId !== null) {
    for (const f of candidates) if (f.messageId === selected.messageId && !byId.has(f.id)) byId.set(f.id, f);
  }
  const all = [...byId.values()].sort((a, b) => a.startedAt - b.startedAt || a.id - b.id);
  const publishers = all.filter((f) => isPublisherLeg(f));
  const deliveries = all.filter((f) => !isPublisherLeg(f));
  const publisher = publishers[0] ?? null;
  return { messageId: selected.messageId, legs: [...publishers, ...deliveries], publisher, deliveries, latencyMs: endToEndLatency(publisher, deliveries) };
}

/** A broker link's client → broker flow; our own connections to other brokers have no message legs. */
export function isPublisherLeg(f: FlowRecord): boolean {
  return f.senderIsClient;
}

export function endToEndLatency(publisher: FlowRecord | null, deliveries: readonly FlowRecord[]): number | null {
  if (!publisher || deliveries.length === 0) return null;
  const sent = firstPublish(publisher, false);
  if (!sent) return null;
  let last: number | null = null;
  for (const d of deliveries) {
    // The delivery counts when a PUBLISH reached the subscriber: a dropped one did not.
    const arrived = firstPublish(d, true);
    if (arrived && (last === null || arrived.at > last)) last = arrived.at;
  }
  return last === null ? null : last - sent.at;
}

function firstPublish(flow: FlowRecord, arrivedOnly: boolean): FlowStep | undefined {
  return flow.steps.find((s) => s.type === 'PUBLISH' && (!arrivedOnly || s.fault !== 'dropped'));
}

/**
 * Ids to fetch to find legs outside what is at hand. The core creates the deliveries
 * right after the publisher's flow, so the legs sit close together in id order.
 */
export function neighbourIds(ids: readonly number[], known: ReadonlySet<number>, radius: number): number[] {
  if (ids.length === 0) return [];
  const lo = Math.max(0, Math.min(...ids) - radius);
  const hi = Math.max(...ids) + radius;
  const out: number[] = [];
  for (let id = lo; id <= hi; id++) if (!known.has(id)) out.push(id);
  return out;
}

/**
 * Whether a fetched chunk of flows has gone past the time a message's legs can span:
 * under load the deliveries trail the publisher's flow by many ids, but not by seconds.
 */
export function chunkPastMessage(chunk: readonly (FlowRecord | null)[], anchorAt: number, direction: 1 | -1, spanMs: number): boolean {
  const found = chunk.filter((f): f is FlowRecord => f !== null);
  if (found.length === 0) return true;
  return direction === 1 ? found.every((f) => f.startedAt > anchorAt + spanMs) : found.every((f) => f.startedAt < anchorAt - spanMs);
}

/** The ids of the next chunk to look at, walking away from the known legs. */
export function chunkIds(from: number, direction: 1 | -1, size: number): number[] {
  const out: number[] = [];
  for (let i = 1; i <= size; i++) {
    const id = from + direction * i;
    if (id >= 0) out.push(id);
  }
  return out;
}

/** Rows of a flow list that belong to the same message as their neighbour, for a bracket. */
export function sameMessageAsPrevious(rows: readonly FlowRecord[], i: number): boolean {
  const prev = rows[i - 1];
  const row = rows[i];
  return prev !== undefined && row !== undefined && row.messageId !== null && prev.messageId === row.messageId;
}
