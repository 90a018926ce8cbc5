import { describe, expect, it } from 'vitest';
import { renderedRows, scrollTopToShow } from './fixed-rows';

const rowHeight = 22;

describe('renderedRows', () => {
  it('renders the rows in view and the overscan, clamped to the count', () => {
    expect(renderedRows({ scrollTop: 0, height: 220 }, rowHeight, 1000, 8)).toEqual({ start: 0, end: 18 });
    expect(renderedRows({ scrollTop: 100 * rowHeight, height: 220 }, rowHeight, 1000, 8)).toEqual({ start: 92, end: 118 });
    expect(renderedRows({ scrollTop: 995 * rowHeight, height: 220 }, rowHeight, 1000, 8)).toEqual({ start: 987, end: 1000 });
  });

  it('costs the same for 100,000 rows as for 100', () => {
    expect(renderedRows({ scrollTop: 50_000 * rowHeight + 5, height: 440 }, rowHeight, 100_000, 8)).toEqual({ start: 49_992, end: 50_029 });
  });

  it('renders nothing for an empty tree, or a scroll position past a tree that shrank', () => {
    expect(renderedRows({ scrollTop: 0, height: 440 }, rowHeight, 0, 8)).toEqual({ start: 0, end: 0 });
    expect(renderedRows({ scrollTop: 5000 * rowHeight, height: 440 }, rowHeight, 10, 8)).toEqual({ start: 10, end: 10 });
  });
});

describe('scrollTopToShow', () => {
  const box = { scrollTop: 10 * rowHeight, height: 10 * rowHeight };

  it('leaves a row in view where it is', () => {
    expect(scrollTopToShow(10, box, rowHeight)).toBeNull();
    expect(scrollTopToShow(19, box, rowHeight)).toBeNull();
  });

  it('scrolls a row above to the top and a row below to the bottom', () => {
    expect(scrollTopToShow(9, box, rowHeight)).toBe(9 * rowHeight);
    expect(scrollTopToShow(20, box, rowHeight)).toBe(11 * rowHeight);
  });

  it('shows a row cut by the bottom edge wholly', () => {
    expect(scrollTopToShow(19, { scrollTop: 10 * rowHeight + 5, height: 10 * rowHeight }, rowHeight)).toBeNull();
    expect(scrollTopToShow(20, { scrollTop: 10 * rowHeight + 5, height: 10 * rowHeight }, rowHeight)).toBe(11 * rowHeight);
  });
});
