// The row whose element holds the DOM focus, which the tree keeps rendered wherever the
// view goes (tree-rendered), as the window has it now or as it was when the window last
// held it: the same object while it does not change, so that nothing renders again.
import { useMemo, useRef, useState } from 'react';
import type { TreeRow } from '../../shared/contract';
import type { FocusedRow } from '../lib/tree-rendered';
import { rowAt } from '../stores/tree-store';

export interface FocusedRowState {
  focusedRow: FocusedRow | null;
  /** A row's element took the focus. */
  focused(index: number, row: TreeRow): void;
  /** The focus left the tree. */
  left(): void;
}

export function useFocusedRow(start: number, rows: TreeRow[], totalRows: number): FocusedRowState {
  const [domFocus, setDomFocus] = useState<FocusedRow | null>(null);
  const seenRef = useRef<FocusedRow | null>(null);
  const focusedRow = useMemo<FocusedRow | null>(() => {
    if (!domFocus || domFocus.index >= totalRows) return null;
    const last = seenRef.current;
    const seen = last?.index === domFocus.index && last.row.path === domFocus.row.path ? last : domFocus;
    const current = rowAt({ start, rows }, domFocus.index);
    if (current?.path !== domFocus.row.path || current === seen.row) return seen;
    seenRef.current = { index: domFocus.index, row: current };
    return seenRef.current;
  }, [domFocus, start, rows, totalRows]);
  return {
    focusedRow,
    focused: (index, row) => setDomFocus((f) => (f?.index === index && f.row === row ? f : { index, row })),
    left: () => setDomFocus(null),
  };
}
