import { describe, expect, it } from 'vitest';
import { HistoryBudget, messageBookkeepingBytes as b } from './history-budget';
import { TopicTree } from './topic-tree';

const limits = { maxMessagesPerTopic: 1000, maxBytesPerTopic: 1 << 20, maxTotalBytes: 1 << 30 };
const bytes = (n: number) => new Uint8Array(n);

describe('HistoryBudget', () => {
  it('keeps the payloads of all topics within the budget, evicting the oldest anywhere and counting per topic', () => {
    // Room for ten messages of 100 bytes, with their bookkeeping.
    const budget = new HistoryBudget(10 * (100 + b));
    const tree = new TopicTree(limits, budget);
    for (let i = 0; i < 100; i++) tree.ingest(`t/${i % 4}`, bytes(100), 0, false, i);
    expect(budget.keptBytes).toBe(10 * (100 + b));
    // The newest 10 messages (i = 90..99) stay: topics 2 and 3 got three of them.
    const kept = [0, 1, 2, 3].map((t) => tree.find(`t/${t}`)!.history!.count);
    expect(kept.reduce((a, b) => a + b)).toBe(10);
    expect(kept).toEqual([2, 2, 3, 3]);
    const evicted = [0, 1, 2, 3].map((t) => tree.find(`t/${t}`)!.history!.evictedCount);
    expect(evicted.reduce((a, b) => a + b)).toBe(90);
    expect(budget.evictedCount).toBe(90);
  });

  it('never evicts a topic’s newest message, so every topic keeps one', () => {
    const budget = new HistoryBudget(5 * (100 + b));
    const tree = new TopicTree(limits, budget);
    for (let i = 0; i < 20; i++) tree.ingest(`only-once/${i}`, bytes(100), 0, false, i);
    for (let i = 0; i < 20; i++) expect(tree.find(`only-once/${i}`)!.history!.count).toBe(1);
    expect(budget.keptBytes).toBe(20 * (100 + b));
    // Once a topic has a newer message, its older one can go.
    tree.ingest('only-once/0', bytes(100), 0, false, 99);
    expect(tree.find('only-once/0')!.history!.count).toBe(1);
  });

  it('agrees with per-topic limits and shrinking the budget, and its queue stays near what is kept', () => {
    const budget = new HistoryBudget(1 << 30);
    const tree = new TopicTree({ ...limits, maxMessagesPerTopic: 10 }, budget);
    for (let i = 0; i < 300_000; i++) tree.ingest(`busy/${i % 3}`, bytes(10), 0, false, i);
    expect(budget.keptCount).toBe(30);
    expect(budget.keptBytes).toBe(30 * (10 + b));
    expect(budget.queued).toBeLessThan(200_000);
    budget.setMax(10 * (10 + b));
    expect(budget.keptBytes).toBe(10 * (10 + b));
    expect([0, 1, 2].map((t) => tree.find(`busy/${t}`)!.history!.bytes).reduce((x, y) => x + y)).toBe(100);
  });
});
