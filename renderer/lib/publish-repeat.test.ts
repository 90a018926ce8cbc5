import { describe, expect, it } from 'vitest';
import type { RepeatState } from '../../shared/publish-contract';
import { parseRepeat, repeatProgressText, repeatStateText, repeatToShow } from './publish-repeat';

function repeat(patch: Partial<RepeatState>): RepeatState {
  return { id: 'r1', connectionId: 'c1', topic: 't', qos: 0, intervalMs: 20, total: 20, sent: 0, failed: 0, state: 'running', lastError: null, startedAt: 0, endedAt: null, ...patch };
}

describe('parseRepeat', () => {
  it('takes whole numbers within the contract limits, and names the field of each problem', () => {
    expect(parseRepeat({ everyMs: '20', times: '20' })).toEqual({ value: { intervalMs: 20, count: 20 }, problems: {} });
    const bad = parseRepeat({ everyMs: '0', times: '10000001' });
    expect(bad.value).toBeNull();
    expect(Object.keys(bad.problems).sort()).toEqual(['count', 'intervalMs']);
    expect(parseRepeat({ everyMs: '2.5', times: '1' }).problems.intervalMs).toContain('whole number');
  });
});

describe('repeat progress', () => {
  it('says how many were sent of how many, and the failures', () => {
    expect(repeatProgressText(repeat({ sent: 20 }))).toBe('sent 20 of 20');
    expect(repeatProgressText(repeat({ sent: 1200, failed: 3, total: 5000 }))).toBe('sent 1,200 of 5,000, 3 failed');
    expect(repeatStateText(repeat({ state: 'stopped' }))).toBe('Stopped');
  });

  it('shows the own repeat, else the newest running one of the connection', () => {
    const own = repeat({ id: 'own', state: 'done' });
    const other = repeat({ id: 'other', startedAt: 5 });
    const older = repeat({ id: 'older', startedAt: 1 });
    const elsewhere = repeat({ id: 'elsewhere', connectionId: 'c2', startedAt: 9 });
    expect(repeatToShow([own, other], 'c1', 'own')?.id).toBe('own');
    expect(repeatToShow([older, other, elsewhere], 'c1', 'gone')?.id).toBe('other');
    expect(repeatToShow([own], 'c1', null)).toBeNull();
    expect(repeatToShow([own], 'c2', 'own')).toBeNull();
  });
});
