// The history's compare buttons. They act on the message shown in the payload panel
// (or the newest, when none is): "Compare with previous" takes the kept message before
// it; "Compare with…" lets the next click in the list choose the other one.
import { selectedSeq, useMessageStore } from '../../stores/message-store';
import { useHistoryStore } from '../../stores/history-store';
import { useCompareStore } from './compare-store';

export function CompareActions() {
  const connectionId = useHistoryStore((s) => s.connectionId);
  const topic = useHistoryStore((s) => s.topic);
  const entries = useHistoryStore((s) => s.entries);
  const selected = useMessageStore((s) => selectedSeq(s.load));
  const pickingFor = useCompareStore((s) => s.pickingFor);
  const index = selected === null ? 0 : entries.findIndex((e) => e.seq === selected);
  const base = entries[index];
  // Entries are newest first: the previous message is the next one down.
  const previous = index >= 0 ? entries[index + 1] : undefined;
  if (connectionId === null || topic === null) return null;

  const store = useCompareStore.getState();
  return (
    <span className="compare-actions">
      <button
        type="button"
        className="small"
        disabled={!base || !previous}
        title={base && previous ? `#${base.seq} with #${previous.seq}` : 'Needs two kept messages'}
        onClick={() => base && previous && store.compare({ connectionId, topic, seqs: [previous.seq, base.seq] })}
      >
        Compare with previous
      </button>
      <button
        type="button"
        className="small"
        aria-pressed={pickingFor !== null}
        disabled={!base || entries.length < 2}
        onClick={() => (pickingFor !== null ? store.cancelPick() : base && store.startPick(base.seq))}
      >
        {pickingFor !== null ? 'Cancel compare' : 'Compare with…'}
      </button>
    </span>
  );
}

/** Said above the list while it waits for the pick. */
export function ComparePickNote() {
  const pickingFor = useCompareStore((s) => s.pickingFor);
  if (pickingFor === null) return null;
  return (
    <p className="compare-pick-note" role="note">
      Pick the message to compare #{pickingFor} with (Escape or “Cancel compare” to stop).
    </p>
  );
}
