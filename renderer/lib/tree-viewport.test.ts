import { describe, expect, it } from 'vitest';
import { nextTreeRequest, requestMargin, visibleRows, windowFor } from './tree-viewport';

const rowHeight = 22;

describe('visibleRows', () => {
  it('covers partly visible rows at both edges', () => {
    expect(visibleRows({ scrollTop: 0, height: 220, rowHeight })).toEqual({ start: 0, count: 10 });
    expect(visibleRows({ scrollTop: 11, height: 220, rowHeight })).toEqual({ start: 0, count: 11 });
  });

  it('asks for at least one row before the view has a height', () => {
    expect(visibleRows({ scrollTop: 0, height: 0, rowHeight })).toEqual({ start: 0, count: 1 });
  });
});

describe('windowFor', () => {
  it('adds a margin on both sides, clamped at the top', () => {
    expect(windowFor({ start: 0, count: 30 })).toEqual({ start: 0, count: 30 + requestMargin });
    expect(windowFor({ start: 1000, count: 30 })).toEqual({ start: 1000 - requestMargin, count: 30 + 2 * requestMargin });
  });

  it('never asks for more than the contract allows', () => {
    expect(windowFor({ start: 0, count: 5000 }).count).toBe(2000);
  });
});

describe('nextTreeRequest', () => {
  it('asks for a first window', () => {
    expect(nextTreeRequest(null, { scrollTop: 0, height: 440, rowHeight })).toEqual({ start: 0, count: 60 });
  });

  it('keeps the window while the view stays well inside it', () => {
    const current = { start: 0, count: 60 };
    expect(nextTreeRequest(current, { scrollTop: 5 * rowHeight, height: 440, rowHeight })).toBeNull();
  });

  it('renews the window when the view nears its edge', () => {
    const current = { start: 0, count: 60 };
    expect(nextTreeRequest(current, { scrollTop: 35 * rowHeight, height: 440, rowHeight })).toEqual({ start: 0, count: 95 });
    expect(nextTreeRequest(current, { scrollTop: 5000 * rowHeight, height: 440, rowHeight })).toEqual({
      start: 5000 - requestMargin,
      count: 20 + 2 * requestMargin,
    });
  });
});
