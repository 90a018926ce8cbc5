// The topic tree of one connection. The core sends only the rows around the viewport
// (viewTree); rows not received yet show as placeholder bars, drawn by the tree's own
// background (tree.css), so they cost no element each and scrolling to them renders
// nothing. Keyboard focus is a roving tabindex over the rendered rows, following the
// WAI-ARIA tree view pattern; a key that moves it to rows not received yet asks for them
// first and moves once they are here (tree-jump).
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { TreeRow } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { report, selectTopic, setExpanded } from '../app/actions';
import { useFixedRows } from '../hooks/use-fixed-rows';
import { useFocusedRow } from '../hooks/use-focused-row';
import { usePendingMove, type PendingMove } from '../hooks/use-pending-move';
import { useShownRows } from '../hooks/use-shown-rows';
import { planJump } from '../lib/tree-jump';
import { renderedItems } from '../lib/tree-rendered';
import { treeRowHeight } from '../lib/tree-row-dom';
import { treeKeyAction } from '../lib/tree-keyboard';
import { nextTreeRequest, screensAround, type RowRange, type Viewport } from '../lib/tree-viewport';
import { selectedTopicOf, useSelectionStore } from '../stores/selection-store';
import { rowAt, useTreeStore } from '../stores/tree-store';
import { TreeRowsBlock } from './tree-rows-block';

interface Focus {
  index: number;
  path: string | null;
}

/**
 * Rows rendered beyond each edge of the view, so a short scroll shows rows at once. Few:
 * every one of them is built and laid out on each expand and each jump, and the rows of
 * a scroll render in the scroll's own frame (use-fixed-rows).
 */
const overscan = 3;

