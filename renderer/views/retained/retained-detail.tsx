// The selected retained message in full: its payload, where MQTT Scope learned it, who
// set it (embedded broker), its 5.0 properties, and a clear of its subtree or a
// parent's (after confirmation).
import { useState } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import type { RetainedDetail } from '../../../shared/retained-contract';
import { formatCount } from '../../lib/format-number';
import { formatDateTime } from '../../lib/format-time';
import { propertyRows } from '../../lib/retained-properties';
import { subtreeFilters } from '../../lib/retained-subtree';
import { setByText, sourceText } from '../../lib/retained-text';
import { useRetainedStore } from '../../stores/retained-store';
import { useApi } from '../../app/api-context';
import { openClear } from './retained-actions';
import { PayloadBody } from '../payload-body';
import { useRetainedBusy } from './use-retained-busy';

export function RetainedDetailPanel({ connection }: { connection: ConnectionSummary }) {
  const load = useRetainedStore((s) => s.detail);
  return (
    <section className="retained-detail" aria-label="Retained message">
      {load.kind === 'none' && <p className="empty">Select a row to see its full payload and properties.</p>}
      {load.kind === 'loading' && <p className="empty">Loading {load.topic}…</p>}
      {load.kind === 'gone' && (
        <p className="empty">
          <span className="mono">{load.topic}</span> holds no retained message any more, as far as MQTT Scope knows.
        </p>
      )}
      {load.kind === 'error' && (
        <p className="form-error detail-error" role="alert">
          Could not load {load.topic}: {load.message}
        </p>
      )}
      {load.kind === 'loaded' && <DetailView key={load.topic} detail={load.detail} connection={connection} />}
    </section>
  );
}

function DetailView({ detail: d, connection }: { detail: RetainedDetail; connection: ConnectionSummary }) {
  const setBy = setByText(d, connection.embedded);
  const properties = propertyRows(d.properties);
  return (
    <>
      <div className="payload-meta">
        <span className="mono payload-topic" title={d.topic}>
          {d.topic}
        </span>
        <span>
          {formatCount(d.size)} {d.size === 1 ? 'byte' : 'bytes'}
        </span>
        <span>QoS {d.qos}</span>
        <span className="badge badge-retain">RETAINED</span>
        <SubtreeClear connectionId={connection.id} topic={d.topic} />
      </div>
      <div className="retained-detail-body">
        <PayloadBody key={d.topic} payloadBase64={d.payloadBase64} className="retained-payload" />
        <div className="retained-facts">
          <dl className="facts">
            <dt>Learned</dt>
            <dd title={sourceText(d.source)}>{sourceText(d.source)}</dd>
            <dt>First seen</dt>
            <dd>{formatDateTime(d.firstSeenAt)}</dd>
            <dt>Changed</dt>
            <dd title="When the payload last changed as MQTT Scope saw it">{formatDateTime(d.changedAt)}</dd>
            <dt>Set by</dt>
            <dd title={setBy.title}>{setBy.text}</dd>
            <dt>Set at</dt>
            <dd>{d.setAt === null ? '—' : formatDateTime(d.setAt)}</dd>
          </dl>
          {connection.protocolVersion === 5 ? (
            <table className="connack-table retained-properties" aria-label="Properties">
              <caption>MQTT 5.0 properties</caption>
              <tbody>
                {properties.length === 0 && (
                  <tr>
                    <td colSpan={2} className="muted">
                      none
                    </td>
                  </tr>
                )}
                {properties.map((p, i) => (
                  <tr key={i}>
                    <th scope="row">{p.name}</th>
                    <td title={p.value}>{p.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="field-hint">MQTT {connection.protocolVersion === 3 ? '3.1' : '3.1.1'} messages carry no properties.</p>
          )}
        </div>
      </div>
    </>
  );
}

function SubtreeClear({ connectionId, topic }: { connectionId: string; topic: string }) {
  const api = useApi();
  const busy = useRetainedBusy(connectionId);
  const options = subtreeFilters(topic);
  const [filter, setFilter] = useState(options[0]);
  const clear = () => void openClear(api, { connectionId, scope: `everything under ${filter}`, filter, search: '', single: false });
  return (
    <span className="subtree-clear">
      <select aria-label="Subtree to clear" className="mono" value={filter} onChange={(e) => setFilter(e.target.value)}>
        {options.map((f) => (
          <option key={f} value={f}>
            {f}
          </option>
        ))}
      </select>
      <button type="button" className="small danger" disabled={busy} title="Clear the retained messages under this filter (asks first, offers a backup)" onClick={clear}>
        Clear subtree…
      </button>
    </span>
  );
}
