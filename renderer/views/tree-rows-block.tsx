// The block of tree rows: one positioned block at the first row, the rows in normal flow
// inside it (a positioned box per row would make Chromium paint each as a layer of its
// own). The rows are DOM built directly (tree-row-dom) and kept in order by key
// (tree-rows-dom), in the commit of the render that brings them; their clicks are
// handled here, on the block, for all of them.
import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import type { TreeRow } from '../../shared/contract';
import { isFlashing, type FlashState } from '../lib/tree-flash';
import { createRow, patchRow, rowStateOf, treeRowHeight, type RowState } from '../lib/tree-row-dom';
import type { Rendered } from '../lib/tree-rendered';
import { syncKeyedChildren, type KeyedChild } from '../lib/tree-rows-dom';

export interface TreeRowsBlockProps {
  rendered: Rendered;
  selectedTopic: string | null;
  tabbableIndex: number | undefined;
  flash: FlashState;
  onActivate(index: number, row: TreeRow): void;
  onToggle(index: number, row: TreeRow, recursive: boolean): void;
}

type ChildState = { kind: 'row'; row: RowState } | { kind: 'gap'; rows: number };

export function TreeRowsBlock({ rendered, selectedTopic, tabbableIndex, flash, onActivate, onToggle }: TreeRowsBlockProps) {
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const block = ref.current;
    if (!block) return;
    const children: KeyedChild<ChildState>[] = rendered.items.map((item) =>
      item.kind === 'gap'
        ? { key: 'gap', state: { kind: 'gap', rows: item.rows } }
        : {
            key: `r:${item.row.path}`,
            state: {
              kind: 'row',
              row: { row: item.row, index: item.index, selected: item.row.path === selectedTopic, tabbable: item.index === tabbableIndex, flashing: isFlashing(flash, item.row) },
            },
          },
    );
    const doc = block.ownerDocument;
    syncKeyedChildren<ChildNode, ChildState>(
      block,
      children,
      (state) => (state.kind === 'row' ? createRow(doc, state.row) : gapElement(doc, state.rows)),
      (el, state) => {
        if (state.kind === 'row') patchRow(el as HTMLElement, state.row);
        else (el as HTMLElement).style.height = `${state.rows * treeRowHeight}px`;
      },
    );
  }, [rendered, selectedTopic, tabbableIndex, flash]);

  const hit = (e: MouseEvent) => {
    const target = e.target as Element;
    const rowEl = target.closest('[role="treeitem"]');
    const state = rowEl && rowStateOf(rowEl);
    return state ? { ...state, onChevron: target.closest('.tree-chevron') !== null } : null;
  };

  return (
    <div
      ref={ref}
      className="tree-rows"
      style={{ transform: `translateY(${rendered.first * treeRowHeight}px)` }}
      // No focus on a chevron's mousedown: its row takes it when the rows it opens come (topic-tree), in one frame with them.
      onMouseDown={(e) => {
        if ((e.target as Element).closest('.tree-chevron')) e.preventDefault();
      }}
      onClick={(e) => {
        const h = hit(e);
        if (!h) return;
        if (!h.onChevron) onActivate(h.index, h.row);
        else if (h.row.childCount > 0) onToggle(h.index, h.row, e.shiftKey || e.altKey);
      }}
      onDoubleClick={(e) => {
        const h = hit(e);
        if (h && h.row.childCount > 0) onToggle(h.index, h.row, e.shiftKey || e.altKey);
      }}
    />
  );
}

function gapElement(doc: Document, rows: number): HTMLElement {
  const gap = doc.createElement('div');
  gap.setAttribute('aria-hidden', 'true');
  gap.style.height = `${rows * treeRowHeight}px`;
  return gap;
}
