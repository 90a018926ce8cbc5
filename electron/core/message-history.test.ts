import { describe, expect, it } from 'vitest';
import { MessageHistory } from './message-history';

const bytes = (n: number) => new Uint8Array(n);

describe('MessageHistory', () => {
  it('keeps messages in order and finds them by seq', () => {
    const h = new MessageHistory({ maxMessagesPerTopic: 10, maxBytesPerTopic: 1 << 20, maxTotalBytes: 1 << 30 });
    for (let i = 0; i < 5; i++) h.push(i, 0, false, bytes(i));
    expect(h.count).toBe(5);
    expect(h.get(3)?.payload.length).toBe(3);
    expect(h.newestFirstFrom(0).map((m) => m.seq)).toEqual([4, 3, 2, 1, 0]);
    expect(h.newestFirstFrom(3).map((m) => m.seq)).toEqual([4, 3]);
  });

  it('evicts the oldest beyond the count limit and counts what it evicted', () => {
    const h = new MessageHistory({ maxMessagesPerTopic: 3, maxBytesPerTopic: 1 << 20, maxTotalBytes: 1 << 30 });
    for (let i = 0; i < 10; i++) h.push(i, 1, false, bytes(10));
    expect(h.count).toBe(3);
    expect(h.oldestSeq).toBe(7);
    expect(h.get(6)).toBeUndefined();
    expect(h.get(9)?.seq).toBe(9);
    expect(h.evictedCount).toBe(7);
    expect(h.evictedBytes).toBe(70);
    expect(h.bytes).toBe(30);
  });

  it('evicts by byte budget but always keeps the newest message', () => {
    const h = new MessageHistory({ maxMessagesPerTopic: 100, maxBytesPerTopic: 1024, maxTotalBytes: 1 << 30 });
    h.push(0, 0, false, bytes(600));
    h.push(1, 0, false, bytes(600));
    expect(h.count).toBe(1);
    expect(h.newest()?.seq).toBe(1);
    h.push(2, 0, false, bytes(5000));
    expect(h.count).toBe(1);
    expect(h.bytes).toBe(5000);
    expect(h.evictedCount).toBe(2);
  });

  it('applies lowered limits at once', () => {
    const h = new MessageHistory({ maxMessagesPerTopic: 100, maxBytesPerTopic: 1 << 20, maxTotalBytes: 1 << 30 });
    for (let i = 0; i < 50; i++) h.push(i, 0, false, bytes(1));
    h.setLimits({ maxMessagesPerTopic: 5, maxBytesPerTopic: 1 << 20, maxTotalBytes: 1 << 30 });
    expect(h.count).toBe(5);
    expect(h.newestFirstFrom(0).map((m) => m.seq)).toEqual([49, 48, 47, 46, 45]);
    for (let i = 0; i < 20; i++) h.push(i, 0, false, bytes(1));
    expect(h.newestFirstFrom(0).map((m) => m.seq)).toEqual([69, 68, 67, 66, 65]);
  });
});
