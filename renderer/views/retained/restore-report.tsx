// What a restore did: how many are back byte for byte, which failed to publish, and
// which the check found missing or holding other bytes.
import { formatCount } from '../../lib/format-number';
import { formatDuration, verifyText } from '../../lib/retained-text';
import { useRetainedStore, type RestoreResult } from '../../stores/retained-store';
import { ReportSection, ReportTopics } from './report-section';

export function RestoreReportView({ result }: { result: RestoreResult }) {
  const close = () => useRetainedStore.getState().setRestore(null, null);
  const r = result.report;
  const clean = r.failed.length === 0 && r.missing.length === 0 && r.different.length === 0 && r.verify.complete;
  const topics = (list: string[]) => list.map((topic) => ({ topic }));
  return (
    <ReportSection label="Restore report" title={`Restore from ${result.fileName}`} tone={clean ? 'ok' : 'warn'} onClose={close}>
      <p className="report-line">
        <strong>
          Restored {formatCount(r.restored)} of {formatCount(r.total)}
        </strong>
        <span className={r.failed.length ? 'report-bad' : undefined}>{formatCount(r.failed.length)} failed</span>
        <span className={r.missing.length ? 'report-bad' : undefined}>{formatCount(r.missing.length)} missing</span>
        <span className={r.different.length ? 'report-bad' : undefined}>{formatCount(r.different.length)} different</span>
        <span className="muted">{formatDuration(r.durationMs)}</span>
      </p>
      <p className="report-check">{verifyText(r.verify)}</p>
      <ReportTopics label="Failed" items={r.failed} />
      <ReportTopics label="Missing" items={topics(r.missing)} />
      <ReportTopics label="Different" items={topics(r.different)} />
    </ReportSection>
  );
}
