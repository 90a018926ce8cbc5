import { describe, expect, it } from 'vitest';
import { answerTimeoutMs } from './request-timeouts';

describe('answerTimeoutMs', () => {
  it('gives requests that wait on the network their own wait on top of the base', () => {
    expect(answerTimeoutMs('publish', {}, 30_000)).toBe(30_000);
    expect(answerTimeoutMs('sendRequest', { timeoutMs: 600_000 }, 30_000)).toBe(630_000);
    expect(answerTimeoutMs('scanRetained', { timeoutMs: 120_000 }, 30_000)).toBe(160_000);
    expect(answerTimeoutMs('scanRetained', {}, 30_000)).toBe(70_000);
    expect(answerTimeoutMs('clearRetained', { topics: ['a'] }, 30_000)).toBeGreaterThan(600_000);
  });
});
