// The frame of an operation's report: a heading line with the outcome, a close button,
// and the body; a region named after the report, so it can be found and read.
import type { ReactNode } from 'react';
import { VirtualList } from './virtual-list';

export interface ReportSectionProps {
  label: string;
  title: ReactNode;
  tone: 'ok' | 'warn' | 'bad';
  onClose(): void;
  children: ReactNode;
}

export function ReportSection({ label, title, tone, onClose, children }: ReportSectionProps) {
  return (
    <section className={`retained-report tone-${tone}`} aria-label={label}>
      <div className="report-head">
        <h3>{title}</h3>
        <button type="button" className="icon-button" aria-label={`Close the ${label.toLowerCase()}`} onClick={onClose}>
          ×
        </button>
      </div>
      <div className="report-body">{children}</div>
    </section>
  );
}

/** Topics (with a reason, when there is one) that a report names one by one, all of them. */
export function ReportTopics({ label, items }: { label: string; items: { topic: string; reason?: string }[] }) {
  if (items.length === 0) return null;
  return (
    <div className="report-topics">
      <h4>
        {label} ({items.length})
      </h4>
      <VirtualList
        items={items}
        label={label}
        rowHeight={18}
        maxHeight={144}
        itemKey={(it) => it.topic}
        render={(it) => (
          <span title={it.reason ? `${it.topic}: ${it.reason}` : it.topic}>
            <span className="mono">{it.topic}</span>
            {it.reason && <span className="report-reason">: {it.reason}</span>}
          </span>
        )}
      />
    </div>
  );
}
