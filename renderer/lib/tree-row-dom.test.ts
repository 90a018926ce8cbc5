// The row patched from any state is the row built for that state: what the view shows
// does not depend on what the element showed before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TreeRow } from '../../shared/contract';
import { FakeDocument, serialise, type FakeElement } from './fake-dom';
import { createRow, patchRow, rowStateOf, type RowState } from './tree-row-dom';

const doc = new FakeDocument();
const create = (s: RowState) => createRow(doc as unknown as Document, s) as unknown as FakeElement;
const patch = (el: FakeElement, s: RowState) => patchRow(el as unknown as HTMLElement, s);

const row: fc.Arbitrary<TreeRow> = fc.record({
  path: fc.constantFrom('a', 'a/b', 'a//c'),
  name: fc.constantFrom('a', 'b', ''),
  depth: fc.nat(3),
  expanded: fc.boolean(),
  childCount: fc.constantFrom(0, 3),
  topicCount: fc.nat(2000),
  messageCount: fc.nat(2000),
  ownMessageCount: fc.nat(5),
  preview: fc.constantFrom(null, '21.5', '{"v": 1}'),
  previewFormat: fc.constantFrom(null, 'text', 'json', 'binary'),
  retained: fc.boolean(),
  changedAt: fc.nat(3),
});
const state: fc.Arbitrary<RowState> = fc.record({ row, index: fc.nat(100), selected: fc.boolean(), tabbable: fc.boolean(), flashing: fc.boolean() });

describe('tree rows as DOM', () => {
  it('a row patched from any state reads as the row built for the new one', () => {
    fc.assert(
      fc.property(state, state, (before, after) => {
        const el = create(before);
        patch(el, after);
        expect(serialise(el)).toBe(serialise(create(after)));
        expect(rowStateOf(el as unknown as Element)).toBe(after);
      }),
      { numRuns: 500 },
    );
  });

  it('builds the row the tree pattern and the tests expect', () => {
    const el = create({
      row: { path: 's/lab', name: 'lab', depth: 1, expanded: true, childCount: 2, topicCount: 2, messageCount: 1200, ownMessageCount: 0, preview: null, previewFormat: null, retained: true, changedAt: 5 },
      index: 7,
      selected: true,
      tabbable: true,
      flashing: false,
    });
    expect(serialise(el)).toBe(
      '<div aria-expanded="true" aria-label="lab" aria-level="2" aria-selected="true" class="tree-row selected" data-index="7" role="treeitem" style.paddingLeft="16px" tabindex="0">' +
        '<span aria-hidden="true" class="tree-chevron">▾</span><span class="tree-name">lab</span><span class="tree-counts">2 topics · 1,200 msgs</span>' +
        '<span class="tree-retained" title="Latest message is retained">R</span></div>',
    );
  });

  it('restarts the flash only for a new change, so the animation plays once per change', () => {
    const base: RowState = { row: { path: 't', name: 't', depth: 0, expanded: false, childCount: 0, topicCount: 1, messageCount: 1, ownMessageCount: 1, preview: 'x', previewFormat: 'text', retained: false, changedAt: 1 }, index: 0, selected: false, tabbable: false, flashing: true };
    const el = create(base);
    const flash = el.children[0];
    patch(el, { ...base, selected: true });
    expect(el.children[0]).toBe(flash);
    patch(el, { ...base, row: { ...base.row, changedAt: 2, messageCount: 2 } });
    expect(el.children[0]).not.toBe(flash);
    expect(el.children[0].className).toBe('tree-flash');
  });
});
