// The history limits: per topic (every topic of every connection) and the app-wide budget.
import { useState, type FormEvent } from 'react';
import type { HistoryLimits } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { formErrorsFrom, noErrors, type FormErrors } from '../lib/form-errors';
import { allParsed, parseMegabytes, parseWholeNumber } from '../lib/number-text';
import { Field } from './field';

const mb = 1024 * 1024;

export function HistoryLimitsForm({ limits, onClose }: { limits: HistoryLimits; onClose(): void }) {
  const api = useApi();
  const [messages, setMessages] = useState(String(limits.maxMessagesPerTopic));
  const [megabytes, setMegabytes] = useState(String(Math.round((limits.maxBytesPerTopic / mb) * 1000) / 1000));
  const [totalMegabytes, setTotalMegabytes] = useState(String(Math.round(limits.maxTotalBytes / mb)));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = allParsed({
      maxMessagesPerTopic: parseWholeNumber(messages, { min: 1, max: 1_000_000 }),
      maxBytesPerTopic: parseMegabytes(megabytes, { minBytes: 1024, maxBytes: 4096 * mb }),
      maxTotalBytes: parseMegabytes(totalMegabytes, { minBytes: mb, maxBytes: 65536 * mb }),
    });
    if (!parsed.ok) {
      setErrors({ fields: parsed.problems, general: null });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      await api.setHistoryLimits(parsed.values);
      onClose();
    } catch (err) {
      setErrors(formErrorsFrom(err, ['maxMessagesPerTopic', 'maxBytesPerTopic', 'maxTotalBytes']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="limits-form" aria-label="History limits" onSubmit={submit} noValidate>
      <div className="inline-fields">
        <Field label="Messages per topic" error={errors.fields.maxMessagesPerTopic}>
          {(p) => <input {...p} type="number" min={1} max={1_000_000} step={1} value={messages} onChange={(e) => setMessages(e.target.value)} />}
        </Field>
        <Field label="MB per topic" error={errors.fields.maxBytesPerTopic}>
          {(p) => <input {...p} type="number" min={0.001} step="any" value={megabytes} onChange={(e) => setMegabytes(e.target.value)} />}
        </Field>
        <Field label="MB for all topics" error={errors.fields.maxTotalBytes}>
          {(p) => <input {...p} type="number" min={1} step={1} value={totalMegabytes} onChange={(e) => setTotalMegabytes(e.target.value)} />}
        </Field>
        <div className="button-row after-label">
          <button type="submit" className="primary" disabled={busy}>
            Apply limits
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
      <p className="field-hint">Per topic: every topic of every connection. For all topics: counts each message as its payload plus about 200 bytes of bookkeeping; past it, the oldest messages anywhere go first (each topic keeps its newest).</p>
      {errors.general && (
        <p className="form-error" role="alert">
          {errors.general}
        </p>
      )}
    </form>
  );
}
