// The topic tree of one connection. The core sends only the rows around the viewport
// (viewTree); rows not yet received show as empty placeholders. Keyboard focus is a
// roving tabindex over the rendered rows, following the WAI-ARIA tree view pattern.
import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TreeRow } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { report, selectTopic, setExpanded } from '../app/actions';
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

export function TopicTree({ connectionId }: { connectionId: string }) {
  const api = useApi();
  const totalRows = useTreeStore((s) => s.totalRows);
  const start = useTreeStore((s) => s.start);
  const rows = useTreeStore((s) => s.rows);
  const flash = useTreeStore((s) => s.flash);
  const selectedTopic = useSelectionStore(selectedTopicOf);
  const scrollRef = useRef<HTMLDivElement>(null);
  const requested = useRef<RowRange | null>(null);
  const [focus, setFocus] = useState<Focus>({ index: 0, path: null });
  const wantFocus = useRef(false);

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

  const virtualizer = useVirtualizer({
    count: totalRows ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => treeRowHeight,
    overscan: 8,
    useFlushSync: false,
    onChange: () => requestWindow(false),
  });

  useEffect(() => requestWindow(true), [requestWindow]);

  // Rows inserted or removed above the focused row shift its index: follow its path.
  useEffect(() => {
    if (focus.path === null || rowAt({ start, rows }, focus.index)?.path === focus.path) return;
    const found = rows.findIndex((r) => r.path === focus.path);
    if (found >= 0) setFocus({ index: start + found, path: focus.path });
  }, [start, rows, focus]);

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
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [virtualizer],
  );

  const onActivate = useCallback(
    (index: number, row: TreeRow) => {
      setFocus({ index, path: row.path });
      selectTopic(api, connectionId, row.path);
    },
    [api, connectionId],
  );

  const onToggle = useCallback(
    (index: number, row: TreeRow, recursive: boolean) => {
      setFocus({ index, path: row.path });
      setExpanded(api, connectionId, row.path, !row.expanded || recursive, recursive);
    },
    [api, connectionId],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const s = useTreeStore.getState();
    const action = treeKeyAction({
      key: e.key,
      shiftKey: e.shiftKey,
      index: focus.index,
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

  const items = virtualizer.getVirtualItems();
  const focusRendered = items.some((it) => it.index === focus.index && rowAt({ start, rows }, it.index));
  const firstRendered = items.find((it) => rowAt({ start, rows }, it.index))?.index;
  const tabbableIndex = focusRendered ? focus.index : firstRendered;

  return (
    <div className="tree-scroll" ref={scrollRef}>
      {totalRows === 0 && <p className="empty tree-empty">No messages on this connection yet.</p>}
      {totalRows === null && <p className="empty tree-empty">Loading topics…</p>}
      <div
        role="tree"
        aria-label="Topic tree"
        className="tree-inner"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        {items.map((item) => {
          const row = rowAt({ start, rows }, item.index);
          if (!row) {
            return (
              <div
                key={`p:${item.index}`}
                className="tree-row placeholder"
                aria-hidden="true"
                style={{ transform: `translateY(${item.start}px)` }}
              />
            );
          }
          return (
            <TreeRowView
              key={`r:${row.path}`}
              row={row}
              index={item.index}
              top={item.start}
              selected={row.path === selectedTopic}
              tabbable={item.index === tabbableIndex}
              flashing={isFlashing(flash, row)}
              onActivate={onActivate}
              onToggle={onToggle}
            />
          );
        })}
      </div>
    </div>
  );
}

const navigationKeys = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', ' ']);
