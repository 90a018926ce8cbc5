import { describe, expect, it } from 'vitest';
import { nextTreeRequest, requestMargin, screensAround, visibleRows, windowFor } from './tree-viewport';

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

describe('screensAround (the topic tree)', () => {
  const viewport = (firstRow: number) => ({ scrollTop: firstRow * rowHeight, height: 27 * rowHeight, rowHeight });

  it('asks for two screens on each side, and keeps that size at either end of the tree', () => {
    expect(nextTreeRequest(null, viewport(1000), screensAround(viewport(1000), 100_000))).toEqual({ start: 1000 - 54, count: 27 + 108 });
    expect(nextTreeRequest(null, viewport(0), screensAround(viewport(0), null))).toEqual({ start: 0, count: 135 });
    expect(nextTreeRequest(null, viewport(100_000 - 27), screensAround(viewport(100_000 - 27), 100_000))).toEqual({ start: 100_000 - 135, count: 135 });
  });

  it('so a scroll of up to two screens from the top lands on rows the view holds', () => {
    const window = nextTreeRequest(null, viewport(0), screensAround(viewport(0), 100_000))!;
    const after = visibleRows(viewport(100));
    expect(after.start + after.count).toBeLessThanOrEqual(window.start + window.count);
  });

  it('asks again when less than a screen remains on a side, not before', () => {
    const policy = screensAround(viewport(1000), 100_000);
    const window = nextTreeRequest(null, viewport(1000), policy)!;
    expect(nextTreeRequest(window, viewport(1000 + 27), policy)).toBeNull();
    expect(nextTreeRequest(window, viewport(1000 + 28), policy)).toEqual({ start: 1028 - 54, count: 135 });
    // A short tree is covered whole: nothing past its end to ask for.
    expect(nextTreeRequest({ start: 0, count: 135 }, viewport(0), screensAround(viewport(0), 30))).toBeNull();
  });
});
