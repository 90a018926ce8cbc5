// The retained index under the filter, one row per topic, virtualised: the core sends
// only the rows around the viewport (listRetained, at most 2000 at a time), and the
// view asks again when the connection's index revision moves. Sorted by the column
// headers; arrows move the selection, Delete asks to clear the selected message.
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ConnectionSummary } from '../../../shared/contract';
import type { RetainedPage } from '../../../shared/retained-contract';
import { useApi } from '../../app/api-context';
import { logKeyTarget, rowOf } from '../../lib/log-window';
import { ariaSort, nextSort } from '../../lib/retained-sort';
import { nextTreeRequest, type RowRange } from '../../lib/tree-viewport';
import { feedOf, useRetainedStore } from '../../stores/retained-store';
import { loadPage, openDelete, selectRetained } from './retained-actions';
import { retainedColumns, retainedRowHeight } from './retained-columns';
import { RetainedRowView } from './retained-row';
import { useRetainedBusy } from './use-retained-busy';

export function RetainedTable({ connection }: { connection: ConnectionSummary }) {
  const api = useApi();
  const connectionId = connection.id;
  const query = useRetainedStore((s) => s.query);
  const setQuery = useRetainedStore((s) => s.setQuery);
  const storedPage = useRetainedStore((s) => s.page);
  const selected = useRetainedStore((s) => s.selectedTopic);
  const feedRevision = useRetainedStore((s) => feedOf(s, connectionId)?.revision ?? null);
  const busy = useRetainedBusy(connectionId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const requested = useRef<RowRange | null>(null);
  const wantFocus = useRef<number | null>(null);

  const page: RetainedPage | null = storedPage && storedPage.connectionId === connectionId ? storedPage : null;
  const total = page?.total ?? 0;
  const rows = page?.rows ?? [];
  const start = page?.start ?? 0;

  const requestWindow = useCallback(
    (force: boolean) => {
      const el = scrollRef.current;
      if (!el) return;
      const next = nextTreeRequest(force ? null : requested.current, { scrollTop: el.scrollTop, height: el.clientHeight, rowHeight: retainedRowHeight });
      if (!next) return;
      requested.current = next;
      void loadPage(api, connectionId, next);
    },
    [api, connectionId],
  );

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => retainedRowHeight,
    overscan: 10,
    useFlushSync: false,
    onChange: () => requestWindow(false),
  });

  // Another filter, search, sort or connection: from the top, with a fresh request.
  const queryKey = JSON.stringify([connectionId, query]);
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    requestWindow(true);
  }, [queryKey, requestWindow]);

  // The index moved (a scan, a clear, a new retained message): the rows in view again.
  // Revisions only grow, so a page newer than the event asks nothing more.
  useEffect(() => {
    if (feedRevision === null || !page || page.revision >= feedRevision || !requested.current) return;
    void loadPage(api, connectionId, requested.current);
  }, [feedRevision, page, api, connectionId]);

  useEffect(() => {
    if (wantFocus.current === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${wantFocus.current}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      wantFocus.current = null;
    }
  });

  const onSelect = useCallback((topic: string) => selectRetained(api, connectionId, topic), [api, connectionId]);
  const onDelete = useCallback((topic: string) => openDelete(connectionId, topic), [connectionId]);

  const items = virtualizer.getVirtualItems();
  const selectedAt = selected === null ? -1 : rows.findIndex((r) => r.topic === selected);
  const selectedAbs = selectedAt < 0 ? null : start + selectedAt;
  const tabbable = selectedAbs !== null && items.some((it) => it.index === selectedAbs) ? selectedAbs : (items.find((it) => rowOf({ start, rows }, it.index))?.index ?? -1);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Delete' && selected !== null && !busy) {
      e.preventDefault();
      openDelete(connectionId, selected);
      return;
    }
    const from = selectedAbs ?? Number((e.target as HTMLElement).dataset.index ?? 0);
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 200) / retainedRowHeight) - 1);
    const index = logKeyTarget(e.key, from, pageRows, total);
    if (index === null) return;
    e.preventDefault();
    virtualizer.scrollToIndex(index, { align: 'auto' });
    wantFocus.current = index;
    const row = rowOf({ start, rows }, index);
    if (row) selectRetained(api, connectionId, row.topic);
  };

  const now = Date.now();
  return (
    <div role="grid" aria-label="Retained messages" aria-rowcount={total + 1} aria-readonly="true" className="log-grid retained-grid" onKeyDown={onKeyDown}>
      <div role="rowgroup" className="log-head">
        <div role="row" aria-rowindex={1} className="log-cols retained-cols">
          {retainedColumns.map((c) => (
            <span key={c.key} role="columnheader" className={`h-${c.key}`} title={c.title} aria-sort={c.sort ? ariaSort(query.sort, c.sort) : undefined}>
              {c.sort ? (
                <button type="button" className="sort-button" onClick={() => setQuery({ sort: nextSort(query.sort, c.sort!) })}>
                  {c.label}
                  <span className="sort-mark" aria-hidden="true">
                    {query.sort.column === c.sort ? (query.sort.descending ? '▼' : '▲') : ''}
                  </span>
                </button>
              ) : (
                c.label
              )}
            </span>
          ))}
          <span role="columnheader" aria-label="Actions" />
        </div>
      </div>
      <div className="log-scroll" ref={scrollRef}>
        {page && total === 0 && <EmptyTable page={page} />}
        <div role="rowgroup" className="log-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const r = rowOf({ start, rows }, item.index);
            if (!r) return <div key={`p:${item.index}`} className="log-row placeholder" aria-hidden="true" style={{ transform: `translateY(${item.start}px)` }} />;
            return (
              <RetainedRowView
                key={r.topic}
                row={r}
                index={item.index}
                top={item.start}
                now={now}
                embedded={connection.embedded}
                selected={r.topic === selected}
                tabbable={item.index === tabbable}
                busy={busy}
                onSelect={onSelect}
                onDelete={onDelete}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function EmptyTable({ page }: { page: RetainedPage }) {
  let text: string;
  if (page.indexed === 0) text = 'No retained messages known on this connection yet. Scan to ask the broker for the ones it holds.';
  else if (page.search !== '') text = `No topic under ${page.filter} contains “${page.search}”.`;
  else text = `None of the retained messages known here is under ${page.filter}. Scan to ask the broker.`;
  return <p className="empty log-empty">{text}</p>;
}
