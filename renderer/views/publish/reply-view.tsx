// A request's outcome: the round trip and the reply (payload as text, or hex when it
// is not text, and its 5.0 properties), or how long it waited in vain.
import { useMemo } from 'react';
import type { RequestOutcome } from '../../../shared/publish-contract';
import { decodeBase64 } from '../../../shared/publish-payload';
import { hexDump } from '../../../shared/payload-format';
import { humanize } from '../../lib/connack-text';
import { plural } from '../../lib/format-number';
import { prettyJson } from '../../lib/pretty-json';
import { decodePayload } from '../../lib/payload-view';
import { outcomeText } from '../../lib/publish-request';

/** Replies are for reading here; a long one is cut, and the cut is said. */
const shownChars = 4000;

export function ReplyView({ outcome, timeoutMs }: { outcome: RequestOutcome; timeoutMs: number }) {
  if (outcome.kind === 'timeout') {
    return (
      <p className="request-outcome request-timeout" role="status">
        {outcomeText(outcome, timeoutMs)}
      </p>
    );
  }
  return <Reply outcome={outcome} timeoutMs={timeoutMs} />;
}

function Reply({ outcome, timeoutMs }: { outcome: Extract<RequestOutcome, { kind: 'reply' }>; timeoutMs: number }) {
  const reply = outcome.reply;
  const body = useMemo(() => {
    const decoded = decodePayload(decodeBase64(reply.payloadBase64));
    const text = decoded.text === null ? hexDump(decoded.bytes) : decoded.format === 'json' ? prettyJson(decoded.text) : decoded.text;
    return text.length > shownChars ? { text: text.slice(0, shownChars), cut: true } : { text, cut: false };
  }, [reply.payloadBase64]);
  const properties = Object.entries(reply.properties);
  return (
    <div className="request-outcome">
      <p role="status">
        <strong>{outcomeText(outcome, timeoutMs)}</strong> on <span className="mono">{reply.topic}</span> · QoS {reply.qos} · {plural(reply.size, 'byte', 'bytes')}
      </p>
      {reply.size === 0 ? (
        <p className="muted">Empty payload.</p>
      ) : (
        <pre className="reply-payload" aria-label="Reply payload">
          {body.text}
          {body.cut && '\n…'}
        </pre>
      )}
      {body.cut && <p className="field-hint">Showing the first {shownChars.toLocaleString('en-US')} characters.</p>}
      {properties.length > 0 && (
        <dl className="facts reply-properties" aria-label="Reply properties">
          {properties.map(([k, v]) => (
            <div key={k} className="fact">
              <dt>{humanize(k)}</dt>
              <dd className="mono">{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
