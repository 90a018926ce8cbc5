import { memo } from 'react';
import type { RetainedRow } from '../../../shared/retained-contract';
import { formatBytes } from '../../lib/format-number';
import { formatDateTime } from '../../lib/format-time';
import { setByText, shortTime } from '../../lib/retained-text';

export interface RetainedRowProps {
  row: RetainedRow;
  index: number;
  top: number;
  now: number;
  embedded: boolean;
  selected: boolean;
  tabbable: boolean;
  busy: boolean;
  onSelect(topic: string): void;
  onDelete(topic: string): void;
}

export const RetainedRowView = memo(function RetainedRowView({ row: r, index, top, now, embedded, selected, tabbable, busy, onSelect, onDelete }: RetainedRowProps) {
  const setBy = setByText(r, embedded);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-index={index}
      className={`log-row retained-cols${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(r.topic)}
    >
      <span role="gridcell" className="c-topic" title={r.topic}>
        {r.topic}
      </span>
      <span role="gridcell" className="c-size">
        {formatBytes(r.size)}
      </span>
      <span role="gridcell" className="c-num">
        {r.qos}
      </span>
      <span role="gridcell" className={`r-preview fmt-${r.previewFormat}`}>
        {r.preview}
        {r.previewTruncated && <span className="muted" title="The payload goes on: select the row to see all of it">…</span>}
      </span>
      <span role="gridcell" className="r-time" title={formatDateTime(r.firstSeenAt)}>
        {shortTime(r.firstSeenAt, now)}
      </span>
      <span role="gridcell" className="r-setby" title={setBy.title}>
        {setBy.text}
      </span>
      <span role="gridcell" className="r-time" title={r.setAt === null ? setBy.title : formatDateTime(r.setAt)}>
        {r.setAt === null ? '—' : shortTime(r.setAt, now)}
      </span>
      <span role="gridcell" className="r-actions">
        {selected && (
          <button
            type="button"
            className="small danger"
            disabled={busy}
            title={`Clear the retained message on ${r.topic} (asks first)`}
            onClick={(e) => {
              e.stopPropagation();
              onDelete(r.topic);
            }}
          >
            Delete
          </button>
        )}
      </span>
    </div>
  );
});
