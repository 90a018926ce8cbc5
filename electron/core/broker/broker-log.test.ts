import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrokerLog } from './broker-log';

describe('BrokerLog', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the first event of a kind at once and sums a burst into one line a second later', () => {
    const lines: string[] = [];
    const log = new BrokerLog((l) => lines.push(l), () => Date.now());
    log.add('sign-in', 'refused "a": wrong password.');
    for (let i = 0; i < 999; i++) log.add('sign-in', `refused "b${i}": wrong password.`);
    log.add('packet-size', 'closed "c": too big.');
    expect(lines).toEqual(['Embedded broker: refused "a": wrong password.', 'Embedded broker: closed "c": too big.']);
    vi.advanceTimersByTime(1000);
    expect(lines[2]).toBe('Embedded broker: refused "b998": wrong password (and 998 more like it within a second).');
    expect(log.counts['sign-in']).toBe(1000);
    expect(log.total()).toBe(1001);
    expect(log.events().map((e) => e.count)).toEqual([1, 1, 999]);
  });

  it('keeps the latest 50 lines and writes what it holds on flush', () => {
    const lines: string[] = [];
    const log = new BrokerLog((l) => lines.push(l), () => Date.now());
    for (let i = 0; i < 60; i++) {
      log.add('protocol', `event ${i}`);
      vi.advanceTimersByTime(1000);
    }
    log.add('protocol', 'held');
    log.add('protocol', 'held too');
    log.flush();
    expect(lines.at(-1)).toBe('Embedded broker: held too');
    expect(log.events()).toHaveLength(50);
    expect(log.total()).toBe(62);
  });
});
