// The shown connection: what it is, its counters, its controls, the broker's answer to
// its CONNECT (the session) and its subscriptions.
import { useState } from 'react';
import type { ConnectionSummary, ProtocolVersion } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { errorMessage } from '../lib/form-errors';
import { formatBytes, formatCount } from '../lib/format-number';
import { profileOfConnection } from '../lib/profile-form';
import { useSelectedConnection } from '../hooks/use-selected-connection';
import { useProfilesStore } from '../stores/profiles-store';
import { AddSubscriptionForm } from './add-subscription-form';
import { openEditProfile, openSaveConnectionAsProfile } from './profiles/profile-actions';
import { SessionInfo } from './session-info';
import { SubscriptionList } from './subscription-list';

const versionNames: Record<ProtocolVersion, string> = { 3: '3.1', 4: '3.1.1', 5: '5.0' };

type ControlAction = 'disconnect' | 'reconnect' | 'removeConnection';

export function ConnectionDetails() {
  const api = useApi();
  const connection = useSelectedConnection();
  const profiles = useProfilesStore((s) => s.profiles?.profiles ?? null);
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
  const profile = connection.embedded || profiles === null ? null : profileOfConnection(connection, profiles);

  return (
    <section className="connection-details" aria-label="Connection details">
      <h3 className="details-title">{connection.name}</h3>
      <Facts connection={connection} />
      {connection.status.kind === 'reconnecting' && connection.status.lastError && (
        <p className="details-problem">Last error: {connection.status.lastError}</p>
      )}
      {connection.status.kind === 'failed' && <p className="details-problem">{connection.status.reason}</p>}
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
      {!connection.embedded && profiles !== null && (
        <p className="details-profile">
          {profile ? (
            <>
              From profile <strong>{profile.name}</strong>.{' '}
              <button type="button" className="link-button" onClick={() => openEditProfile(profile)}>
                Edit profile
              </button>
            </>
          ) : (
            <button type="button" className="link-button" onClick={() => openSaveConnectionAsProfile(connection)}>
              Save as profile
            </button>
          )}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <SessionInfo connection={connection} />
      <h3 className="section-title">Subscriptions</h3>
      <SubscriptionList connection={connection} />
      <AddSubscriptionForm connectionId={connection.id} protocolVersion={connection.protocolVersion} />
    </section>
  );
}

function Facts({ connection: c }: { connection: ConnectionSummary }) {
  return (
    <dl className="facts">
      <dt>Broker</dt>
      <dd className="mono" title={c.url}>
        {c.url}
      </dd>
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
