// A Sparkplug B payload: what the message is (a birth or death certificate, data, a
// command), its timestamp and seq, and its metrics as a table.
import type { SparkplugPayloadView } from '../../../shared/decoders/sparkplug';

export function SparkplugTable({ payload: p }: { payload: SparkplugPayloadView }) {
  const t = p.topic;
  return (
    <div className="sparkplug-view">
      <div className="sparkplug-head">
        {t && (
          <span className={`badge sparkplug-kind${t.certificate ? ` sparkplug-${t.certificate}` : ''}`} title={t.messageType}>
            {t.messageType} · {t.description}
          </span>
        )}
        <dl className="sparkplug-facts">
          {t?.group && (
            <>
              <dt>Group</dt>
              <dd>{t.group}</dd>
            </>
          )}
          {t?.edgeNode && (
            <>
              <dt>Edge node</dt>
              <dd>{t.edgeNode}</dd>
            </>
          )}
          {t?.device && (
            <>
              <dt>Device</dt>
              <dd>{t.device}</dd>
            </>
          )}
          <dt>Timestamp</dt>
          <dd className="mono">{p.timestamp ?? '—'}</dd>
          <dt>Seq</dt>
          <dd className="mono">{p.seq ?? '—'}</dd>
          {p.uuid && (
            <>
              <dt>UUID</dt>
              <dd className="mono">{p.uuid}</dd>
            </>
          )}
          {p.bodyBytes !== null && (
            <>
              <dt>Body</dt>
              <dd>{p.bodyBytes} bytes</dd>
            </>
          )}
        </dl>
      </div>
      <table className="data-table sparkplug-metrics" aria-label="Sparkplug metrics">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Alias</th>
            <th scope="col">Datatype</th>
            <th scope="col">Value</th>
            <th scope="col">Timestamp</th>
          </tr>
        </thead>
        <tbody>
          {p.metrics.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                No metrics.
              </td>
            </tr>
          )}
          {p.metrics.map((m, i) => (
            <tr key={i}>
              <th scope="row" className="mono">
                {m.name ?? <span className="muted">(alias only)</span>}
                {m.flags.map((f) => (
                  <span key={f} className="badge sparkplug-flag">
                    {f}
                  </span>
                ))}
              </th>
              <td className="mono">{m.alias ?? ''}</td>
              <td>{m.datatype}</td>
              <td className="mono sparkplug-value">{m.value}</td>
              <td className="mono">{m.timestamp ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
