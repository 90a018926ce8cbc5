import { statusText, statusTicks, statusTone } from '../lib/connection-status-text';
import { useNow } from '../hooks/use-now';
import { useSelectedConnection } from '../hooks/use-selected-connection';
import { StatusDot } from './status-dot';

export function ActiveConnectionStatus() {
  const connection = useSelectedConnection();
  const now = useNow(connection ? statusTicks(connection.status) : false);
  const status = connection?.status;
  return (
    <div className="active-connection">
      {connection && <span className="active-connection-name">{connection.name}</span>}
      <StatusDot tone={status ? statusTone(status) : 'off'} />
      <span role="status" aria-label="Connection status" className="active-connection-status">
        {status ? statusText(status, now) : 'No connection'}
      </span>
      {status?.kind === 'reconnecting' && status.lastError && (
        <span className="active-connection-error" title={status.lastError}>
          {status.lastError}
        </span>
      )}
    </div>
  );
}
