// The flows, oldest first, virtualised over the core's windows (100,000 stay smooth:
// only the rows on screen exist). Follows new flows while at the bottom; finds and
// scrolls to a flow asked for by a jump or a scenario.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { FlowRecord } from '../../shared/capture-contract';
import { useApi } from '../app/api-context';
import { report } from '../app/actions';
import { selectFlow } from '../app/capture-actions';
import { useLogWindow } from '../hooks/use-log-window';
import { useNow } from '../hooks/use-now';
import { flowFilterRequest, isFiltering } from '../lib/capture-filters';
import { sameMessageAsPrevious } from '../lib/flow-messages';
import { continueLocate, startLocate, type LocateState } from '../lib/flow-locate';
import { formatCount } from '../lib/format-number';
import { logKeyTarget, rowOf } from '../lib/log-window';
import type { RowRange } from '../lib/tree-viewport';
import { useFlowStore } from '../stores/flow-store';
import { coreNow, linkLabel, useLinksStore } from '../stores/links-store';
import { FlowRow, flowRowHeight } from './flow-row';

const noRows: FlowRecord[] = [];

export function FlowList() {
  const api = useApi();
  const filter = useFlowStore((s) => s.filter);
  const window = useFlowStore((s) => s.window);
  const serial = useFlowStore((s) => s.serial);
  const selectedId = useFlowStore((s) => s.selectedId);
  const selectedMessage = useFlowStore((s) => s.selected?.messageId ?? null);
  const reveal = useFlowStore((s) => s.reveal);
  const links = useLinksStore((s) => s.links);
  const clockOffset = useLinksStore((s) => s.clockOffset);
  const request = useMemo(() => flowFilterRequest(filter), [filter]);
  const resetKey = JSON.stringify(request);
  const rows = window?.rows ?? noRows;
  const start = window?.start ?? 0;
  const totalRows = window?.totalRows ?? 0;
  const keys = useMemo(() => rows.map((r) => r.id), [rows]);
  const [search, setSearch] = useState<LocateState | null>(null);
  // Windows received after the reply to the last request answer it; earlier ones are stale.
  const answeredAfter = useRef<{ key: string; serial: number; start: number } | null>(null);
  const wantFocus = useRef<number | null>(null);
  const hasLive = rows.some((r) => r.state === 'in-flight');
  const nowAt = coreNow(clockOffset, useNow(hasLive, 1000));

  const send = useCallback(
    (range: RowRange) => {
      const key = resetKey;
      answeredAfter.current = null;
      report(
        'Could not load the flows',
        api.viewFlows({ ...range, filter: request }).then(() => {
          answeredAfter.current = { key, serial: useFlowStore.getState().serial, start: range.start };
        }),
      );
    },
    [api, request, resetKey],
  );
  const log = useLogWindow({ totalRows, rowHeight: flowRowHeight, start, keys, request: send, resetKey, paused: search !== null });

  useEffect(() => () => void api.viewFlows({ start: 0, count: 0, filter: {} }).catch(() => undefined), [api]);

  // Reveal: find the flow's row (at once, or by probing windows), then scroll to it.
  useEffect(() => {
    const answered = answeredAfter.current;
    if (reveal === null || !window || !answered || answered.key !== resetKey || serial <= answered.serial || window.start !== answered.start) return;
    const ids = { start: window.start, totalRows: window.totalRows, ids: window.rows.map((r) => r.id), evicted: window.evicted };
    const step = search ? continueLocate(search, ids) : startLocate(reveal, ids, isFiltering(filter));
    if (step.kind === 'probe') {
      setSearch(step.state);
      send({ start: step.start, count: step.count });
      return;
    }
    setSearch(null);
    useFlowStore.getState().setReveal(null);
    if (step.kind === 'found') log.scrollToRow(step.index);
  }, [reveal, window, serial, resetKey, search, filter, send, log.scrollToRow]);

  useEffect(() => {
    if (wantFocus.current === null) return;
    const el = log.scrollRef.current?.querySelector<HTMLElement>(`[role="listitem"][data-index="${wantFocus.current}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      wantFocus.current = null;
    }
  });

  const onSelect = useCallback((_index: number, flow: FlowRecord) => selectFlow(api, flow.id, { record: flow }), [api]);

  const items = log.virtualizer.getVirtualItems();
  const selectedAt = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId);
  const selectedAbs = selectedAt < 0 ? null : start + selectedAt;
  const tabbable = selectedAbs !== null && items.some((it) => it.index === selectedAbs) ? selectedAbs : (items.find((it) => rowOf({ start, rows }, it.index))?.index ?? -1);

  const onKeyDown = (e: KeyboardEvent) => {
    const from = selectedAbs ?? Number((e.target as HTMLElement).dataset.index ?? 0);
    const page = Math.max(1, Math.floor((log.scrollRef.current?.clientHeight ?? 200) / flowRowHeight) - 1);
    const index = logKeyTarget(e.key, from, page, totalRows);
    if (index === null) return;
    e.preventDefault();
    log.virtualizer.scrollToIndex(index, { align: 'auto' });
    wantFocus.current = index;
    const row = rowOf({ start, rows }, index);
    if (row) selectFlow(api, row.id, { record: row });
  };

  return (
    <div className="flow-list-wrap">
      <div className="log-scroll flow-scroll" ref={log.scrollRef} onScroll={log.onScroll}>
        {window !== null && totalRows === 0 && (
          <p className="empty log-empty">{window.tracked === 0 ? 'No QoS flows captured yet: every PUBLISH starts one.' : 'No flow matches the filter.'}</p>
        )}
        <div role="list" aria-label="Flows" className="log-inner" style={{ height: log.virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {items.map((item) => {
            const f = rowOf({ start, rows }, item.index);
            if (!f) return <div key={`p:${item.index}`} className="flow-row placeholder" aria-hidden="true" style={{ transform: `translateY(${item.start}px)` }} />;
            const i = item.index - start;
            return (
              <FlowRow
                key={f.id}
                flow={f}
                index={item.index}
                setSize={totalRows}
                top={item.start}
                linkName={linkLabel(links, f.linkId)}
                clockOffset={clockOffset}
                nowAt={f.state === 'in-flight' ? nowAt : null}
                selected={f.id === selectedId}
                sameMessage={selectedMessage !== null && f.messageId === selectedMessage}
                joined={sameMessageAsPrevious(rows, i)}
                tabbable={item.index === tabbable}
                onSelect={onSelect}
              />
            );
          })}
        </div>
      </div>
      {search !== null && <p className="list-status muted" role="status">Finding the flow…</p>}
      {!log.following && totalRows * flowRowHeight > (log.scrollRef.current?.clientHeight ?? 0) && search === null && (
        <button type="button" className="small jump-latest" onClick={log.jumpToLatest}>
          Paused · {formatCount(totalRows)} flows · Jump to latest ↓
        </button>
      )}
    </div>
  );
}
