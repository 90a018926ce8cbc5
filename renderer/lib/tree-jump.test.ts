import { describe, expect, it } from 'vitest';
import { planJump } from './tree-jump';

const rowHeight = 22;
const box = { scrollTop: 100 * rowHeight, height: 10 * rowHeight };

describe('planJump', () => {
  it('moves at once within the rows the window holds', () => {
    expect(planJump(105, box, rowHeight, { start: 60, count: 90 }, 100_000)).toEqual({ scrollTop: 100 * rowHeight, held: true });
    expect(planJump(120, box, rowHeight, { start: 60, count: 90 }, 100_000)).toEqual({ scrollTop: 111 * rowHeight, held: true });
  });

  it('waits for the rows of a view past the window (End, Home, a long page)', () => {
    expect(planJump(99_999, box, rowHeight, { start: 60, count: 90 }, 100_000)).toEqual({ scrollTop: 99_990 * rowHeight, held: false });
    expect(planJump(0, box, rowHeight, { start: 60, count: 90 }, 100_000)).toEqual({ scrollTop: 0, held: false });
    expect(planJump(149, box, rowHeight, { start: 60, count: 90 }, 100_000).held).toBe(true);
    expect(planJump(150, box, rowHeight, { start: 60, count: 90 }, 100_000).held).toBe(false);
    // A view that shows part of a row past the window needs it too.
    expect(planJump(100, { scrollTop: 99.5 * rowHeight, height: 10 * rowHeight }, rowHeight, { start: 100, count: 90 }, 100_000).held).toBe(false);
  });

  it('counts rows past the end of the tree as held', () => {
    expect(planJump(19, { scrollTop: 0, height: 30 * rowHeight }, rowHeight, { start: 0, count: 20 }, 20).held).toBe(true);
  });
});
