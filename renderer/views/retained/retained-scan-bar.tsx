// The filter the view works under and the Scan that asks the broker for everything it
// holds there. The table follows the filter as it is typed (once it is valid); the
// last scan's report says whether its set can be taken as complete.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { topicFilterProblem } from '../../../shared/topic';
import { useApi } from '../../app/api-context';
import { noErrors, type FormErrors } from '../../lib/form-errors';
import { formatClock, formatDateTime } from '../../lib/format-time';
import { scanReportText } from '../../lib/retained-text';
import { lastScanOf, useRetainedStore } from '../../stores/retained-store';
import { Field } from '../field';
import { scanRetained } from './retained-actions';
import { RetainedProgressBar, useRetainedProgress } from './retained-progress-bar';
import { useRetainedBusy } from './use-retained-busy';

const scanTitle =
  'Ask the broker for every retained message under the filter: a short-lived subscription of its own beside this connection (on the embedded broker, its store is read directly)';

export function RetainedScanBar({ connectionId }: { connectionId: string }) {
  const api = useApi();
  const applied = useRetainedStore((s) => s.query.filter);
  const setQuery = useRetainedStore((s) => s.setQuery);
  const busy = useRetainedBusy(connectionId);
  const progress = useRetainedProgress(connectionId);
  const [text, setText] = useState(applied);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const inputRef = useRef<HTMLInputElement>(null);
  const problem = topicFilterProblem(text);

  useEffect(() => {
    if (problem !== null || text === applied) return;
    const timer = setTimeout(() => setQuery({ filter: text }), 300);
    return () => clearTimeout(timer);
  }, [text, problem, applied, setQuery]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem !== null) {
      inputRef.current?.focus();
      return;
    }
    setQuery({ filter: text });
    setErrors(noErrors);
    setErrors(await scanRetained(api, connectionId, text));
  };

  return (
    <form className="retained-scan-bar" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Filter" error={errors.fields.filter ?? problem} className="retained-filter">
        {(p) => (
          <input
            {...p}
            ref={inputRef}
            className="mono"
            value={text}
            placeholder="#"
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => {
              setText(e.target.value);
              setErrors(noErrors);
            }}
          />
        )}
      </Field>
      <button type="submit" className="primary scan-button" disabled={busy} title={scanTitle}>
        Scan
      </button>
      <div className="scan-status">{progress ? <RetainedProgressBar connectionId={connectionId} /> : <ScanSummary connectionId={connectionId} />}</div>
      {errors.general && (
        <p className="form-error scan-error" role="alert">
          {errors.general}
        </p>
      )}
    </form>
  );
}

function ScanSummary({ connectionId }: { connectionId: string }) {
  const report = useRetainedStore((s) => lastScanOf(s, connectionId));
  if (!report) {
    return (
      <p className="scan-summary muted" role="status" aria-label="Last scan">
        Not scanned yet: the list holds what this connection’s subscriptions received with the retain flag.
      </p>
    );
  }
  const t = scanReportText(report);
  const whole = [t.found, t.ended, t.warning, t.dropped, `at ${formatDateTime(report.at)}`].filter(Boolean).join(' · ');
  return (
    <p className="scan-summary" role="status" aria-label="Last scan" title={whole}>
      <span className="scan-found">{t.found}</span>
      <span>{t.ended}</span>
      {t.warning && <span className="scan-warning">{t.warning}</span>}
      {t.dropped && <span>{t.dropped}</span>}
      <span className="muted">{formatClock(report.at).slice(0, 8)}</span>
    </p>
  );
}
