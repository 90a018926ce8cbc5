import { describe, expect, it } from 'vitest';
import { renderedItems } from './tree-rendered';
import { sampleTreeRow } from '../../shared/tree-row-sample';

const row = sampleTreeRow;
const shown = [row('a'), row('b'), row('c')];
const summary = (r: ReturnType<typeof renderedItems>) => ({ first: r.first, items: r.items.map((i) => (i.kind === 'row' ? `${i.index}:${i.row.path}` : `gap ${i.rows}`)) });

describe('renderedItems', () => {
  it('renders the rows in view, the focused one among them', () => {
    expect(summary(renderedItems(10, shown, null))).toEqual({ first: 10, items: ['10:a', '11:b', '12:c'] });
    expect(summary(renderedItems(10, shown, { index: 11, row: shown[1] }))).toEqual({ first: 10, items: ['10:a', '11:b', '12:c'] });
  });

  it('keeps the focused row in its place, in document order, when the view is elsewhere', () => {
    expect(summary(renderedItems(10, shown, { index: 0, row: row('f') }))).toEqual({ first: 0, items: ['0:f', 'gap 9', '10:a', '11:b', '12:c'] });
    expect(summary(renderedItems(10, shown, { index: 9, row: row('f') }))).toEqual({ first: 9, items: ['9:f', '10:a', '11:b', '12:c'] });
    expect(summary(renderedItems(10, shown, { index: 100, row: row('f') }))).toEqual({ first: 10, items: ['10:a', '11:b', '12:c', 'gap 87', '100:f'] });
    expect(summary(renderedItems(10, [], { index: 100, row: row('f') }))).toEqual({ first: 100, items: ['100:f'] });
  });

  it('renders a row once even when the focused one moved among the rows in view', () => {
    expect(summary(renderedItems(10, shown, { index: 3, row: shown[2] }))).toEqual({ first: 10, items: ['10:a', '11:b', '12:c'] });
  });
});
