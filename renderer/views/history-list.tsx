// The kept messages of the selected topic, newest first, virtualised (a topic keeps
// thousands). New messages arrive on top; when the user has scrolled down to read,
// the list keeps what they read still instead of pushing it away.
import { useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useApi } from '../app/api-context';
import { loadMessage } from '../app/actions';
import { formatClock } from '../lib/format-time';
import { formatBytes } from '../lib/format-number';
import { useHistoryStore } from '../stores/history-store';
import { selectedSeq, useMessageStore } from '../stores/message-store';
import { useCompareStore } from './diff/compare-store';

const rowHeight = 22;

export function HistoryList() {
  const api = useApi();
  const connectionId = useHistoryStore((s) => s.connectionId);
  const topic = useHistoryStore((s) => s.topic);
  const entries = useHistoryStore((s) => s.entries);
  const selected = useMessageStore((s) => selectedSeq(s.load));
  const scrollRef = useRef<HTMLDivElement>(null);
  const previousFirst = useRef<number | null>(null);
  const wantFocus = useRef<number | null>(null);

  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    useFlushSync: false,
    getItemKey: (i) => entries[i]?.seq ?? i,
  });

  useLayoutEffect(() => {
    const el = scrollRef.current;
    const first = entries[0]?.seq ?? null;
    const before = previousFirst.current;
    previousFirst.current = first;
    if (!el || before === null || first === before || el.scrollTop === 0) return;
    const added = entries.findIndex((e) => e.seq === before);
    if (added > 0) el.scrollTop += added * rowHeight;
  }, [entries]);

  useEffect(() => {
    if (wantFocus.current === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-seq="${wantFocus.current}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      wantFocus.current = null;
    }
  });

  const open = useCallback(
    (seq: number) => {
      if (connectionId === null || topic === null) return;
      // While "Compare with…" waits, a click picks the other message instead of opening it.
      const pickingFor = useCompareStore.getState().pickingFor;
      if (pickingFor !== null && pickingFor !== seq) useCompareStore.getState().compare({ connectionId, topic, seqs: [pickingFor, seq] });
      else void loadMessage(api, connectionId, topic, seq);
    },
    [api, connectionId, topic],
  );

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    if (e.key === 'Escape' && useCompareStore.getState().pickingFor !== null) {
      useCompareStore.getState().cancelPick();
      return;
    }
    const target =
      e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? entries.length - 1 : null;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(entries[index].seq);
      return;
    }
    if (target === null) return;
    e.preventDefault();
    const entry = entries[Math.max(0, Math.min(entries.length - 1, target))];
    if (!entry) return;
    wantFocus.current = entry.seq;
    virtualizer.scrollToIndex(entries.indexOf(entry), { align: 'auto' });
    // While picking a message to compare, moving does not pick: Enter does.
    if (useCompareStore.getState().pickingFor === null) open(entry.seq);
  };

  const items = virtualizer.getVirtualItems();
  const selectedShown = items.some((it) => entries[it.index]?.seq === selected);

  return (
    <div className="history-scroll" ref={scrollRef}>
      <div role="list" aria-label="Message history" className="history-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item, n) => {
          const e = entries[item.index];
          if (!e) return null;
          const isSelected = e.seq === selected;
          return (
            <div
              key={e.seq}
              role="listitem"
              aria-setsize={entries.length}
              aria-posinset={item.index + 1}
              aria-current={isSelected ? 'true' : undefined}
              tabIndex={isSelected || (!selectedShown && n === 0) ? 0 : -1}
              data-seq={e.seq}
              className={`history-row${isSelected ? ' selected' : ''}`}
              style={{ transform: `translateY(${item.start}px)` }}
              onClick={() => open(e.seq)}
              onKeyDown={(ev) => onKeyDown(ev, item.index)}
            >
              <span className="h-time">{formatClock(e.receivedAt)}</span>
              <span className="h-qos">QoS {e.qos}</span>
              <span className="h-retain">{e.retain && <span className="badge badge-retain">RETAIN</span>}</span>
              <span className="h-size">{formatBytes(e.size)}</span>
              <span className={`h-preview fmt-${e.format}`}>
                {e.preview}
                {e.previewTruncated ? '…' : ''}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
