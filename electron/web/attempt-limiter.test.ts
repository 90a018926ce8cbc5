import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from './attempt-limiter';

describe('AttemptLimiter', () => {
  it('locks an address out after too many wrong tokens in the window, for the lock time, and others not', () => {
    let now = 0;
    const limiter = new AttemptLimiter({ max: 3, windowMs: 1000, lockMs: 5000 }, () => now);
    for (let i = 0; i < 3; i++) limiter.failed('a');
    expect(limiter.lockedFor('a')).toBe(0);
    limiter.failed('a');
    expect(limiter.lockedFor('a')).toBe(5000);
    expect(limiter.lockedFor('b')).toBe(0);
    now = 4000;
    expect(limiter.lockedFor('a')).toBe(1000);
    now = 5000;
    expect(limiter.lockedFor('a')).toBe(0);
  });

  it('counts only failures within the window', () => {
    let now = 0;
    const limiter = new AttemptLimiter({ max: 3, windowMs: 1000, lockMs: 5000 }, () => now);
    for (let i = 0; i < 10; i++) {
      limiter.failed('a');
      now += 400;
    }
    expect(limiter.lockedFor('a')).toBe(0);
  });
});
