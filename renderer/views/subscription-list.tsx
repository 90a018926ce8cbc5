// The connection's subscriptions as the broker answered them: the QoS it granted, a
// downgrade (granted below what was asked) and a refusal, each with its reason.
import { useId, useState } from 'react';
import type { ConnectionSummary, SubscriptionState } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { subscriptionText } from '../lib/connack-text';
import { errorMessage } from '../lib/form-errors';

export function SubscriptionList({ connection }: { connection: ConnectionSummary }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  if (connection.subscriptions.length === 0) {
    return <p className="empty">No subscriptions: this connection receives nothing.</p>;
  }
  const unsubscribe = (filter: string) => {
    setError(null);
    api.unsubscribe({ connectionId: connection.id, filter }).catch((err: unknown) => setError(errorMessage(err)));
  };
  return (
    <>
      <ul className="subscription-list" aria-label="Subscriptions">
        {connection.subscriptions.map((s) => (
          <SubscriptionItem key={s.filter} subscription={s} onUnsubscribe={() => unsubscribe(s.filter)} />
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function SubscriptionItem({ subscription: s, onUnsubscribe }: { subscription: SubscriptionState; onUnsubscribe(): void }) {
  const detailId = useId();
  const text = subscriptionText(s);
  return (
    <li className={`subscription sub-tone-${text.tone}`} aria-describedby={text.detail ? detailId : undefined}>
      <div className="subscription-line">
        <span className="mono subscription-filter" title={s.filter}>
          {s.filter}
        </span>
        <span className={`subscription-state sub-${text.tone}`}>{text.label}</span>
        <button type="button" className="icon-button" aria-label={`Unsubscribe ${s.filter}`} title={`Unsubscribe ${s.filter}`} onClick={onUnsubscribe}>
          ×
        </button>
      </div>
      {text.detail && (
        <p id={detailId} className={`subscription-detail sub-${text.tone}`}>
          {text.detail}
        </p>
      )}
    </li>
  );
}
