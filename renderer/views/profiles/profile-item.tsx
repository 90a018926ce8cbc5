// One saved profile (or public preset) in the list: its address and what can be done with it.
import { useId, useState } from 'react';
import type { ProfileView } from '../../../shared/profile';
import { useApi } from '../../app/api-context';
import { errorMessage } from '../../lib/form-errors';
import { profileUrl } from '../../lib/profile-form';
import { connectProfile, openDuplicateProfile, openEditProfile } from './profile-actions';

const versionNames = { 3: '3.1', 4: '3.1.1', 5: '5.0' } as const;
export const publicBrokerTooltip = 'Public test broker: anyone can subscribe to what you publish there and read it, and publish to your topics.';

export function ProfileItem({ profile: p }: { profile: ProfileView }) {
  const api = useApi();
  const nameId = useId();
  const [busy, setBusy] = useState<'connect' | 'delete' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const url = profileUrl(p);

  const connect = async () => {
    setBusy('connect');
    setError(null);
    try {
      await connectProfile(api, p.id);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    setBusy('delete');
    setError(null);
    try {
      await api.deleteProfile({ id: p.id });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(null);
      setConfirming(false);
    }
  };

  return (
    <li className="profile-item" aria-labelledby={nameId}>
      <div className="profile-line">
        <span id={nameId} className="profile-name" title={p.name}>
          {p.name}
        </span>
        {p.preset === 'public' && (
          <span className="tag tag-public" title={publicBrokerTooltip}>
            PUBLIC
          </span>
        )}
        <span className="profile-version" title={`MQTT ${versionNames[p.protocolVersion]}`}>
          {versionNames[p.protocolVersion]}
        </span>
      </div>
      <div className="profile-url mono" title={url}>
        {url}
        {p.subscriptions.length > 0 && <span className="muted"> · {p.subscriptions.length === 1 ? p.subscriptions[0].filter : `${p.subscriptions.length} filters`}</span>}
      </div>
      {confirming ? (
        <div className="profile-confirm" role="group" aria-label={`Delete ${p.name}?`}>
          <span>{p.preset === 'public' ? 'Remove this public broker from the list?' : 'Delete this profile and its saved secrets?'}</span>
          <div className="button-row">
            <button type="button" className="small danger-filled" disabled={busy !== null} onClick={() => void remove()} aria-describedby={nameId}>
              {p.preset === 'public' ? 'Remove' : 'Delete'}
            </button>
            <button type="button" className="small" disabled={busy !== null} onClick={() => setConfirming(false)}>
              Keep
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row profile-actions">
          <button type="button" className="small primary" disabled={busy !== null} onClick={() => void connect()} aria-describedby={nameId}>
            {busy === 'connect' ? 'Connecting…' : 'Connect'}
          </button>
          <button type="button" className="small" onClick={() => openEditProfile(p)} aria-describedby={nameId}>
            Edit
          </button>
          <button type="button" className="small" onClick={() => openDuplicateProfile(p)} aria-describedby={nameId} title="A new profile with these settings">
            Duplicate
          </button>
          <button type="button" className="small danger" onClick={() => setConfirming(true)} aria-describedby={nameId}>
            Delete
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
