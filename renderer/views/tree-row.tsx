import { memo, type MouseEvent } from 'react';
import type { TreeRow } from '../../shared/contract';
import { plural } from '../lib/format-number';

export const treeRowHeight = 22;
const indentPerLevel = 16;
/** The chevron's width (tree.css): a leaf has no chevron and is indented by as much instead. */
const chevronWidth = 20;

export interface TreeRowViewProps {
  row: TreeRow;
  index: number;
  selected: boolean;
  tabbable: boolean;
  flashing: boolean;
  onActivate(index: number, row: TreeRow): void;
  onToggle(index: number, row: TreeRow, recursive: boolean): void;
}

export const TreeRowView = memo(function TreeRowView({ row, index, selected, tabbable, flashing, onActivate, onToggle }: TreeRowViewProps) {
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
      className={`tree-row${selected ? ' selected' : ''}${flashing ? ' flashing' : ''}`}
      // Indent and the leaf's missing chevron are padding, not elements: fewer nodes per row
      // to create, style and lay out when a scroll or an expand brings in a screenful of rows.
      style={{ paddingLeft: row.depth * indentPerLevel + (expandable ? 0 : chevronWidth) }}
      onClick={() => onActivate(index, row)}
      onDoubleClick={(e) => toggle(e)}
    >
      {/* Keyed by changedAt: each new change remounts it, which restarts the CSS animation. */}
      {flashing && (
        // A parent changes whenever anything below it does: it flashes faintly, so the eye goes to the topic that moved.
        <span key={row.changedAt} className={row.childCount > 0 ? 'tree-flash tree-flash-parent' : 'tree-flash'} aria-hidden="true" />
      )}
      {expandable && (
        // No focus on mousedown: the row takes it when the rows it opens come (topic-tree), in one frame with them.
        <span className="tree-chevron" aria-hidden="true" onMouseDown={preventFocus} onClick={toggle}>
          {row.expanded ? '▾' : '▸'}
        </span>
      )}
      <span className="tree-name">{row.name === '' ? <em className="muted">(empty)</em> : row.name}</span>
      {row.preview !== null && (
        <span className={`tree-preview fmt-${row.previewFormat ?? 'text'}`} title={row.preview}>
          {row.preview}
        </span>
      )}
      <span className="tree-counts">{countsText(row)}</span>
      {row.retained && (
        <span className="tree-retained" title="Latest message is retained">
          R
        </span>
      )}
    </div>
  );
});

function preventFocus(e: MouseEvent): void {
  e.preventDefault();
}

function countsText(row: TreeRow): string {
  const msgs = plural(row.messageCount, 'msg', 'msgs');
  return row.childCount > 0 ? `${plural(row.topicCount, 'topic', 'topics')} · ${msgs}` : msgs;
}
