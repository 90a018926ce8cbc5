import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TreeRow, TreeWindow } from './contract';
import { applyTreeDelta, treeDelta } from './tree-delta';
import { sampleTreeRow } from './tree-row-sample';

const row = sampleTreeRow;
const window = (seq: number, rows: TreeRow[], start = 0, totalRows = 100): TreeWindow => ({ connectionId: 'c', seq, totalRows, start, rows });

describe('tree deltas', () => {
  it('carry only the rows that changed, and patching the old window gives the new one', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { maxLength: 30 }), fc.nat(200), ([...counts], total) => {
        const before = window(1, counts.map(([a], i) => row(`t/${i}`, a)));
        const after = window(2, counts.map(([, b], i) => row(`t/${i}`, b)), 0, total);
        const delta = treeDelta(before, after)!;
        expect(delta.rows.map((r) => r.at)).toEqual(counts.flatMap(([a, b], i) => (a === b ? [] : [i])));
        const patched = applyTreeDelta(before, delta)!;
        expect(patched).toEqual(after);
        // Rows the delta leaves out stay the same objects: their views need not render again.
        patched.rows.forEach((r, i) => {
          if (counts[i][0] === counts[i][1]) expect(r).toBe(before.rows[i]);
        });
      }),
    );
  });

  it('is refused when the window moved, changed length or holds other topics', () => {
    const before = window(1, [row('a'), row('b')]);
    expect(treeDelta(before, window(2, [row('a'), row('b')], 1))).toBeNull();
    expect(treeDelta(before, window(2, [row('a')]))).toBeNull();
    expect(treeDelta(before, window(2, [row('a'), row('c')]))).toBeNull();
    expect(treeDelta(before, { ...window(2, [row('a'), row('b')]), connectionId: 'other' })).toBeNull();
  });

  it('applies only to the window it follows', () => {
    const before = window(1, [row('a'), row('b')]);
    const delta = treeDelta(before, window(2, [row('a', 2), row('b')]))!;
    expect(applyTreeDelta(window(3, before.rows), delta)).toBeNull();
    expect(applyTreeDelta({ ...before, connectionId: 'other' }, delta)).toBeNull();
    expect(applyTreeDelta(window(1, [row('a')]), { ...delta, rows: [{ at: 1, row: row('b', 5) }] })).toBeNull();
  });
});
