import { useMemo, useState } from 'react';
import type { MessageDetail } from '../../shared/contract';
import { formatBytes, formatCount } from '../lib/format-number';
import { formatDateTime } from '../lib/format-time';
import { base64ToBytes, decodePayload, defaultView, renderPayload, viewEnabled, type PayloadView } from '../lib/payload-view';
import { CopyButton } from './copy-button';
import { ShowFlowButton } from './show-flow-button';

const views: { view: PayloadView; label: string }[] = [
  { view: 'text', label: 'Text' },
  { view: 'json', label: 'JSON' },
  { view: 'hex', label: 'Hex' },
];

export function PayloadDetail({ detail }: { detail: MessageDetail }) {
  const decoded = useMemo(() => decodePayload(base64ToBytes(detail.payloadBase64)), [detail]);
  const [view, setView] = useState<PayloadView>(() => defaultView(decoded.format));
  const [showAll, setShowAll] = useState(false);
  const [wrap, setWrap] = useState(true);
  const rendered = useMemo(() => renderPayload(decoded, view, showAll), [decoded, view, showAll]);

  return (
    <>
      <div className="payload-meta">
        <span className="mono payload-topic" title={detail.topic}>
          {detail.topic}
        </span>
        <span>{formatDateTime(detail.receivedAt)}</span>
        <span>QoS {detail.qos}</span>
        {detail.retain && <span className="badge badge-retain">RETAIN</span>}
        <span>
          {formatCount(detail.size)} {detail.size === 1 ? 'byte' : 'bytes'}
        </span>
        <span className="muted">#{detail.seq}</span>
        <ShowFlowButton topic={detail.topic} seq={detail.seq} />
      </div>
      <div className="payload-toolbar">
        <div role="radiogroup" aria-label="Payload format" className="segmented">
          {views.map(({ view: v, label }) => {
            const enabled = viewEnabled(decoded, v);
            return (
              <label key={v} className={`segment${view === v ? ' checked' : ''}${enabled ? '' : ' disabled'}`} title={enabled ? undefined : 'Not valid JSON'}>
                <input type="radio" name={`payload-view-${detail.seq}`} value={v} checked={view === v} disabled={!enabled} onChange={() => setView(v)} />
                {label}
              </label>
            );
          })}
        </div>
        {view !== 'hex' && (
          <label className="checkbox">
            <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} />
            Wrap lines
          </label>
        )}
        <div className="toolbar-spacer" />
        <CopyButton text={rendered.body} partial={rendered.cut !== null} />
      </div>
      {rendered.cut && (
        <div className="cut-notice" role="note">
          <span>
            Showing the first {formatBytes(rendered.cut.shown)} of {formatBytes(rendered.cut.total)}
          </span>
          <button type="button" className="small" onClick={() => setShowAll(true)}>
            Show all
          </button>
        </div>
      )}
      {rendered.note && <p className="payload-note">{rendered.note}</p>}
      {detail.size === 0 ? (
        <p className="empty">Empty payload (0 bytes).</p>
      ) : (
        <pre className={`payload-body${wrap && view !== 'hex' ? ' wrap' : ''}`}>{rendered.body}</pre>
      )}
    </>
  );
}
