import { describe, expect, it } from 'vitest';
import { secondsUntil, statusText, statusTone } from './connection-status-text';

describe('statusText', () => {
  const now = 1_700_000_000_000;

  it('words each state', () => {
    expect(statusText({ kind: 'connecting', attempt: 1 }, now)).toBe('Connecting…');
    expect(statusText({ kind: 'connected', since: now }, now)).toBe('Connected');
    expect(statusText({ kind: 'disconnected' }, now)).toBe('Disconnected');
    expect(statusText({ kind: 'failed', reason: 'Bad User Name or Password (0x86)', code: 0x86 }, now)).toBe(
      'Failed: Bad User Name or Password (0x86)',
    );
  });

  it('counts down to the next reconnect try', () => {
    const status = { kind: 'reconnecting', attempt: 3, nextRetryAt: now + 4200, lastError: 'ECONNREFUSED' } as const;
    expect(statusText(status, now)).toBe('Reconnecting (attempt 3, next try in 5 s)');
    expect(statusText(status, now + 3300)).toBe('Reconnecting (attempt 3, next try in 1 s)');
    expect(statusText(status, now + 9000)).toBe('Reconnecting (attempt 3, next try in 0 s)');
  });
});

describe('secondsUntil', () => {
  it('rounds up and never goes negative', () => {
    expect(secondsUntil(1001, 0)).toBe(2);
    expect(secondsUntil(1000, 0)).toBe(1);
    expect(secondsUntil(0, 5000)).toBe(0);
  });
});

describe('statusTone', () => {
  it('colours by how healthy the link is', () => {
    expect(statusTone({ kind: 'connected', since: 0 })).toBe('ok');
    expect(statusTone({ kind: 'reconnecting', attempt: 1, nextRetryAt: 0, lastError: null })).toBe('busy');
    expect(statusTone({ kind: 'failed', reason: 'x', code: null })).toBe('bad');
    expect(statusTone({ kind: 'disconnected' })).toBe('off');
  });
});
