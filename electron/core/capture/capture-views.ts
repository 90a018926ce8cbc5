// Cuts the window a view shows out of the filtered packet log or flow list. Filters
// are applied to what the ring buffers hold, oldest first, so a window's rows are in
// capture order and the view scrolls like a log.
import type { FlowFilter, FlowRecord, FlowWindow, PacketFilter, PacketRecord, PacketWindow } from '../../../shared/capture-contract';
import { topicMatchesFilter } from '../../../shared/topic';
import type { PacketCapture } from './packet-capture';
import type { SeqRing } from '../seq-ring';

function topicPredicate(filter: string | null | undefined): ((topic: string | null) => boolean) | null {
  if (!filter) return null;
  if (filter.includes('+') || filter.includes('#')) return (topic) => topic !== null && topicMatchesFilter(filter, topic);
  return (topic) => topic !== null && topic.includes(filter);
}

/**
 * @param topicOf the topic a packet is about: acknowledgements carry none of their own,
 *   so the capture passes the topic of their flow, and a topic filter keeps whole handshakes.
 */
/** What a packet filter reads: a record, or the store's reusable cursor over its columns. */
export type PacketFields = Pick<PacketRecord, 'type' | 'linkId' | 'topic' | 'flowId'>;

export function packetMatcher(filter: PacketFilter, topicOf: (r: PacketFields) => string | null = (r) => r.topic): (r: PacketFields) => boolean {
  const types = filter.types?.length ? new Set(filter.types) : null;
  const topic = topicPredicate(filter.topic);
  const linkId = filter.linkId ?? null;
  return (r) => (!types || types.has(r.type)) && (!linkId || r.linkId === linkId) && (!topic || topic(topicOf(r)));
}

export function flowMatcher(filter: FlowFilter): (f: FlowRecord) => boolean {
  const qos = filter.qos?.length ? new Set<number>(filter.qos) : null;
  const states = filter.states?.length ? new Set<string>(filter.states) : null;
  const topic = topicPredicate(filter.topic);
  const linkId = filter.linkId ?? null;
  return (f) => (!qos || qos.has(f.qos)) && (!states || states.has(f.state)) && (!linkId || f.linkId === linkId) && (!topic || topic(f.topic));
}

const isEmpty = (filter: object) => Object.values(filter).every((v) => v === null || v === undefined || (Array.isArray(v) && v.length === 0));

// Runs every feed tick while flows change, over up to the whole ring: an indexed
// loop, and no scan at all when nothing is filtered.
function windowOf<T, R>(ring: SeqRing<T>, matches: ((item: T) => boolean) | null, toRow: (item: T) => R, start: number, count: number) {
  const rows: R[] = [];
  const first = ring.oldestSeq;
  const end = ring.total;
  if (!matches) {
    for (let seq = first + start; seq < Math.min(end, first + start + count); seq++) rows.push(toRow(ring.get(seq)!));
    return { rows, totalRows: ring.count };
  }
  let index = 0;
  for (let seq = first; seq < end; seq++) {
    const item = ring.get(seq)!;
    if (!matches(item)) continue;
    if (index >= start && index < start + count) rows.push(toRow(item));
    index++;
  }
  return { rows, totalRows: index };
}

export function packetWindow(capture: PacketCapture, filter: PacketFilter, start: number, count: number): PacketWindow {
  const store = capture.packets;
  const first = store.oldestSeq;
  const end = store.total;
  const rows: PacketRecord[] = [];
  const summary = { captured: store.total, evicted: store.evicted, capacity: store.limit };
  if (isEmpty(filter)) {
    for (let seq = first + start; seq < Math.min(end, first + start + count); seq++) rows.push(store.record(seq)!);
    return { start, totalRows: store.count, rows, ...summary };
  }
  const topicOf = (r: PacketFields) => r.topic ?? (r.flowId !== null ? (capture.flow(r.flowId)?.topic ?? null) : null);
  const match = packetMatcher(filter, topicOf);
  // One cursor refilled from the columns: a scan of the whole ring builds no objects.
  const cursor: PacketFields = { type: 'CONNECT', linkId: '', topic: null, flowId: null };
  let index = 0;
  for (let seq = first; seq < end; seq++) {
    cursor.type = store.typeOf(seq);
    cursor.linkId = store.linkIdOf(seq);
    cursor.topic = store.topicOf(seq);
    cursor.flowId = store.flowIdOf(seq);
    if (!match(cursor)) continue;
    if (index >= start && index < start + count) rows.push(store.record(seq)!);
    index++;
  }
  return { start, totalRows: index, rows, ...summary };
}

export function flowWindow(capture: PacketCapture, filter: FlowFilter, start: number, count: number): FlowWindow {
  const ring = capture.flows.store;
  const match = isEmpty(filter) ? null : flowMatcher(filter);
  const { rows, totalRows } = windowOf(ring, match, (f) => ({ ...f, steps: [...f.steps], deviations: [...f.deviations] }), start, count);
  return { start, totalRows, rows, tracked: ring.total, evicted: ring.evicted, capacity: ring.limit };
}
