// A compare of a snapshot or file with what the broker holds now: the topics added,
// removed and changed (before → after: size, QoS and the start of the payload, and
// what differs), and how many are unchanged. The scan it took says if it is complete.
import type { RetainedDiffItem, RetainedDiffSide } from '../../../shared/retained-contract';
import { formatBytes, formatCount } from '../../lib/format-number';
import { formatDateTime } from '../../lib/format-time';
import { changesText, scanComplete, scanReportText } from '../../lib/retained-text';
import { useRetainedStore, type CompareResult } from '../../stores/retained-store';
import { ReportSection } from './report-section';
import { VirtualList } from './virtual-list';

export function CompareResultView({ result }: { result: CompareResult }) {
  const close = () => useRetainedStore.getState().setCompare(null, null);
  const { diff } = result;
  const scan = scanReportText(diff.scan);
  const same = diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
  return (
    <ReportSection label="Compare result" title={`Compare with ${result.against}`} tone={scanComplete(diff.scan) ? 'ok' : 'warn'} onClose={close}>
      <p className="report-line">
        <strong>{same ? 'No differences' : `${formatCount(diff.added.length)} added`}</strong>
        {!same && <span>{formatCount(diff.removed.length)} removed</span>}
        {!same && <span>{formatCount(diff.changed.length)} changed</span>}
        <span>{formatCount(diff.unchanged)} unchanged</span>
      </p>
      <p className="report-check">
        Saved {formatDateTime(diff.referenceSavedAt).slice(0, 19)} · compared with a scan just now: {scan.found}, {scan.ended}
        {scan.warning && <span className="scan-warning">, {scan.warning}</span>}
      </p>
      <div className="diff-sections">
        <DiffSection label="Added" items={diff.added} />
        <DiffSection label="Removed" items={diff.removed} />
        <DiffSection label="Changed" items={diff.changed} />
      </div>
    </ReportSection>
  );
}

function DiffSection({ label, items }: { label: string; items: RetainedDiffItem[] }) {
  return (
    <div className="report-topics diff-section">
      <h4>
        {label} ({formatCount(items.length)})
      </h4>
      {items.length === 0 ? (
        <p className="muted diff-none">None</p>
      ) : (
        <VirtualList items={items} label={label} rowHeight={36} maxHeight={180} itemKey={(it) => it.topic} render={(it) => <DiffItem item={it} />} />
      )}
    </div>
  );
}

function DiffItem({ item }: { item: RetainedDiffItem }) {
  return (
    <>
      <div className="diff-line">
        <span className="mono diff-topic" title={item.topic}>
          {item.topic}
        </span>
        {item.changes.length > 0 && <span className="diff-changes">{changesText(item.changes)}</span>}
      </div>
      <div className="diff-line diff-sides">
        <Side side={item.before} />
        <span className="diff-arrow" aria-hidden="true">
          →
        </span>
        <span className="visually-hidden">then</span>
        <Side side={item.after} />
      </div>
    </>
  );
}

function Side({ side }: { side: RetainedDiffSide | null }) {
  if (!side) return <span className="diff-side muted">none</span>;
  return (
    <span className="diff-side" title={`${formatBytes(side.size)} · QoS ${side.qos} · ${side.preview}`}>
      <span className="diff-size">{formatBytes(side.size)}</span> <span className="muted">QoS {side.qos}</span> <span className="mono diff-preview">{side.preview}</span>
    </span>
  );
}
