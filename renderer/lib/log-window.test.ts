import { describe, expect, it } from 'vitest';
import { anchorShift, isAtBottom, logKeyTarget, nextLogRequest, rowOf, tailAhead } from './log-window';

const rowHeight = 20;

describe('nextLogRequest', () => {
  it('reads back like the tree: rows around the viewport', () => {
    expect(nextLogRequest(null, { scrollTop: 2000, height: 400, rowHeight, totalRows: 10_000, following: false })).toEqual({ start: 60, count: 100 });
  });

  it('following, covers the tail and rows still to come', () => {
    const r = nextLogRequest(null, { scrollTop: 0, height: 400, rowHeight, totalRows: 5000, following: true });
    expect(r).toEqual({ start: 5000 - 20 - 40, count: 20 + 40 + tailAhead });
  });

  it('following, does not ask again while new rows stay inside the request', () => {
    const first = nextLogRequest(null, { scrollTop: 0, height: 400, rowHeight, totalRows: 5000, following: true });
    expect(nextLogRequest(first, { scrollTop: 0, height: 400, rowHeight, totalRows: 5120, following: true })).toBeNull();
    expect(nextLogRequest(first, { scrollTop: 0, height: 400, rowHeight, totalRows: 5200, following: true })).not.toBeNull();
  });

  it('starts at row 0 for a short log', () => {
    expect(nextLogRequest(null, { scrollTop: 0, height: 400, rowHeight, totalRows: 3, following: true })?.start).toBe(0);
  });
});

describe('isAtBottom', () => {
  it('allows a few pixels of rounding', () => {
    expect(isAtBottom(597, 400, 1000)).toBe(true);
    expect(isAtBottom(500, 400, 1000)).toBe(false);
  });
});

describe('anchorShift', () => {
  it('finds how far the top row moved when older rows were evicted', () => {
    expect(anchorShift({ key: 107, index: 40 }, 30, [100, 101, 102, 103, 104, 105, 106, 107])).toBe(-3);
  });

  it('is 0 without an anchor or when the row is gone', () => {
    expect(anchorShift(null, 0, [1])).toBe(0);
    expect(anchorShift({ key: 9, index: 0 }, 0, [1, 2])).toBe(0);
  });
});

describe('rowOf', () => {
  it('reads a row by its absolute index', () => {
    expect(rowOf({ start: 10, rows: ['a', 'b'] }, 11)).toBe('b');
    expect(rowOf({ start: 10, rows: ['a', 'b'] }, 12)).toBeUndefined();
  });
});

describe('logKeyTarget', () => {
  it('moves by one, by a page and to either end, clamped', () => {
    expect(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'].map((k) => logKeyTarget(k, 5, 10, 100))).toEqual([6, 4, 15, 0, 0, 99]);
    expect(logKeyTarget('ArrowDown', 99, 10, 100)).toBe(99);
    expect(logKeyTarget('Enter', 5, 10, 100)).toBeNull();
  });
});
