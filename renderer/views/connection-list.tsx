// Every connection, the embedded one included, as a listbox: one is shown at a time.
import { useId, type KeyboardEvent } from 'react';
import type { ConnectionSummary } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { selectConnection } from '../app/actions';
import { statusText, statusTicks, statusTone } from '../lib/connection-status-text';
import { plural } from '../lib/format-number';
import { isPublicBrokerConnection } from '../lib/profile-form';
import { useNow } from '../hooks/use-now';
import { useConnectionsStore } from '../stores/connections-store';
import { useProfilesStore } from '../stores/profiles-store';
import { useSelectionStore } from '../stores/selection-store';
import { StatusDot } from './status-dot';
import { publicBrokerTooltip } from './profiles/profile-item';

export function ConnectionList() {
  const api = useApi();
  const connections = useConnectionsStore((s) => s.connections);
  const loaded = useConnectionsStore((s) => s.loaded);
  const selectedId = useSelectionStore((s) => s.connectionId);
  const profiles = useProfilesStore((s) => s.profiles?.profiles);
  const idPrefix = useId();
  const ticking = connections.some((c) => statusTicks(c.status));
  const now = useNow(ticking, 500);
  const selectedIndex = connections.findIndex((c) => c.id === selectedId);

  if (!loaded) return <p className="empty">Loading connections…</p>;
  if (connections.length === 0) return <p className="empty">No connections. Use New connection to add one.</p>;

  const onKeyDown = (e: KeyboardEvent) => {
    const delta = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (delta === 0) return;
    e.preventDefault();
    const next = connections[Math.min(connections.length - 1, Math.max(0, selectedIndex + delta))];
    if (next) selectConnection(api, next.id);
  };

  return (
    <ul
      role="listbox"
      aria-label="Connections"
      className="connection-list"
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? `${idPrefix}-${selectedIndex}` : undefined}
      onKeyDown={onKeyDown}
    >
      {connections.map((c, i) => (
        <ConnectionItem
          key={c.id}
          id={`${idPrefix}-${i}`}
          connection={c}
          selected={c.id === selectedId}
          now={now}
          publicBroker={profiles !== undefined && isPublicBrokerConnection(c, profiles)}
          onSelect={() => selectConnection(api, c.id)}
        />
      ))}
    </ul>
  );
}

interface ItemProps {
  id: string;
  connection: ConnectionSummary;
  selected: boolean;
  now: number;
  /** A public test broker: anyone can read what is published there. */
  publicBroker: boolean;
  onSelect(): void;
}

function ConnectionItem({ id, connection: c, selected, now, publicBroker, onSelect }: ItemProps) {
  return (
    <li id={id} role="option" aria-selected={selected} className="connection-item" onClick={onSelect}>
      <div className="connection-line">
        <StatusDot tone={statusTone(c.status)} />
        <span className="connection-name">{c.name}</span>
        {c.embedded && <span className="tag">embedded</span>}
        {publicBroker && (
          <span className="tag tag-public" title={publicBrokerTooltip}>
            PUBLIC
          </span>
        )}
      </div>
      <div className="connection-url mono" title={c.url}>
        {c.url}
      </div>
      <div className="connection-line">
        <span className={`connection-status status-text-${statusTone(c.status)}`}>{statusText(c.status, now)}</span>
        <span className="connection-count">{plural(c.counters.messagesReceived, 'msg', 'msgs')}</span>
      </div>
    </li>
  );
}
