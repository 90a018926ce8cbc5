// Two messages of a topic compared, in a modal over the window: which two (seq and
// time, older first), how much differs, and the differences by kind of payload.
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { loadDiff, type LoadedDiff } from '../../lib/diff-load';
import { errorMessage } from '../../lib/form-errors';
import { formatBytes } from '../../lib/format-number';
import { formatClock } from '../../lib/format-time';
import { BinaryDiffView } from './binary-diff-view';
import { useCompareStore, type ComparePair } from './compare-store';
import { diffSummary } from './diff-summary';
import { JsonDiffView } from './json-diff-view';
import { TextDiffView } from './text-diff-view';
import '../../styles/diff.css';

export function DiffDialog() {
  const pair = useCompareStore((s) => s.pair);
  return pair ? <DiffModal key={`${pair.connectionId}\u0000${pair.topic}\u0000${pair.seqs.join()}`} pair={pair} /> : null;
}

type Load = { kind: 'loading' } | { kind: 'loaded'; result: LoadedDiff } | { kind: 'error'; message: string };

function DiffModal({ pair }: { pair: ComparePair }) {
  const api = useApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    let current = true;
    loadDiff(api, pair.connectionId, pair.topic, pair.seqs).then(
      (result) => current && setLoad({ kind: 'loaded', result }),
      (err) => current && setLoad({ kind: 'error', message: errorMessage(err) }),
    );
    return () => {
      current = false;
    };
  }, [api, pair]);

  const close = () => useCompareStore.getState().close();

  // retained-dialog is the app's modal frame (retained.css); diff-dialog widens it.
  return (
    <dialog ref={dialogRef} className="retained-dialog diff-dialog" aria-labelledby="diff-title" onClose={close}>
      <div className="diff-dialog-body">
        <div className="diff-head">
          <h2 id="diff-title">Compare messages</h2>
          <button type="button" className="icon-button" aria-label="Close comparison" onClick={close}>
            ×
          </button>
        </div>
        <p className="mono diff-topic">{pair.topic}</p>
        {load.kind === 'loading' && <p className="empty">Loading both messages…</p>}
        {load.kind === 'error' && (
          <p className="field-error" role="alert">
            {load.message}
          </p>
        )}
        {load.kind === 'loaded' && <DiffBody result={load.result} />}
      </div>
    </dialog>
  );
}

function DiffBody({ result }: { result: LoadedDiff }) {
  const { before, after, diff, comparedBytes } = result;
  const cut = comparedBytes.before < before.size || comparedBytes.after < after.size || ('truncated' in diff && diff.truncated);
  return (
    <>
      <p className="diff-sides" aria-label="Compared messages">
        <span className="diff-side diff-side-before">
          Before: <strong>#{before.seq}</strong> at {formatClock(before.receivedAt)} ({formatBytes(before.size)})
        </span>
        <span aria-hidden="true">→</span>
        <span className="diff-side diff-side-after">
          After: <strong>#{after.seq}</strong> at {formatClock(after.receivedAt)} ({formatBytes(after.size)})
        </span>
      </p>
      <p className="diff-summary" role="status">
        {diffSummary(diff)}
      </p>
      {cut && <p className="diff-note">Large payloads: only their first part was compared.</p>}
      {diff.kind === 'text' && diff.note && <p className="diff-note">{diff.note}</p>}
      <div className="diff-scroll">
        {diff.kind === 'json' && <JsonDiffView changes={diff.changes} />}
        {diff.kind === 'text' && <TextDiffView lines={diff.lines} />}
        {diff.kind === 'binary' && <BinaryDiffView ranges={diff.ranges} moreRanges={diff.moreRanges} />}
      </div>
    </>
  );
}
