// How much the capture holds, always in view: nothing leaves the ring buffer unsaid,
// and the limit that cuts can be changed right where it is shown.
import { useState, type FormEvent } from 'react';
import { useApi } from '../app/api-context';
import { formErrorsFrom, noErrors, type FormErrors } from '../lib/form-errors';
import { formatCount, plural } from '../lib/format-number';
import { parseWholeNumber } from '../lib/number-text';
import { useAppInfoStore } from '../stores/app-info-store';
import { CaptureSwitch } from './capture-switch';

export interface CaptureSummaryProps {
  what: 'packets' | 'flows';
  captured: number;
  evicted: number;
  capacity: number;
  shown: number;
  filtering: boolean;
}

export function CaptureSummary({ what, captured, evicted, capacity, shown, filtering }: CaptureSummaryProps) {
  const one = what === 'packets' ? 'packet' : 'flow';
  const [editing, setEditing] = useState(false);
  return (
    <div className="capture-summary-wrap">
      <p className={`capture-summary${evicted > 0 ? ' has-evicted' : ''}`} role="status" aria-live="off" aria-label={`${what === 'packets' ? 'Packet' : 'Flow'} capture`}>
        <span>
          {plural(captured, `${one} ${what === 'packets' ? 'captured' : 'tracked'}`, `${what} ${what === 'packets' ? 'captured' : 'tracked'}`)}, {formatCount(evicted)} no longer kept (buffer holds{' '}
          {formatCount(capacity)})
        </span>
        {filtering && <span className="muted"> · {plural(shown, `${one} matches`, `${what} match`)} the filter</span>}{' '}
        <button type="button" className="link-button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {editing ? 'Close' : 'Change limit…'}
        </button>{' '}
        <CaptureSwitch />
      </p>
      {editing && <CaptureLimitForm what={what} onDone={() => setEditing(false)} />}
    </div>
  );
}

function CaptureLimitForm({ what, onDone }: { what: 'packets' | 'flows'; onDone: () => void }) {
  const api = useApi();
  const limits = useAppInfoStore((s) => s.info?.captureLimits);
  const key = what === 'packets' ? 'maxPackets' : 'maxFlows';
  const [value, setValue] = useState(String(limits?.[key] ?? ''));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  if (!limits) return null;
  const label = what === 'packets' ? 'Packets to keep' : 'Flows to keep';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = parseWholeNumber(value, { min: 100, max: 10_000_000, unit: what });
    if (!n.ok) {
      setErrors({ fields: { [key]: n.problem }, general: null });
      return;
    }
    setBusy(true);
    try {
      await api.setCaptureLimits({ ...limits, [key]: n.value });
      onDone();
    } catch (err) {
      setErrors(formErrorsFrom(err, [key]));
    } finally {
      setBusy(false);
    }
  };
  const error = errors.fields[key] ?? errors.general;
  return (
    <form className="capture-limit-form" aria-label={`${what === 'packets' ? 'Packet' : 'Flow'} capture limit`} onSubmit={submit} noValidate>
      <label>
        {label}{' '}
        <input type="number" min={100} max={10_000_000} value={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${key}-error` : undefined} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        Apply
      </button>
      <span className="muted">Lowering it drops the oldest at once; they are counted above.</span>
      {error && (
        <p id={`${key}-error`} className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
