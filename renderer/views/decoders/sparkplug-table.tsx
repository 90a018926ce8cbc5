// A Sparkplug B payload: what the message is (a birth or death certificate, data, a
// command), its timestamp and seq, and its metrics as a table.
import type { SparkplugPayloadView } from '../../../shared/decoders/sparkplug';

/** The payload's facts that are present, in reading order. */
function facts(p: SparkplugPayloadView): [string, string][] {
  const t = p.topic;
  const all: [string, string | null | undefined][] = [
    ['Group', t?.group],
    ['Edge node', t?.edgeNode],
    ['Device', t?.device],
    ['Timestamp', p.timestamp ?? '—'],
    ['Seq', p.seq ?? '—'],
    ['UUID', p.uuid],
    ['Body', p.bodyBytes === null ? null : `${p.bodyBytes} bytes`],
  ];
  return all.filter((f): f is [string, string] => typeof f[1] === 'string');
}

/** A metric's time of day when it falls on the payload's date (the full time is its title). */
function shortTime(iso: string, payloadIso: string | null): string {
  const sameDay = payloadIso !== null && iso.slice(0, 10) === payloadIso.slice(0, 10);
  return sameDay && iso.length === 24 ? iso.slice(11, 23) : iso;
}

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
          {facts(p).map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd className={name === 'Timestamp' || name === 'Seq' || name === 'UUID' ? 'mono' : undefined}>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <table className="data-table sparkplug-metrics" aria-label="Sparkplug metrics">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Alias</th>
            <th scope="col">Datatype</th>
            <th scope="col">Value</th>
            <th scope="col">Time (UTC)</th>
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
              <td className="mono sparkplug-time" title={m.timestamp ?? undefined}>
                {m.timestamp ? shortTime(m.timestamp, p.timestamp) : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
