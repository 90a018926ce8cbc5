// The packet log of every link, oldest first, virtualised over the core's windows.
// Following the tail like a log while at the bottom; arrows move the selection, and
// the selected packet opens in the inspector.
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { PacketRecord } from '../../shared/capture-contract';
import { useApi } from '../app/api-context';
import { report } from '../app/actions';
import { loadPacket } from '../app/capture-actions';
import { useLogWindow } from '../hooks/use-log-window';
import { packetFilterRequest } from '../lib/capture-filters';
import { logKeyTarget, rowOf } from '../lib/log-window';
import type { RowRange } from '../lib/tree-viewport';
import { linkById, linkLabel, useLinksStore } from '../stores/links-store';
import { selectedPacketSeq, usePacketLogStore } from '../stores/packet-log-store';
import { formatCount } from '../lib/format-number';
import { PacketLogRow, packetColumns, packetRowHeight } from './packet-log-row';

const noRows: PacketRecord[] = [];
const columnTitles: Record<string, string> = {
  delta: 'Milliseconds since the row above (monotonic clock)',
  retain: 'RETAIN flag',
  marks: 'Injected faults (dropped, delayed) and decoding errors',
};

export function PacketLog() {
  const api = useApi();
  const filter = usePacketLogStore((s) => s.filter);
  const window = usePacketLogStore((s) => s.window);
  const selectedSeq = usePacketLogStore((s) => selectedPacketSeq(s.load));
  const links = useLinksStore((s) => s.links);
  const request = useMemo(() => packetFilterRequest(filter), [filter]);
  const resetKey = JSON.stringify(request);
  const rows = window?.rows ?? noRows;
  const start = window?.start ?? 0;
  const totalRows = window?.totalRows ?? 0;
  const keys = useMemo(() => rows.map((r) => r.seq), [rows]);
  const wantFocus = useRef<number | null>(null);

  const send = useCallback((range: RowRange) => report('Could not load the packet log', api.viewPackets({ ...range, filter: request })), [api, request]);
  const log = useLogWindow({ totalRows, rowHeight: packetRowHeight, start, keys, request: send, resetKey });

  // A hidden log asks for nothing: the core stops sending rows until it is shown again.
  useEffect(() => () => void api.viewPackets({ start: 0, count: 0, filter: {} }).catch(() => undefined), [api]);

  useEffect(() => {
    if (wantFocus.current === null) return;
    const el = log.scrollRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${wantFocus.current}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      wantFocus.current = null;
    }
  });

  // Selecting stops the tail from carrying the selected row away.
  const { setFollowing } = log;
  const onSelect = useCallback(
    (_index: number, seq: number) => {
      setFollowing(false);
      void loadPacket(api, seq);
    },
    [api, setFollowing],
  );

  const items = log.virtualizer.getVirtualItems();
  const selectedIndex = selectedSeq === null ? -1 : rows.findIndex((r) => r.seq === selectedSeq);
  const selectedAbs = selectedIndex < 0 ? null : start + selectedIndex;
  const tabbable = selectedAbs !== null && items.some((it) => it.index === selectedAbs) ? selectedAbs : (items.find((it) => rowOf(window ?? { start, rows }, it.index))?.index ?? -1);

  const onKeyDown = (e: KeyboardEvent) => {
    const from = selectedAbs ?? Number((e.target as HTMLElement).dataset.index ?? 0);
    const page = Math.max(1, Math.floor((log.scrollRef.current?.clientHeight ?? 200) / packetRowHeight) - 1);
    const index = logKeyTarget(e.key, from, page, totalRows);
    if (index === null) return;
    e.preventDefault();
    log.virtualizer.scrollToIndex(index, { align: 'auto' });
    const row = rowOf({ start, rows }, index);
    wantFocus.current = index;
    log.setFollowing(index === totalRows - 1);
    if (row) void loadPacket(api, row.seq);
  };

  return (
    <div role="grid" aria-label="Packet log" aria-rowcount={totalRows + 1} aria-readonly="true" className="log-grid" onKeyDown={onKeyDown}>
      <div role="rowgroup" className="log-head">
        <div role="row" aria-rowindex={1} className="log-cols">
          {packetColumns.map((c) => (
            <span key={c.key} role="columnheader" className={`h-${c.key}`} title={columnTitles[c.key]} aria-label={c.key === 'delta' ? c.label : undefined}>
              {c.key === 'delta' ? 'Δ' : c.label}
            </span>
          ))}
        </div>
      </div>
      <div className="log-scroll" ref={log.scrollRef} onScroll={log.onScroll}>
        {window !== null && totalRows === 0 && (
          <p className="empty log-empty">{window.captured === 0 ? 'No packets captured yet.' : 'No packet matches the filter.'}</p>
        )}
        <div role="rowgroup" className="log-inner" style={{ height: log.virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const r = rowOf({ start, rows }, item.index);
            if (!r) return <div key={`p:${item.index}`} className="log-row placeholder" aria-hidden="true" style={{ transform: `translateY(${item.start}px)` }} />;
            const prev = rowOf({ start, rows }, item.index - 1);
            return (
              <PacketLogRow
                key={r.seq}
                record={r}
                previousAt={prev ? prev.at : null}
                index={item.index}
                top={item.start}
                linkName={linkLabel(links, r.linkId)}
                protocolVersion={linkById(links, r.linkId)?.protocolVersion ?? null}
                selected={r.seq === selectedSeq}
                tabbable={item.index === tabbable}
                onSelect={onSelect}
              />
            );
          })}
        </div>
      </div>
      {!log.following && totalRows * packetRowHeight > (log.scrollRef.current?.clientHeight ?? 0) && (
        <button type="button" className="small jump-latest" onClick={log.jumpToLatest}>
          Paused · {formatCount(totalRows)} rows · Jump to latest ↓
        </button>
      )}
    </div>
  );
}
