// One row of the topic tree as DOM, built and patched directly rather than through React.
// An expand, a jump or a long scroll brings a screenful of new rows at once, and React's
// bookkeeping per element more than doubled the script time of building them (33 rows:
// 1.1 ms directly, 2.7 ms through React). tree-rows-dom keeps the rows in order; the
// view (topic-tree) handles their events on the block that holds them.
import type { TreeRow } from '../../shared/contract';
import { plural } from './format-number';

export const treeRowHeight = 22;
const indentPerLevel = 16;
/** The chevron's width (tree.css): a leaf has no chevron and is indented by as much instead. */
const chevronWidth = 20;

export interface RowState {
  row: TreeRow;
  index: number;
  selected: boolean;
  tabbable: boolean;
  flashing: boolean;
}

/** A row's optional and text-bearing children, in their document order. */
interface Parts {
  state: RowState | null;
  flash: HTMLElement | null;
  chevron: HTMLElement | null;
  name: HTMLElement;
  preview: HTMLElement | null;
  counts: HTMLElement;
  retained: HTMLElement | null;
}

const partsOf = new WeakMap<Element, Parts>();

/** The row and index an element shows (for its events). */
export function rowStateOf(el: Element): RowState | undefined {
  return partsOf.get(el)?.state ?? undefined;
}

export function createRow(doc: Document, state: RowState): HTMLElement {
  const el = doc.createElement('div');
  el.setAttribute('role', 'treeitem');
  const name = child(doc, 'tree-name');
  const counts = child(doc, 'tree-counts');
  el.append(name, counts);
  partsOf.set(el, { state: null, flash: null, chevron: null, name, preview: null, counts, retained: null });
  patchRow(el, state);
  return el;
}

/** Brings a row element to a new state, touching only what differs from the last one. */
export function patchRow(el: HTMLElement, next: RowState): void {
  const p = partsOf.get(el)!;
  const prev = p.state;
  if (prev && prev.row === next.row && prev.index === next.index && prev.selected === next.selected && prev.tabbable === next.tabbable && prev.flashing === next.flashing) return;
  const row = next.row;
  const old = prev?.row;
  const expandable = row.childCount > 0;
  const wasExpandable = old !== undefined && old.childCount > 0;
  const moved = old === undefined || old.depth !== row.depth || wasExpandable !== expandable;
  if (old?.depth !== row.depth) el.setAttribute('aria-level', String(row.depth + 1));
  if (moved || old.expanded !== row.expanded) {
    if (expandable) el.setAttribute('aria-expanded', String(row.expanded));
    else el.removeAttribute('aria-expanded');
  }
  if (prev?.selected !== next.selected) el.setAttribute('aria-selected', String(next.selected));
  if (old?.name !== row.name) el.setAttribute('aria-label', row.name === '' ? '(empty level)' : row.name);
  if (prev?.tabbable !== next.tabbable) el.tabIndex = next.tabbable ? 0 : -1;
  if (prev?.index !== next.index) el.dataset.index = String(next.index);
  if (prev?.selected !== next.selected || prev.flashing !== next.flashing) el.className = `tree-row${next.selected ? ' selected' : ''}${next.flashing ? ' flashing' : ''}`;
  // Indent and the leaf's missing chevron are padding, not elements: fewer nodes to build, style and lay out.
  if (moved) el.style.paddingLeft = `${row.depth * indentPerLevel + (expandable ? 0 : chevronWidth)}px`;
  patchFlash(el, p, next, prev);
  patchChevron(el, p, row);
  if (old?.name !== row.name) {
    if (row.name === '') {
      const em = el.ownerDocument.createElement('em');
      em.className = 'muted';
      em.textContent = '(empty)';
      p.name.replaceChildren(em);
    } else p.name.textContent = row.name;
  }
  patchPreview(el, p, row);
  if (old === undefined || old.messageCount !== row.messageCount || old.topicCount !== row.topicCount || wasExpandable !== expandable) p.counts.textContent = countsText(row);
  if (row.retained !== (p.retained !== null)) {
    if (row.retained) {
      p.retained = child(el.ownerDocument, 'tree-retained', 'R');
      p.retained.title = 'Latest message is retained';
      el.append(p.retained);
    } else {
      p.retained!.remove();
      p.retained = null;
    }
  }
  p.state = next;
}

// A new element per change of changedAt restarts the CSS animation. A parent changes
// whenever anything below it does: it flashes faintly, so the eye goes to the topic that moved.
function patchFlash(el: HTMLElement, p: Parts, next: RowState, prev: RowState | null): void {
  const restart = next.flashing && (!prev?.flashing || prev.row.changedAt !== next.row.changedAt);
  if (p.flash && (!next.flashing || restart)) {
    p.flash.remove();
    p.flash = null;
  }
  const className = next.row.childCount > 0 ? 'tree-flash tree-flash-parent' : 'tree-flash';
  if (restart) {
    p.flash = child(el.ownerDocument, className);
    p.flash.setAttribute('aria-hidden', 'true');
    el.prepend(p.flash);
  } else if (p.flash && p.flash.className !== className) p.flash.className = className;
}

function patchChevron(el: HTMLElement, p: Parts, row: TreeRow): void {
  const expandable = row.childCount > 0;
  if (expandable && !p.chevron) {
    p.chevron = child(el.ownerDocument, 'tree-chevron');
    p.chevron.setAttribute('aria-hidden', 'true');
    el.insertBefore(p.chevron, p.name);
  } else if (!expandable && p.chevron) {
    p.chevron.remove();
    p.chevron = null;
  }
  const glyph = row.expanded ? '▾' : '▸';
  if (p.chevron && p.chevron.textContent !== glyph) p.chevron.textContent = glyph;
}

function patchPreview(el: HTMLElement, p: Parts, row: TreeRow): void {
  if (row.preview === null) {
    p.preview?.remove();
    p.preview = null;
    return;
  }
  if (!p.preview) {
    p.preview = child(el.ownerDocument, '');
    el.insertBefore(p.preview, p.counts);
  }
  const className = `tree-preview fmt-${row.previewFormat ?? 'text'}`;
  if (p.preview.className !== className) p.preview.className = className;
  if (p.preview.title !== row.preview) {
    p.preview.title = row.preview;
    p.preview.textContent = row.preview;
  }
}

function child(doc: Document, className: string, text?: string): HTMLElement {
  const span = doc.createElement('span');
  if (className) span.className = className;
  if (text !== undefined) span.textContent = text;
  return span;
}

export function countsText(row: TreeRow): string {
  const msgs = plural(row.messageCount, 'msg', 'msgs');
  return row.childCount > 0 ? `${plural(row.topicCount, 'topic', 'topics')} · ${msgs}` : msgs;
}
