// One saved snapshot: what it holds and where from, and Compare (with the broker now),
// Download (a file a restore takes), Delete (after asking).
import { useId, useState } from 'react';
import type { RetainedSnapshotInfo } from '../../../shared/retained-contract';
import { useApi } from '../../app/api-context';
import { errorMessage } from '../../lib/form-errors';
import { formatBytes, plural } from '../../lib/format-number';
import { formatDateTime } from '../../lib/format-time';
import { useRetainedStore } from '../../stores/retained-store';
import { compareWith, deleteSnapshot, downloadSnapshot } from './retained-actions';

export function SnapshotItem({ snapshot: s, connectionId, busy }: { snapshot: RetainedSnapshotInfo; connectionId: string; busy: boolean }) {
  const api = useApi();
  const nameId = useId();
  const compareError = useRetainedStore((st) => (st.compareError?.source === s.id ? st.compareError.message : null));
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (work: () => Promise<string | null>) => {
    setWorking(true);
    setError(null);
    setStatus(null);
    try {
      setStatus(await work());
    } catch (err) {
      setError(errorMessage(err));
      setConfirming(false);
    } finally {
      setWorking(false);
    }
  };

  return (
    <li className="snapshot-item" aria-labelledby={nameId}>
      <div className="snapshot-info">
        <span id={nameId} className="snapshot-name" title={s.name}>
          {s.name}
        </span>
        <span className="snapshot-meta muted" title={`${s.filter} on ${s.broker}, saved ${formatDateTime(s.savedAt)}`}>
          {plural(s.count, 'message', 'messages')} · {formatBytes(s.bytes)} · <span className="mono">{s.filter}</span> · <span className="mono">{s.broker}</span> ·{' '}
          {formatDateTime(s.savedAt).slice(0, 16)}
        </span>
      </div>
      {confirming ? (
        <div className="snapshot-confirm" role="group" aria-label={`Delete snapshot ${s.name}?`}>
          <span>Delete this snapshot from the data folder?</span>
          <button type="button" className="small danger-filled" disabled={working} aria-describedby={nameId} onClick={() => void act(async () => (await deleteSnapshot(api, s.id), null))}>
            Delete
          </button>
          <button type="button" className="small" disabled={working} onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      ) : (
        <div className="button-row snapshot-actions">
          <button
            type="button"
            className="small"
            disabled={busy || working}
            aria-describedby={nameId}
            title="Scan the snapshot's filter now and list what was added, removed and changed"
            onClick={() => void compareWith(api, connectionId, { kind: 'snapshot', id: s.id, name: s.name })}
          >
            Compare
          </button>
          <button type="button" className="small" disabled={working} aria-describedby={nameId} onClick={() => void act(async () => `Downloaded ${await downloadSnapshot(api, s.id)}.`)}>
            Download
          </button>
          <button type="button" className="small danger" disabled={working} aria-describedby={nameId} onClick={() => setConfirming(true)}>
            Delete
          </button>
        </div>
      )}
      {status && (
        <p className="field-hint snapshot-note" role="status">
          {status}
        </p>
      )}
      {(error ?? compareError) && (
        <p className="form-error snapshot-note" role="alert">
          {error ?? compareError}
        </p>
      )}
    </li>
  );
}
