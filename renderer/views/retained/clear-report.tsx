// What a clear did: how many were cleared, which failed and why, which the check still
// found retained afterwards, and how it checked.
import { formatCount } from '../../lib/format-number';
import { formatDuration, verifyText } from '../../lib/retained-text';
import { useRetainedStore, type ClearResult } from '../../stores/retained-store';
import { ReportSection, ReportTopics } from './report-section';

export function ClearReportView({ result }: { result: ClearResult }) {
  const close = () => useRetainedStore.getState().setClearResult(null);
  const { outcome, scope } = result;
  if (!outcome.ok) {
    return (
      <ReportSection label="Clear report" title={`Clear of ${scope}: failed`} tone="bad" onClose={close}>
        <p className="form-error" role="alert">
          {outcome.message}
        </p>
      </ReportSection>
    );
  }
  const r = outcome.value;
  const clean = r.failed.length === 0 && r.stillRetained.length === 0 && r.verify.complete;
  return (
    <ReportSection label="Clear report" title={`Clear of ${scope}`} tone={clean ? 'ok' : 'warn'} onClose={close}>
      <p className="report-line">
        <strong>
          Cleared {formatCount(r.cleared)} of {formatCount(r.requested)}
        </strong>
        <span className={r.failed.length ? 'report-bad' : undefined}>{formatCount(r.failed.length)} failed</span>
        <span className={r.stillRetained.length ? 'report-bad' : undefined}>{formatCount(r.stillRetained.length)} still retained after the check</span>
        <span className="muted">{formatDuration(r.durationMs)}</span>
      </p>
      <p className="report-check">{verifyText(r.verify)}</p>
      <ReportTopics label="Failed" items={r.failed} />
      <ReportTopics label="Still retained" items={r.stillRetained.map((topic) => ({ topic }))} />
    </ReportSection>
  );
}
