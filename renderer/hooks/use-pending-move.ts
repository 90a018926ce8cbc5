// A focus move that waits for the core's answer, so that the tree changes once, in the
// frame that shows the answer: a key that jumps to rows not received yet (End, Home)
// scrolls when they are here, and a click on a chevron focuses its row when the rows it
// opens or closes come, rather than drawing a frame for the focus alone first.
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { TreeRow } from '../../shared/contract';
import { rowAt } from '../stores/tree-store';

export interface PendingMove {
  index: number;
  /** Where to scroll once the rows are here; null: the row is in view already. */
  scrollTop: number | null;
}

/** How long a move waits for its rows before it goes ahead anyway (a core busy with a flood). */
const waitMs = 150;

/**
 * `land` carries out a move, in the render that brings the rows its row is in (or after
 * waitMs). Returns `wait`, which starts a move (replacing any still waiting).
 */
export function usePendingMove(start: number, rows: TreeRow[], land: (move: PendingMove) => void): (move: PendingMove) => void {
  const pending = useRef<{ move: PendingMove; timer: ReturnType<typeof setTimeout> } | null>(null);
  const landRef = useRef(land);
  landRef.current = land;

  const settle = useCallback(() => {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    pending.current = null;
    landRef.current(p.move);
  }, []);

  // A layout effect: what the move changes renders before the frame that shows the rows.
  useLayoutEffect(() => {
    const p = pending.current;
    if (p && rowAt({ start, rows }, p.move.index)) settle();
  }, [start, rows, settle]);

  useEffect(() => () => clearTimeout(pending.current?.timer), []);

  return useCallback(
    (move: PendingMove) => {
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { move, timer: setTimeout(settle, waitMs) };
    },
    [settle],
  );
}
