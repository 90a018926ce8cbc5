import { describe, expect, it } from 'vitest';
import { SeqRing } from './seq-ring';

describe('SeqRing', () => {
  it('grows to its capacity, then evicts the oldest and counts them', () => {
    const ring = new SeqRing<number>(3000);
    for (let i = 0; i < 5000; i++) expect(ring.push(i * 10)).toBe(i);
    expect(ring.count).toBe(3000);
    expect(ring.evicted).toBe(2000);
    expect(ring.get(1999)).toBeUndefined();
    expect(ring.get(2000)).toBe(20000);
    expect(ring.get(4999)).toBe(49990);
    expect([...ring.values()].slice(0, 2)).toEqual([20000, 20010]);
  });

  it('keeps the newest entries when the capacity shrinks or grows', () => {
    const ring = new SeqRing<number>(100);
    for (let i = 0; i < 150; i++) ring.push(i);
    ring.setCapacity(10);
    expect([...ring.values()]).toEqual([140, 141, 142, 143, 144, 145, 146, 147, 148, 149]);
    expect(ring.get(145)).toBe(145);
    ring.setCapacity(2000);
    for (let i = 150; i < 1200; i++) ring.push(i);
    expect(ring.count).toBe(1060);
    expect(ring.get(140)).toBe(140);
    expect(ring.get(1199)).toBe(1199);
  });
});
