// Reads a connection's $SYS topics out of its topic tree: the latest value of each
// known field, and rates from the counters' kept histories. Nothing is stored apart
// from the tree, so the statistics cost nothing until the panel asks.
import type { BrokerStats, SysFieldValue, SysRate } from '../../../shared/sys-contract';
import { sysFieldOf, sysFields, sysNumber, type SysFieldId } from '../../../shared/sys-stats';
import type { TopicNode, TopicTree } from '../topic-tree';
import { counterRates, type CounterSample } from './sys-rates';

const charted: SysFieldId[] = ['messagesReceived', 'messagesSent', 'bytesReceived', 'bytesSent'];
const fieldOrder = Object.keys(sysFields) as SysFieldId[];
const decoder = new TextDecoder();

export function brokerStats(tree: TopicTree): BrokerStats {
  const sys = tree.find('$SYS');
  const byField = new Map<SysFieldId, TopicNode>();
  let sysTopics = 0;
  let lastUpdate: number | null = null;
  for (const node of sys ? topicsUnder(sys) : []) {
    sysTopics++;
    const newest = node.history?.newest();
    if (newest && (lastUpdate === null || newest.receivedAt > lastUpdate)) lastUpdate = newest.receivedAt;
    const field = sysFieldOf(node.path);
    // Two names for one field (clients/active and clients/connected): the first found wins, consistently.
    if (field && newest && !byField.has(field)) byField.set(field, node);
  }
  const fields: SysFieldValue[] = [];
  for (const field of fieldOrder) {
    const newest = byField.get(field)?.history?.newest();
    if (newest) fields.push({ field, topic: byField.get(field)!.path, text: decoder.decode(newest.payload).trim(), at: newest.receivedAt });
  }
  const rates: SysRate[] = [];
  for (const field of charted) {
    const history = byField.get(field)?.history;
    if (history) rates.push({ field, ...counterRates(samplesOf(history.newestFirstFrom(0).reverse())) });
  }
  return { fields, sysTopics, lastUpdate, rates };
}

function samplesOf(messages: readonly { receivedAt: number; payload: Uint8Array }[]): CounterSample[] {
  const samples: CounterSample[] = [];
  for (const m of messages) {
    const value = sysNumber(decoder.decode(m.payload));
    if (value !== null) samples.push({ at: m.receivedAt, value });
  }
  return samples;
}

function* topicsUnder(node: TopicNode): Generator<TopicNode> {
  if (node.history) yield node;
  for (const child of node.children.values()) yield* topicsUnder(child);
}
