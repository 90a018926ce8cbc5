// Fault injection on one link, as a two-line bar: the link and its state, then "Drop
// the next 1 PUBACK going to the client". Clear faults and Cut connection act on the
// same link. The core's errors show at the field they concern.
import { useId, useState, type FormEvent } from 'react';
import type { FaultRequest } from '../../shared/capture-contract';
import { allPacketTypes, type PacketTypeName } from '../../shared/packet-types';
import { useApi } from '../app/api-context';
import { formErrorsFrom, noErrors, type FormErrors } from '../lib/form-errors';
import { allParsed, parseWholeNumber } from '../lib/number-text';
import { defaultFaultLink, faultText, linkKindText, linkWindowText, protocolText } from '../lib/fault-text';
import { useCaptureUiStore } from '../stores/capture-ui-store';
import { linkById, useLinksStore } from '../stores/links-store';
import { LinkSelect } from './link-select';
import { StatusDot } from './status-dot';

const formFields = ['linkId', 'direction', 'packetType', 'action', 'count', 'delayMs'] as const;

export function FaultPanel({ onClose }: { onClose(): void }) {
  const api = useApi();
  const id = useId();
  const links = useLinksStore((s) => s.links);
  const wanted = useCaptureUiStore((s) => s.faultLinkId);
  const setFaultLink = useCaptureUiStore((s) => s.setFaultLink);
  const linkId = defaultFaultLink(links, wanted);
  const link = linkById(links, linkId);
  const [action, setAction] = useState<FaultRequest['action']>('drop');
  const [count, setCount] = useState('1');
  const [packetType, setPacketType] = useState<PacketTypeName>('PUBACK');
  const [direction, setDirection] = useState<FaultRequest['direction']>('to-client');
  const [delayMs, setDelayMs] = useState('1000');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (what: string, call: () => Promise<unknown>) => {
    setBusy(true);
    setErrors(noErrors);
    setDone(null);
    try {
      await call();
      setDone(what);
    } catch (err) {
      setErrors(formErrorsFrom(err, formFields));
    } finally {
      setBusy(false);
    }
  };

  const inject = (e: FormEvent) => {
    e.preventDefault();
    if (!linkId) return;
    setDone(null);
    const parsed = allParsed({
      count: parseWholeNumber(count, { min: 1, max: 10_000, unit: 'packets' }),
      ...(action === 'delay' ? { delayMs: parseWholeNumber(delayMs, { min: 1, max: 600_000, unit: 'ms' }) } : {}),
    });
    if (!parsed.ok) {
      setErrors({ fields: parsed.problems, general: null });
      return;
    }
    const n = parsed.values.count;
    const request: FaultRequest = { linkId, direction, packetType, action, count: n, ...(action === 'delay' ? { delayMs: parsed.values.delayMs } : {}) };
    void run(`${action === 'drop' ? 'Dropping' : 'Delaying'} the next ${n} ${packetType} ${direction === 'to-broker' ? 'to the broker' : 'to the client'}.`, () =>
      api.injectFault(request),
    );
  };

  const err = (field: string) => errors.fields[field];
  const described = (field: string) => (err(field) ? `${id}-${field}` : undefined);
  const fieldError = (field: string) =>
    err(field) && (
      <span id={`${id}-${field}`} className="field-error inline-error">
        {err(field)}
      </span>
    );

  return (
    <section className="fault-bar" aria-label="Fault injection">
      <div className="fault-line">
        <h2>Fault injection</h2>
        {links.length === 0 ? (
          <span className="muted">No links captured yet: clients of the embedded broker and our connections appear here.</span>
        ) : (
          <>
            <LinkSelect label="Link to disturb" links={links} value={linkId} required onChange={(v) => setFaultLink(v)} />
            {fieldError('linkId')}
            {link && (
              <span className="link-state" title={`${link.clientId} · ${link.remote}`}>
                <StatusDot tone={link.connected ? 'ok' : 'off'} /> {link.connected ? 'connected' : 'disconnected'} · {protocolText(link.protocolVersion)} · {linkKindText(link)}
                {linkWindowText(link) && <span className="muted"> · {linkWindowText(link)}</span>}
              </span>
            )}
          </>
        )}
        <button type="button" className="icon-button fault-close" aria-label="Close fault injection" onClick={onClose}>
          ×
        </button>
      </div>
      {links.length > 0 && (
        <form className="fault-line" aria-label="New fault" onSubmit={inject}>
          <div role="radiogroup" aria-label="Fault action" className="segmented">
            {(['drop', 'delay'] as const).map((a) => (
              <label key={a} className={`segment${action === a ? ' checked' : ''}`}>
                <input type="radio" name={`${id}-action`} value={a} checked={action === a} onChange={() => setAction(a)} />
                {a === 'drop' ? 'Drop' : 'Delay'}
              </label>
            ))}
          </div>
          <span className="muted">the next</span>
          <input
            className="count-input"
            aria-label="Number of packets"
            inputMode="numeric"
            value={count}
            aria-invalid={err('count') ? true : undefined}
            aria-describedby={described('count')}
            onChange={(e) => setCount(e.target.value)}
          />
          {fieldError('count')}
          <select aria-label="Packet type" className="type-select" value={packetType} aria-invalid={err('packetType') ? true : undefined} onChange={(e) => setPacketType(e.target.value as PacketTypeName)}>
            {allPacketTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <span className="muted">going</span>
          <select aria-label="Direction" className="direction-select" value={direction} onChange={(e) => setDirection(e.target.value as FaultRequest['direction'])}>
            <option value="to-broker">to the broker</option>
            <option value="to-client">to the client</option>
          </select>
          {action === 'delay' && (
            <>
              <span className="muted">by</span>
              <input
                className="count-input"
                aria-label="Delay in milliseconds"
                inputMode="numeric"
                value={delayMs}
                aria-invalid={err('delayMs') ? true : undefined}
                aria-describedby={described('delayMs')}
                onChange={(e) => setDelayMs(e.target.value)}
              />
              <span className="muted">ms</span>
              {fieldError('delayMs')}
            </>
          )}
          <button type="submit" className="primary small" disabled={busy || !linkId}>
            {action === 'drop' ? 'Drop packets' : 'Delay packets'}
          </button>
          <span className="fault-spacer" />
          <button type="button" className="small" disabled={busy || !linkId || !link?.faults.length} onClick={() => linkId && void run('Faults cleared.', () => api.clearFaults({ linkId }))}>
            Clear faults
          </button>
          <button
            type="button"
            className="small danger"
            disabled={busy || !linkId}
            title="Close the link's network connection at once, as a pulled cable would (no DISCONNECT)"
            onClick={() => linkId && void run('Connection cut.', () => api.cutLink({ linkId }))}
          >
            Cut connection
          </button>
        </form>
      )}
      {(link?.faults.length || errors.general || done) && (
        <div className="fault-line fault-status">
          {link?.faults.map((f, i) => (
            <span key={i} className={`fault-item fault-${f.action}`}>
              {faultText(f)}
            </span>
          ))}
          {errors.general && (
            <span className="form-error" role="alert">
              {errors.general}
            </span>
          )}
          <span className="fault-done" role="status">
            {done}
          </span>
        </div>
      )}
    </section>
  );
}
