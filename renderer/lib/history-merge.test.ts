import { describe, expect, it } from 'vitest';
import type { HistoryDelta, HistoryEntry } from '../../shared/contract';
import { mergeHistory } from './history-merge';

const entry = (seq: number): HistoryEntry => ({
  seq,
  receivedAt: seq * 1000,
  qos: 0,
  retain: false,
  size: 1,
  format: 'text',
  preview: String(seq),
  previewTruncated: false,
});

const delta = (over: Partial<HistoryDelta>): HistoryDelta => ({
  connectionId: 'c',
  topic: 't',
  reset: false,
  entries: [],
  oldestSeq: 0,
  kept: { count: 0, bytes: 0 },
  evicted: { count: 0, bytes: 0 },
  limits: { maxMessagesPerTopic: 1000, maxBytesPerTopic: 1 << 24, maxTotalBytes: 1 << 28 },
  ...over,
});

const seqs = (list: HistoryEntry[]) => list.map((e) => e.seq);

describe('mergeHistory', () => {
  it('replaces everything on reset', () => {
    expect(seqs(mergeHistory([entry(9), entry(8)], delta({ reset: true, entries: [entry(3), entry(2)] })))).toEqual([3, 2]);
  });

  it('prepends new entries, newest first', () => {
    expect(seqs(mergeHistory([entry(2), entry(1)], delta({ entries: [entry(4), entry(3)] })))).toEqual([4, 3, 2, 1]);
  });

  it('drops entries below oldestSeq', () => {
    const held = [entry(5), entry(4), entry(3), entry(2)];
    expect(seqs(mergeHistory(held, delta({ entries: [entry(6)], oldestSeq: 4 })))).toEqual([6, 5, 4]);
  });

  it('ignores entries it already holds', () => {
    expect(seqs(mergeHistory([entry(3), entry(2)], delta({ entries: [entry(4), entry(3)] })))).toEqual([4, 3, 2]);
  });

  it('returns a new array even when nothing changed', () => {
    const held = [entry(1)];
    const out = mergeHistory(held, delta({}));
    expect(out).not.toBe(held);
    expect(seqs(out)).toEqual([1]);
  });
});
