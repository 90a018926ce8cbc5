import { describe, expect, it } from 'vitest';
import { treeKeyAction, type NavRow } from './tree-keyboard';

// sensors (expanded) / sensors/a (expanded) / sensors/a/t / sensors/b / status
const rows: NavRow[] = [
  { path: 'sensors', depth: 0, expanded: true, childCount: 2 },
  { path: 'sensors/a', depth: 1, expanded: true, childCount: 1 },
  { path: 'sensors/a/t', depth: 2, expanded: false, childCount: 0 },
  { path: 'sensors/b', depth: 1, expanded: false, childCount: 3 },
  { path: 'status', depth: 0, expanded: false, childCount: 0 },
];
const rowAt = (i: number) => rows[i];
const act = (key: string, index: number, extra: { shiftKey?: boolean } = {}) =>
  treeKeyAction({ key, index, totalRows: rows.length, rowAt, ...extra });

describe('treeKeyAction', () => {
  it('moves up and down and stops at the ends', () => {
    expect(act('ArrowDown', 0)).toEqual({ kind: 'focus', index: 1 });
    expect(act('ArrowUp', 1)).toEqual({ kind: 'focus', index: 0 });
    expect(act('ArrowUp', 0)).toEqual({ kind: 'none' });
    expect(act('ArrowDown', 4)).toEqual({ kind: 'none' });
  });

  it('jumps to the first and last row with Home and End', () => {
    expect(act('Home', 3)).toEqual({ kind: 'focus', index: 0 });
    expect(act('End', 1)).toEqual({ kind: 'focus', index: 4 });
  });

  it('jumps to rows outside the window by index', () => {
    const action = treeKeyAction({ key: 'End', index: 0, totalRows: 100_000, rowAt });
    expect(action).toEqual({ kind: 'focus', index: 99_999 });
  });

  it('expands a collapsed node with Right, then moves to its first child', () => {
    expect(act('ArrowRight', 3)).toEqual({ kind: 'expand', path: 'sensors/b', recursive: false });
    expect(act('ArrowRight', 0)).toEqual({ kind: 'focus', index: 1 });
  });

  it('expands everything below with Shift+Right', () => {
    expect(act('ArrowRight', 0, { shiftKey: true })).toEqual({ kind: 'expand', path: 'sensors', recursive: true });
  });

  it('does nothing on Right for a leaf', () => {
    expect(act('ArrowRight', 2)).toEqual({ kind: 'none' });
  });

  it('collapses an expanded node with Left, else moves to the parent', () => {
    expect(act('ArrowLeft', 1)).toEqual({ kind: 'collapse', path: 'sensors/a' });
    expect(act('ArrowLeft', 2)).toEqual({ kind: 'focus', index: 1 });
    expect(act('ArrowLeft', 3)).toEqual({ kind: 'focus', index: 0 });
    expect(act('ArrowLeft', 4)).toEqual({ kind: 'none' });
  });

  it('gives up on the parent when it lies outside the known window', () => {
    const windowed = (i: number) => (i >= 2 ? rows[i] : undefined);
    expect(treeKeyAction({ key: 'ArrowLeft', index: 2, totalRows: 5, rowAt: windowed })).toEqual({ kind: 'none' });
  });

  it('selects with Enter and Space', () => {
    expect(act('Enter', 2)).toEqual({ kind: 'select', path: 'sensors/a/t' });
    expect(act(' ', 4)).toEqual({ kind: 'select', path: 'status' });
  });

  it('ignores other keys and empty trees', () => {
    expect(act('a', 0)).toEqual({ kind: 'none' });
    expect(treeKeyAction({ key: 'ArrowDown', index: 0, totalRows: 0, rowAt: () => undefined })).toEqual({ kind: 'none' });
  });
});
