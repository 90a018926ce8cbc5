import { describe, expect, it } from 'vitest';
import { reuseRows } from './tree-rows';
import { sampleTreeRow } from '../../shared/tree-row-sample';

const row = sampleTreeRow;

describe('reuseRows', () => {
  it('keeps the previous object of a row that did not change', () => {
    const previous = [row('a'), row('b')];
    const next = reuseRows(previous, [row('a'), row('b', 2)]);
    expect(next[0]).toBe(previous[0]);
    expect(next[1]).not.toBe(previous[1]);
    expect(next[1].messageCount).toBe(2);
  });

  it('takes rows new to the window as they come, in the order of the new window', () => {
    const previous = [row('a'), row('b')];
    const fresh = row('c');
    const next = reuseRows(previous, [row('b'), fresh, row('a')]);
    expect(next).toEqual([row('b'), fresh, row('a')]);
    expect(next[0]).toBe(previous[1]);
    expect(next[1]).toBe(fresh);
  });

  it('tells an expanded row from a collapsed one', () => {
    const previous = [row('a')];
    expect(reuseRows(previous, [{ ...row('a'), expanded: true }])[0].expanded).toBe(true);
  });
});
