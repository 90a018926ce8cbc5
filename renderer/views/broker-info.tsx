import { useAppInfoStore } from '../stores/app-info-store';
import { plural } from '../lib/format-number';
import { StatusDot } from './status-dot';
import type { StatusTone } from '../lib/connection-status-text';

const tones: Record<'starting' | 'running' | 'stopped' | 'failed', StatusTone> = {
  starting: 'busy',
  running: 'ok',
  stopped: 'off',
  failed: 'bad',
};

export function BrokerInfo() {
  const broker = useAppInfoStore((s) => s.info?.broker);
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
      {broker.note && (
        <span className="broker-note" title={broker.note}>
          {broker.note}
        </span>
      )}
    </div>
  );
}
