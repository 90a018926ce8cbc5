// What the tree renders, in document order: the rows in view, and the row that holds the
// keyboard focus wherever it is. That row stays mounted when a scroll takes the view away
// from it, with a gap between it and the rows in view: the focus stays where it was (the
// next key acts from there), and Chromium is spared removing the focused element, which
// blurs it and lays out the page in the middle of the render that brings the new rows.
import type { TreeRow } from '../../shared/contract';

export type RenderedItem = { kind: 'row'; index: number; row: TreeRow } | { kind: 'gap'; rows: number };

export interface Rendered {
  /** The index of the first row rendered: the block starts there. */
  first: number;
  items: RenderedItem[];
}

export interface FocusedRow {
  index: number;
  row: TreeRow;
}

export function renderedItems(shownFirst: number, shown: readonly TreeRow[], focused: FocusedRow | null): Rendered {
  const rows: RenderedItem[] = shown.map((row, i) => ({ kind: 'row', index: shownFirst + i, row }));
  const end = shownFirst + shown.length;
  if (!focused || (focused.index >= shownFirst && focused.index < end) || shown.some((r) => r.path === focused.row.path)) return { first: shownFirst, items: rows };
  const own: RenderedItem = { kind: 'row', index: focused.index, row: focused.row };
  if (shown.length === 0) return { first: focused.index, items: [own] };
  if (focused.index < shownFirst) return { first: focused.index, items: [own, ...gap(shownFirst - focused.index - 1), ...rows] };
  return { first: shownFirst, items: [...rows, ...gap(focused.index - end), own] };
}

function gap(rows: number): RenderedItem[] {
  return rows > 0 ? [{ kind: 'gap', rows }] : [];
}
