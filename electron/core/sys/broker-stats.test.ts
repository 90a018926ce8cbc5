import { describe, expect, it } from 'vitest';
import { HistoryBudget } from '../history-budget';
import { defaultHistoryLimits } from '../message-history';
import { TopicTree } from '../topic-tree';
import { brokerStats } from './broker-stats';

function treeWith(messages: [topic: string, payload: string, at: number][]): TopicTree {
  const tree = new TopicTree(defaultHistoryLimits, new HistoryBudget(1024 * 1024));
  for (const [topic, payload, at] of messages) tree.ingest(topic, new TextEncoder().encode(payload), 0, false, at);
  return tree;
}

describe('brokerStats', () => {
  it('says no $SYS topic came when none did', () => {
    expect(brokerStats(treeWith([['sensors/a', '1', 1]]))).toEqual({ fields: [], sysTopics: 0, lastUpdate: null, rates: [] });
  });

  it('reads the latest value of each field and rates from the counters', () => {
    const stats = brokerStats(
      treeWith([
        ['$SYS/broker/version', 'mosquitto version 2.0.18', 1000],
        ['$SYS/broker/messages/received', '10', 1000],
        ['$SYS/broker/messages/received', '40', 3000],
        ['$SYS/broker/clients/connected', '2', 3000],
        ['$SYS/broker/load/sockets/1min', '1.5', 3500],
      ]),
    );
    expect(stats.fields.map((f) => [f.field, f.text])).toEqual([
      ['version', 'mosquitto version 2.0.18'],
      ['clientsConnected', '2'],
      ['messagesReceived', '40'],
    ]);
    expect(stats.sysTopics).toBe(4);
    expect(stats.lastUpdate).toBe(3500);
    expect(stats.rates).toEqual([{ field: 'messagesReceived', times: [3000], values: [15] }]);
  });

  it('reads EMQX topics the same way', () => {
    const stats = brokerStats(treeWith([['$SYS/brokers/emqx@node/version', '5.3.0', 1], ['$SYS/brokers/emqx@node/uptime', '3 seconds', 1]]));
    expect(stats.fields.map((f) => f.field)).toEqual(['version', 'uptime']);
  });
});
