import { useState } from 'react';
import type { ConnectionSummary, SubscriptionState } from '../../shared/contract';
import { useApi } from '../app/api-context';
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
          <li key={s.filter} className="subscription">
            <span className="mono subscription-filter" title={s.filter}>
              {s.filter}
            </span>
            <span className={`subscription-state sub-${s.state}`}>{subscriptionText(s)}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={`Unsubscribe ${s.filter}`}
              title={`Unsubscribe ${s.filter}`}
              onClick={() => unsubscribe(s.filter)}
            >
              ×
            </button>
          </li>
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

function subscriptionText(s: SubscriptionState): string {
  switch (s.state) {
    case 'pending':
      return `pending (QoS ${s.requestedQos})`;
    case 'granted':
      return s.grantedQos !== null && s.grantedQos !== s.requestedQos
        ? `granted QoS ${s.grantedQos} (asked ${s.requestedQos})`
        : `granted QoS ${s.grantedQos ?? s.requestedQos}`;
    case 'refused':
      return `refused${s.reason ? `: ${s.reason}` : ''}`;
  }
}
