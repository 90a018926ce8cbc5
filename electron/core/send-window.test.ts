import { describe, expect, it } from 'vitest';
import { SendWindow } from './send-window';

describe('SendWindow', () => {
  it('lets at most the limit through and the rest in order as slots free', async () => {
    const w = new SendWindow(2);
    const order: number[] = [];
    const all = [1, 2, 3, 4, 5].map((n) => w.acquire().then(() => order.push(n)));
    await Promise.resolve();
    expect(order).toEqual([1, 2]);
    expect([w.used, w.queued]).toEqual([2, 3]);
    w.release();
    await Promise.resolve();
    expect(order).toEqual([1, 2, 3]);
    w.setLimit(10);
    await Promise.all(all);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(w.used).toBe(4); // five acquired, one released
  });
});
