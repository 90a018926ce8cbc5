// What a key does in the topic tree (WAI-ARIA tree view pattern). Pure, so the rules
// are tested without a DOM; the view only carries out the returned action.
// Only the rows of the current window are known: rowAt returns undefined elsewhere.

export interface NavRow {
  path: string;
  depth: number;
  expanded: boolean;
  childCount: number;
}

export type TreeKeyAction =
  | { kind: 'focus'; index: number }
  | { kind: 'expand'; path: string; recursive: boolean }
  | { kind: 'collapse'; path: string }
  | { kind: 'select'; path: string }
  | { kind: 'none' };

export interface TreeKeyInput {
  key: string;
  shiftKey?: boolean;
  index: number;
  totalRows: number;
  rowAt: (index: number) => NavRow | undefined;
}

const none: TreeKeyAction = { kind: 'none' };

export function treeKeyAction({ key, shiftKey = false, index, totalRows, rowAt }: TreeKeyInput): TreeKeyAction {
  if (totalRows === 0) return none;
  const last = totalRows - 1;
  const clamp = (i: number): TreeKeyAction => {
    const target = Math.min(last, Math.max(0, i));
    return target === index ? none : { kind: 'focus', index: target };
  };
  const row = rowAt(index);
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'Home':
      return clamp(0);
    case 'End':
      return clamp(last);
    case 'PageDown':
      return clamp(index + 20);
    case 'PageUp':
      return clamp(index - 20);
    case 'ArrowRight':
      if (!row || row.childCount === 0) return none;
      if (!row.expanded || shiftKey) return { kind: 'expand', path: row.path, recursive: shiftKey };
      return clamp(index + 1);
    case 'ArrowLeft':
      if (!row) return none;
      if (row.expanded && row.childCount > 0) return { kind: 'collapse', path: row.path };
      return parentAction(row, index, rowAt);
    case 'Enter':
    case ' ':
      return row ? { kind: 'select', path: row.path } : none;
    default:
      return none;
  }
}

// The parent is the nearest row above with a smaller depth; it may lie outside the window.
function parentAction(row: NavRow, index: number, rowAt: (i: number) => NavRow | undefined): TreeKeyAction {
  if (row.depth === 0) return none;
  for (let i = index - 1; i >= 0; i--) {
    const above = rowAt(i);
    if (!above) return none;
    if (above.depth < row.depth) return { kind: 'focus', index: i };
  }
  return none;
}
