// What the broker answered to the last CONNECT: whether it kept our session, the code in
// words, and the MQTT 5.0 properties it sent (with the defaults that apply to the rest).
import { useId } from 'react';
import type { ConnectionSummary } from '../../shared/contract';
import { connackRows, sessionPresentText } from '../lib/connack-text';
import { formatClock } from '../lib/format-time';

export function SessionInfo({ connection: c }: { connection: ConnectionSummary }) {
  const headingId = useId();
  const connack = c.connack;
  const rows = connack ? connackRows(connack, c.protocolVersion) : [];
  const sent = rows.filter((r) => !r.implied);
  const implied = rows.filter((r) => r.implied);
  return (
    <div className="session-info" role="group" aria-labelledby={headingId}>
      <h3 className="section-title" id={headingId}>
        Session
      </h3>
      {connack === null ? (
        <p className="muted session-none">{c.embedded && c.status.kind === 'connected' ? 'No CONNACK recorded.' : 'No CONNACK yet: the broker has not accepted a CONNECT from this connection.'}</p>
      ) : (
        <>
          <dl className="facts">
            <dt>Session present</dt>
            <dd className={connack.sessionPresent ? 'session-kept' : undefined} title={sessionPresentText(connack)}>
              {connack.sessionPresent ? 'yes (session resumed)' : 'no (new session)'}
            </dd>
            <dt>CONNACK</dt>
            <dd className={connack.code === 0 ? undefined : 'status-text-bad'} title={connack.text}>
              {connack.text}
            </dd>
            <dt>At</dt>
            <dd>{formatClock(connack.at)}</dd>
          </dl>
          {c.protocolVersion === 5 ? (
            <table className="connack-table">
              <caption>Properties the server sent</caption>
              <tbody>
                {sent.length === 0 && (
                  <tr>
                    <td colSpan={2} className="muted">
                      none
                    </td>
                  </tr>
                )}
                {sent.map((r) => (
                  <tr key={r.name}>
                    <th scope="row">{r.name}</th>
                    <td title={r.value}>{r.value}</td>
                  </tr>
                ))}
                {implied.length > 0 && (
                  <tr className="connack-implied-heading">
                    <th colSpan={2} scope="rowgroup">
                      Left out, so MQTT 5.0 defaults apply
                    </th>
                  </tr>
                )}
                {implied.map((r) => (
                  <tr key={r.name} className="connack-implied">
                    <th scope="row">{r.name}</th>
                    <td>{r.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="field-hint">MQTT {c.protocolVersion === 3 ? '3.1' : '3.1.1'} CONNACK carries no properties.</p>
          )}
        </>
      )}
    </div>
  );
}
