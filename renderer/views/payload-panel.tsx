// The full payload of the message picked in the history list.
import { useMessageStore } from '../stores/message-store';
import { PayloadDetail } from './payload-detail';

export function PayloadPanel() {
  const load = useMessageStore((s) => s.load);
  return (
    <section className="payload-panel" aria-label="Payload">
      {load.kind === 'none' && <p className="empty">Select a message in the history to see its full payload.</p>}
      {load.kind === 'loading' && <p className="empty">Loading message #{load.seq}…</p>}
      {load.kind === 'gone' && (
        <p className="empty">Message #{load.seq} is no longer kept: the history limits evicted it.</p>
      )}
      {load.kind === 'error' && (
        <p className="form-error" role="alert">
          Could not load message #{load.seq}: {load.message}
        </p>
      )}
      {load.kind === 'loaded' && <PayloadDetail key={`${load.detail.topic}\u0000${load.seq}`} detail={load.detail} />}
    </section>
  );
}
