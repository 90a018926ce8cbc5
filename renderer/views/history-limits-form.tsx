// The per-topic history limits (they apply to every topic of every connection).
import { useState, type FormEvent } from 'react';
import type { HistoryLimits } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { formErrorsFrom, noErrors, type FormErrors } from '../lib/form-errors';
import { Field } from './field';

const mb = 1024 * 1024;

export function HistoryLimitsForm({ limits, onClose }: { limits: HistoryLimits; onClose(): void }) {
  const api = useApi();
  const [messages, setMessages] = useState(String(limits.maxMessagesPerTopic));
  const [megabytes, setMegabytes] = useState(String(Math.round((limits.maxBytesPerTopic / mb) * 1000) / 1000));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const maxMessagesPerTopic = Number(messages);
    const maxBytesPerTopic = Math.round(Number(megabytes) * mb);
    const fields: Record<string, string> = {};
    if (!Number.isInteger(maxMessagesPerTopic) || maxMessagesPerTopic < 1 || maxMessagesPerTopic > 1_000_000) {
      fields.maxMessagesPerTopic = 'Enter a whole number from 1 to 1,000,000.';
    }
    if (!Number.isFinite(maxBytesPerTopic) || maxBytesPerTopic < 1024 || maxBytesPerTopic > 4096 * mb) {
      fields.maxBytesPerTopic = 'Enter a size from 0.001 MB (1 KB) to 4096 MB.';
    }
    if (Object.keys(fields).length) {
      setErrors({ fields, general: null });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      await api.setHistoryLimits({ maxMessagesPerTopic, maxBytesPerTopic });
      onClose();
    } catch (err) {
      setErrors(formErrorsFrom(err, ['maxMessagesPerTopic', 'maxBytesPerTopic']));
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
        <div className="button-row after-label">
          <button type="submit" className="primary" disabled={busy}>
            Apply limits
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
      <p className="field-hint">Applies to every topic of every connection.</p>
      {errors.general && (
        <p className="form-error" role="alert">
          {errors.general}
        </p>
      )}
    </form>
  );
}
