import { describe, expect, it } from 'vitest';
import { ariaSort, defaultRetainedSort, nextSort } from './retained-sort';

describe('retained table sorting', () => {
  it('starts by topic, A to Z', () => {
    expect(defaultRetainedSort).toEqual({ column: 'topic', descending: false });
    expect(ariaSort(defaultRetainedSort, 'topic')).toBe('ascending');
    expect(ariaSort(defaultRetainedSort, 'size')).toBe('none');
  });

  it('flips the order on a second click of the same column', () => {
    const desc = nextSort(defaultRetainedSort, 'topic');
    expect(desc).toEqual({ column: 'topic', descending: true });
    expect(ariaSort(desc, 'topic')).toBe('descending');
    expect(nextSort(desc, 'topic')).toEqual(defaultRetainedSort);
  });

  it('opens size and the times largest or newest first, text and QoS ascending', () => {
    expect(nextSort(defaultRetainedSort, 'size')).toEqual({ column: 'size', descending: true });
    expect(nextSort(defaultRetainedSort, 'firstSeenAt')).toEqual({ column: 'firstSeenAt', descending: true });
    expect(nextSort(defaultRetainedSort, 'setAt')).toEqual({ column: 'setAt', descending: true });
    expect(nextSort({ column: 'size', descending: true }, 'qos')).toEqual({ column: 'qos', descending: false });
    expect(nextSort({ column: 'size', descending: true }, 'setBy')).toEqual({ column: 'setBy', descending: false });
  });
});
