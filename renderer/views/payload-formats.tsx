// A payload as text, pretty JSON or a hex dump, with its format switch, wrap, copy and
// the display limit (a large payload shows its start and says so: nothing cut silently).
// For payloads shown without their topic (the retained view), where decoder rules cannot
// apply; the history's payload panel decodes (payload-body.tsx).
import { useId, useMemo, useState } from 'react';
import { base64ToBytes, decodePayload, defaultView, renderPayload, viewEnabled, type PayloadView } from '../lib/payload-view';
import { formatBytes } from '../lib/format-number';
import { CopyButton } from './copy-button';

const views: { view: PayloadView; label: string }[] = [
  { view: 'text', label: 'Text' },
  { view: 'json', label: 'JSON' },
  { view: 'hex', label: 'Hex' },
];

/** className: the wrapper's class, so each panel can size it. */
export function PayloadFormats({ payloadBase64, className }: { payloadBase64: string; className?: string }) {
  const decoded = useMemo(() => decodePayload(base64ToBytes(payloadBase64)), [payloadBase64]);
  const [view, setView] = useState<PayloadView>(() => defaultView(decoded.format));
  const [showAll, setShowAll] = useState(false);
  const [wrap, setWrap] = useState(true);
  const name = useId();
  const shownView = viewEnabled(decoded, view) ? view : defaultView(decoded.format);
  const rendered = useMemo(() => renderPayload(decoded, shownView, showAll), [decoded, shownView, showAll]);

  return (
    <div className={className}>
      <div className="payload-toolbar">
        <div role="radiogroup" aria-label="Payload format" className="segmented">
          {views.map(({ view: v, label }) => {
            const enabled = viewEnabled(decoded, v);
            return (
              <label key={v} className={`segment${shownView === v ? ' checked' : ''}${enabled ? '' : ' disabled'}`} title={enabled ? undefined : 'Not valid JSON'}>
                <input type="radio" name={name} value={v} checked={shownView === v} disabled={!enabled} onChange={() => setView(v)} />
                {label}
              </label>
            );
          })}
        </div>
        {shownView !== 'hex' && (
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
      {decoded.bytes.length === 0 ? (
        <p className="empty">Empty payload (0 bytes).</p>
      ) : (
        <pre className={`payload-body${wrap && shownView !== 'hex' ? ' wrap' : ''}`}>{rendered.body}</pre>
      )}
    </div>
  );
}