export function TopicTree({ connectionId }: { connectionId: string }) {
  const api = useApi();
  const totalRows = useTreeStore((s) => s.totalRows);
  const start = useTreeStore((s) => s.start);
  const rows = useTreeStore((s) => s.rows);
  const flash = useTreeStore((s) => s.flash);
  const selectedTopic = useSelectionStore(selectedTopicOf);
  const scrollRef = useRef<HTMLDivElement>(null);
  const requested = useRef<RowRange | null>(null);
  const [focus, setFocusState] = useState<Focus>({ index: 0, path: null });
  // A click on a row focuses it and then acts on it: the same focus twice must not render the tree twice.
  const setFocus = useCallback((next: Focus) => setFocusState((f) => (f.index === next.index && f.path === next.path ? f : next)), []);
  /** The row a keyboard move or a jump is to focus once it is rendered. */
  const wantFocus = useRef<number | null>(null);

  /** Asks for the rows around the view, or around where a jump will take it. */
  const requestWindow = useCallback(
    (force: boolean, scrollTop?: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const viewport: Viewport = { scrollTop: scrollTop ?? el.scrollTop, height: el.clientHeight, rowHeight: treeRowHeight };
      const next = nextTreeRequest(force ? null : requested.current, viewport, screensAround(viewport, useTreeStore.getState().totalRows));
      if (!next) return;
      requested.current = next;
      report('Could not load the topic tree', api.viewTree({ connectionId, ...next }));
    },
    [api, connectionId],
  );

  const inView = useFixedRows(scrollRef, totalRows ?? 0, treeRowHeight, overscan, () => requestWindow(false));
  const { scrollToIndex, scrollTo } = inView;

  useEffect(() => requestWindow(true), [requestWindow]);

  // A delta that does not fit the window held (it followed another one): ask for the window whole.
  const stale = useTreeStore((s) => s.stale);
  useEffect(() => {
    if (!stale) return;
    useTreeStore.getState().markFresh();
    requestWindow(true);
  }, [stale, requestWindow]);

  // Rows inserted or removed above the focused row shift its index: follow its path.
  useEffect(() => {
    if (focus.path === null || rowAt({ start, rows }, focus.index)?.path === focus.path) return;
    const found = rows.findIndex((r) => r.path === focus.path);
    if (found >= 0) setFocus({ index: start + found, path: focus.path });
  }, [start, rows, focus, setFocus]);

  // Keyboard moves may target a row that is not rendered yet; focus it once it is.
  useEffect(() => {
    if (wantFocus.current !== focus.index) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[role="treeitem"][data-index="${focus.index}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      wantFocus.current = null;
    }
  });

  // Scroll, rows and focus change in one render, the one that brings the rows. A row in
  // view (a chevron's) takes the focus at once: onFocus then updates both focus states
  // in one render more, rather than one for the roving index and one for the DOM focus.
  const waitForRows = usePendingMove(start, rows, (move: PendingMove) => {
    const el = move.scrollTop === null ? scrollRef.current?.querySelector<HTMLElement>(`[role="treeitem"][data-index="${move.index}"]`) : null;
    if (el) {
      el.focus({ preventScroll: true });
      return;
    }
    setFocus({ index: move.index, path: rowAt(useTreeStore.getState(), move.index)?.path ?? null });
    wantFocus.current = move.index;
    if (move.scrollTop !== null) scrollTo(move.scrollTop);
  });

  const moveFocus = useCallback(
    (index: number) => {
      const s = useTreeStore.getState();
      const el = scrollRef.current;
      const plan = el && planJump(index, { scrollTop: el.scrollTop, height: el.clientHeight }, treeRowHeight, { start: s.start, count: s.rows.length }, s.totalRows ?? 0);
      if (plan && !plan.held) {
        waitForRows({ index, scrollTop: plan.scrollTop });
        requestWindow(true, plan.scrollTop);
        return;
      }
      setFocus({ index, path: rowAt(s, index)?.path ?? null });
      wantFocus.current = index;
      scrollToIndex(index);
    },
    [scrollToIndex, setFocus, waitForRows, requestWindow],
  );

  const onActivate = useCallback(
    (index: number, row: TreeRow) => {
      setFocus({ index, path: row.path });
      selectTopic(api, connectionId, row.path);
    },
    [api, connectionId, setFocus],
  );

  // The chevron does not take the focus on mousedown (tree-rows-block): its row takes it with the rows it opens.
  const onToggle = useCallback(
    (index: number, row: TreeRow, recursive: boolean) => {
      waitForRows({ index, scrollTop: null });
      setExpanded(api, connectionId, row.path, !row.expanded || recursive, recursive);
    },
    [api, connectionId, waitForRows],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const s = useTreeStore.getState();
    // The key acts on the row that has the focus. Its index in the DOM is current; the one
    // in state lags a render behind when rows were just inserted above it.
    const focused = Number((e.target as HTMLElement).dataset.index);
    const action = treeKeyAction({
      key: e.key,
      shiftKey: e.shiftKey,
      index: Number.isInteger(focused) ? focused : focus.index,
      totalRows: s.totalRows ?? 0,
      rowAt: (i) => rowAt(s, i),
    });
    if (action.kind === 'none') {
      if (navigationKeys.has(e.key)) e.preventDefault();
      return;
    }
    e.preventDefault();
    switch (action.kind) {
      case 'focus':
        moveFocus(action.index);
        break;
      case 'expand':
        setExpanded(api, connectionId, action.path, true, action.recursive);
        break;
      case 'collapse':
        setExpanded(api, connectionId, action.path, false);
        break;
      case 'select':
        selectTopic(api, connectionId, action.path);
        break;
    }
  };

  const shown = useShownRows(start, rows, inView, totalRows ?? 0);
  const { focusedRow, focused, left } = useFocusedRow(start, rows, totalRows ?? 0);

  // Tab or a click can focus another row than the remembered one: keys act from there.
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const index = Number((e.target as HTMLElement).dataset.index);
    if (!Number.isInteger(index)) return;
    const row = rowAt(useTreeStore.getState(), index);
    if (index !== focus.index) setFocus({ index, path: row?.path ?? null });
    if (row) focused(index, row);
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) left();
  };

  // Only a focused row outside the rows shown changes what is rendered: nothing renders again as the focus moves among them.
  const keptRow = focusedRow && (focusedRow.index < shown.first || focusedRow.index >= shown.first + shown.rows.length) ? focusedRow : null;
  const rendered = useMemo(() => renderedItems(shown.first, shown.rows, keptRow), [shown, keptRow]);
  const end = shown.first + shown.rows.length;
  const tabbableIndex =
    (focus.index >= shown.first && focus.index < end) || focus.index === focusedRow?.index ? focus.index : shown.rows.length > 0 ? shown.first : undefined;

  return (
    <div className="tree-scroll" ref={scrollRef}>
      {totalRows === 0 && <p className="empty tree-empty">No messages on this connection yet.</p>}
      {totalRows === null && <p className="empty tree-empty">Loading topics…</p>}
      <div
        role="tree"
        aria-label="Topic tree"
        className="tree-inner"
        style={{ height: inView.totalHeight }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        <TreeRowsBlock rendered={rendered} selectedTopic={selectedTopic} tabbableIndex={tabbableIndex} flash={flash} onActivate={onActivate} onToggle={onToggle} />
      </div>
    </div>
  );
}

const navigationKeys = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', ' ']);
