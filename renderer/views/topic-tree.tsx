// The topic tree of one connection. The core sends only the rows around the viewport
// (viewTree); rows not received yet show as placeholder bars, drawn by one block behind
// the rows in view (tree.css), so they cost no element each. Keyboard focus is a roving
// tabindex over the rendered rows, following the WAI-ARIA tree view pattern.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { TreeRow } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { report, selectTopic, setExpanded } from '../app/actions';
import { useFixedRows } from '../hooks/use-fixed-rows';
import { isFlashing } from '../lib/tree-flash';
import { treeKeyAction } from '../lib/tree-keyboard';
import { nextTreeRequest, type RowRange } from '../lib/tree-viewport';
import { selectedTopicOf, useSelectionStore } from '../stores/selection-store';
import { rowAt, useTreeStore } from '../stores/tree-store';
import { TreeRowView, treeRowHeight } from './tree-row';

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

interface Shown {
  first: number;
  rows: TreeRow[];
}

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
  const wantFocus = useRef(false);
  const lastShown = useRef<Shown>({ first: 0, rows: [] });

  const requestWindow = useCallback(
    (force: boolean) => {
      const el = scrollRef.current;
      if (!el) return;
      const next = nextTreeRequest(force ? null : requested.current, {
        scrollTop: el.scrollTop,
        height: el.clientHeight,
        rowHeight: treeRowHeight,
      });
      if (!next) return;
      requested.current = next;
      report('Could not load the topic tree', api.viewTree({ connectionId, ...next }));
    },
    [api, connectionId],
  );

  const inView = useFixedRows(scrollRef, totalRows ?? 0, treeRowHeight, overscan, () => requestWindow(false));
  const { scrollToIndex } = inView;

  useEffect(() => requestWindow(true), [requestWindow]);

  // Rows inserted or removed above the focused row shift its index: follow its path.
  useEffect(() => {
    if (focus.path === null || rowAt({ start, rows }, focus.index)?.path === focus.path) return;
    const found = rows.findIndex((r) => r.path === focus.path);
    if (found >= 0) setFocus({ index: start + found, path: focus.path });
  }, [start, rows, focus, setFocus]);

  // Keyboard moves may target a row that is not rendered yet; focus it once it is.
  useEffect(() => {
    if (!wantFocus.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[role="treeitem"][data-index="${focus.index}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      wantFocus.current = false;
    }
  });

  const moveFocus = useCallback(
    (index: number) => {
      const s = useTreeStore.getState();
      setFocus({ index, path: rowAt(s, index)?.path ?? null });
      wantFocus.current = true;
      scrollToIndex(index);
    },
    [scrollToIndex, setFocus],
  );

  const onActivate = useCallback(
    (index: number, row: TreeRow) => {
      setFocus({ index, path: row.path });
      selectTopic(api, connectionId, row.path);
    },
    [api, connectionId, setFocus],
  );

  const onToggle = useCallback(
    (index: number, row: TreeRow, recursive: boolean) => {
      setFocus({ index, path: row.path });
      setExpanded(api, connectionId, row.path, !row.expanded || recursive, recursive);
    },
    [api, connectionId, setFocus],
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

  // Tab or a click can focus another row than the remembered one: keys act from there.
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const index = Number((e.target as HTMLElement).dataset.index);
    if (Number.isInteger(index) && index !== focus.index) {
      setFocus({ index, path: rowAt(useTreeStore.getState(), index)?.path ?? null });
    }
  };

  // The rows rendered: those in view (and the overscan) that the window holds. After a
  // jump to rows not received yet (End, a long scroll) it holds none of them: the rows
  // rendered before stay mounted, off screen, until the new ones come, so the DOM changes
  // once, when they do, rather than also emptying in between. Not past the end of a tree
  // that shrank, though, where they would lengthen the scroll.
  const first = Math.max(inView.start, start);
  const held = rows.slice(Math.max(0, first - start), Math.max(0, Math.min(inView.end, start + rows.length) - start));
  const last = lastShown.current;
  const keepLast = held.length === 0 && inView.end > inView.start && last.first + last.rows.length <= (totalRows ?? 0);
  const shown: Shown = keepLast ? last : { first, rows: held };
  useLayoutEffect(() => {
    lastShown.current = shown;
  });
  const end = shown.first + shown.rows.length;
  const tabbableIndex = focus.index >= shown.first && focus.index < end ? focus.index : shown.rows.length > 0 ? shown.first : undefined;

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
      >
        <div
          className="tree-placeholders"
          aria-hidden="true"
          style={{ transform: `translateY(${inView.start * treeRowHeight}px)`, height: (inView.end - inView.start) * treeRowHeight }}
        />
        {/* One positioned block at the first row, the rows in normal flow inside it: a
            positioned box per row would make Chromium paint each as a layer of its own. */}
        <div className="tree-rows" style={{ transform: `translateY(${shown.first * treeRowHeight}px)` }}>
          {shown.rows.map((row, i) => {
            const index = shown.first + i;
            return (
              <TreeRowView
                key={`r:${row.path}`}
                row={row}
                index={index}
                selected={row.path === selectedTopic}
                tabbable={index === tabbableIndex}
                flashing={isFlashing(flash, row)}
                onActivate={onActivate}
                onToggle={onToggle}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

const navigationKeys = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', ' ']);
