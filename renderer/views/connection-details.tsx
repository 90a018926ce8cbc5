// The shown connection: what it is, its counters, its controls and its subscriptions.
import { useState } from 'react';
import type { ConnectionSummary, ProtocolVersion } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { errorMessage } from '../lib/form-errors';
import { formatBytes, formatCount } from '../lib/format-number';
import { useSelectedConnection } from '../hooks/use-selected-connection';
import { AddSubscriptionForm } from './add-subscription-form';
import { SubscriptionList } from './subscription-list';

const versionNames: Record<ProtocolVersion, string> = { 3: '3.1', 4: '3.1.1', 5: '5.0' };

type ControlAction = 'disconnect' | 'reconnect' | 'removeConnection';

export function ConnectionDetails() {
  const api = useApi();
  const connection = useSelectedConnection();
  const [busy, setBusy] = useState<ControlAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!connection) return null;

  const run = async (action: ControlAction) => {
    setBusy(action);
    setError(null);
    try {
      await api[action]({ connectionId: connection.id });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  const down = connection.status.kind === 'disconnected' || connection.status.kind === 'failed';

  return (
    <section className="connection-details" aria-label="Connection details">
      <h3 className="details-title">{connection.name}</h3>
      <Facts connection={connection} />
      {connection.status.kind === 'reconnecting' && connection.status.lastError && (
        <p className="details-problem">Last error: {connection.status.lastError}</p>
      )}
      <div className="button-row">
        <button type="button" className="small" disabled={busy !== null || down} onClick={() => run('disconnect')}>
          Disconnect
        </button>
        <button type="button" className="small" disabled={busy !== null} onClick={() => run('reconnect')}>
          Reconnect
        </button>
        <button type="button" className="small danger" disabled={busy !== null} onClick={() => run('removeConnection')}>
          Remove
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <h3 className="section-title">Subscriptions</h3>
      <SubscriptionList connection={connection} />
      <AddSubscriptionForm connectionId={connection.id} />
    </section>
  );
}

function Facts({ connection: c }: { connection: ConnectionSummary }) {
  return (
    <dl className="facts">
      <dt>Client ID</dt>
      <dd className="mono" title={c.clientId}>
        {c.clientId}
      </dd>
      <dt>MQTT</dt>
      <dd>{versionNames[c.protocolVersion]}</dd>
      <dt>Received</dt>
      <dd>
        {formatCount(c.counters.messagesReceived)} msgs · {formatBytes(c.counters.bytesReceived)}
      </dd>
      <dt>Topics</dt>
      <dd>{formatCount(c.counters.topics)}</dd>
      <dt>Published</dt>
      <dd>{formatCount(c.counters.messagesPublished)} msgs</dd>
    </dl>
  );
}
