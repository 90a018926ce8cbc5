import { memo, type MouseEvent } from 'react';
import type { TreeRow } from '../../shared/contract';
import { plural } from '../lib/format-number';

export const treeRowHeight = 22;
const indentPerLevel = 16;

export interface TreeRowViewProps {
  row: TreeRow;
  index: number;
  top: number;
  selected: boolean;
  tabbable: boolean;
  flashing: boolean;
  onActivate(index: number, row: TreeRow): void;
  onToggle(index: number, row: TreeRow, recursive: boolean): void;
}

export const TreeRowView = memo(function TreeRowView({ row, index, top, selected, tabbable, flashing, onActivate, onToggle }: TreeRowViewProps) {
  const expandable = row.childCount > 0;
  const toggle = (e: MouseEvent) => {
    e.stopPropagation();
    if (expandable) onToggle(index, row, e.shiftKey || e.altKey);
  };
  return (
    <div
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={expandable ? row.expanded : undefined}
      aria-selected={selected}
      aria-label={row.name === '' ? '(empty level)' : row.name}
      tabIndex={tabbable ? 0 : -1}
      data-index={index}
      className={`tree-row${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onActivate(index, row)}
      onDoubleClick={(e) => toggle(e)}
    >
      {/* Keyed by changedAt: each new change remounts it, which restarts the CSS animation. */}
      {flashing && (
        // A parent changes whenever anything below it does: it flashes faintly, so the eye goes to the topic that moved.
        <span key={row.changedAt} className={row.childCount > 0 ? 'tree-flash tree-flash-parent' : 'tree-flash'} aria-hidden="true" />
      )}
      <span className="tree-indent" style={{ width: row.depth * indentPerLevel }} />
      <span className="tree-chevron" aria-hidden="true" onClick={toggle}>
        {expandable ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <span className="tree-name">{row.name === '' ? <em className="muted">(empty)</em> : row.name}</span>
      {row.preview !== null && (
        <span className={`tree-preview fmt-${row.previewFormat ?? 'text'}`} title={row.preview}>
          {row.preview}
        </span>
      )}
      <span className="tree-counts">{countsText(row)}</span>
      <span className="tree-retained" title={row.retained ? 'Latest message is retained' : undefined}>
        {row.retained ? 'R' : ''}
      </span>
    </div>
  );
});

function countsText(row: TreeRow): string {
  const msgs = plural(row.messageCount, 'msg', 'msgs');
  return row.childCount > 0 ? `${plural(row.topicCount, 'topic', 'topics')} · ${msgs}` : msgs;
}
