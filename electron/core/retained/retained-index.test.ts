import { describe, expect, it } from 'vitest';
import { RetainedIndex } from './retained-index';

const bytes = (s: string) => new TextEncoder().encode(s);
const observed = (topic: string, payload: string, qos: 0 | 1 | 2 = 0) => ({ topic, payload: bytes(payload), qos, properties: undefined });
const none = () => undefined;

describe('RetainedIndex', () => {
  it('keeps first seen across updates, moves changedAt only when the bytes change, and forgets on an empty payload', () => {
    const index = new RetainedIndex();
    index.observe(observed('a/b', 'one'), 100, 'subscription');
    index.observe(observed('a/b', 'one'), 200, 'scan');
    expect(index.get('a/b')).toMatchObject({ firstSeenAt: 100, changedAt: 100, source: 'scan' });
    index.observe(observed('a/b', 'two'), 300, 'scan');
    expect(index.get('a/b')).toMatchObject({ firstSeenAt: 100, changedAt: 300 });
    index.observe(observed('a/b', ''), 400, 'subscription');
    expect(index.get('a/b')).toBeUndefined();
  });

  it('a complete scan replaces what lies under its filters only', () => {
    const index = new RetainedIndex();
    for (const t of ['a/1', 'a/2', 'b/1', '$SYS/x']) index.observe(observed(t, t), 1, 'subscription');
    const dropped = index.replaceUnder(['a/#'], [observed('a/2', 'new'), observed('a/3', 'x')], 2, 'scan');
    expect(dropped).toBe(1);
    expect(index.under('#').map((r) => r.topic).sort()).toEqual(['a/2', 'a/3', 'b/1']);
    // '#' does not reach $-topics (MQTT 3.1.1 §4.7.2), so a scan of '#' leaves them alone.
    index.replaceUnder(['#'], [], 3, 'scan');
    expect(index.under('$SYS/#').map((r) => r.topic)).toEqual(['$SYS/x']);
  });

  it('pages sorted by any column with the topic as tie-breaker, searched case-insensitively', () => {
    const index = new RetainedIndex();
    index.observe(observed('dev-10/t', 'aaaa', 1), 3, 'scan');
    index.observe(observed('dev-2/t', 'a', 2), 1, 'scan');
    index.observe(observed('dev-1/t', 'aa', 1), 2, 'scan');
    const page = (column: 'topic' | 'size' | 'qos' | 'firstSeenAt', descending = false, search = '') =>
      index.page({ filter: '#', search, sort: { column, descending }, start: 0, count: 10 }, none).rows.map((r) => r.topic);
    expect(page('topic')).toEqual(['dev-1/t', 'dev-2/t', 'dev-10/t']);
    expect(page('size', true)).toEqual(['dev-10/t', 'dev-1/t', 'dev-2/t']);
    expect(page('qos')).toEqual(['dev-1/t', 'dev-10/t', 'dev-2/t']);
    expect(page('firstSeenAt')).toEqual(['dev-2/t', 'dev-1/t', 'dev-10/t']);
    expect(page('topic', false, 'DEV-1')).toEqual(['dev-1/t', 'dev-10/t']);
    expect(index.page({ filter: '#', search: '', sort: { column: 'topic', descending: false }, start: 1, count: 1 }, none)).toMatchObject({ total: 3, rows: [{ topic: 'dev-2/t' }] });
  });
});
