import { useState } from 'react';
import { useAppInfoStore } from '../stores/app-info-store';
import { plural } from '../lib/format-number';
import { StatusDot } from './status-dot';
import type { StatusTone } from '../lib/connection-status-text';
import { BrokerBadges } from './broker/broker-badges';
import { BrokerSettingsDialog } from './broker/broker-settings-dialog';

const tones: Record<'starting' | 'running' | 'stopped' | 'failed', StatusTone> = {
  starting: 'busy',
  running: 'ok',
  stopped: 'off',
  failed: 'bad',
};

export function BrokerInfo() {
  const broker = useAppInfoStore((s) => s.info?.broker);
  const [dialog, setDialog] = useState<{ showRefused: boolean } | null>(null);
  // Remembered for the session: the saved address differs from where the broker listens.
  const [restartPending, setRestartPending] = useState(false);
  if (broker === undefined) return null;
  if (broker === null) {
    return <div className="broker-info muted">No embedded broker</div>;
  }
  const address = broker.port === null ? broker.host : `${broker.host}:${broker.port}`;
  return (
    <div className="broker-info" aria-label="Embedded broker" role="group">
      <span className="broker-label">Embedded broker</span>
      <StatusDot tone={tones[broker.state]} />
      <span className="mono">{address}</span>
      <span className="broker-state">{broker.state}</span>
      {broker.state === 'running' && <span className="muted">{plural(broker.clients, 'client', 'clients')}</span>}
      <BrokerBadges broker={broker} onShowRefused={() => setDialog({ showRefused: true })} />
      {broker.note && (
        <span className="broker-note" title={broker.note}>
          {broker.note}
        </span>
      )}
      <button type="button" className="small" aria-haspopup="dialog" onClick={() => setDialog({ showRefused: false })}>
        Broker settings…
      </button>
      {dialog && (
        <BrokerSettingsDialog showRefused={dialog.showRefused} restartPending={restartPending} onSaved={setRestartPending} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
