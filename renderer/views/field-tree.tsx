// The dissected fields of one packet as a tree. Hovering or focusing a field lights
// its bytes in the hex dump; hovering a byte there lights the fields covering it here.
import { useState, type KeyboardEvent } from 'react';
import type { DissectedField } from '../../shared/packet-dissector';
import type { FlatField } from '../lib/hex-dump';

export interface FieldTreeProps {
  flat: readonly FlatField<DissectedField>[];
  /** Paths covering the hovered byte (outermost first), or the hovered field's path. */
  lit: readonly string[];
  onHover(path: string | null): void;
}

export function FieldTree({ flat, lit, onHover }: FieldTreeProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const visible = flat.filter((f) => ![...collapsed].some((c) => f.path.startsWith(`${c}.`)));
  const innermost = lit[lit.length - 1] ?? null;

  const toggle = (path: string, open?: boolean) =>
    setCollapsed((s) => {
      const next = new Set(s);
      const shouldOpen = open ?? next.has(path);
      if (shouldOpen) next.delete(path);
      else next.add(path);
      return next;
    });

  const focusAt = (i: number, container: HTMLElement) => {
    const f = visible[Math.max(0, Math.min(visible.length - 1, i))];
    if (!f) return;
    setFocusPath(f.path);
    onHover(f.path);
    container.querySelector<HTMLElement>(`[data-path="${f.path}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = visible.findIndex((f) => f.path === focusPath);
    const f = visible[i];
    if (e.key === 'ArrowDown') focusAt(i + 1, e.currentTarget);
    else if (e.key === 'ArrowUp') focusAt(i - 1, e.currentTarget);
    else if (e.key === 'Home') focusAt(0, e.currentTarget);
    else if (e.key === 'End') focusAt(visible.length - 1, e.currentTarget);
    else if (e.key === 'ArrowRight' && f?.hasChildren) toggle(f.path, true);
    else if (e.key === 'ArrowLeft' && f?.hasChildren && !collapsed.has(f.path)) toggle(f.path, false);
    else if (e.key === 'ArrowLeft' && f && f.depth > 0) focusAt(visible.findIndex((v) => v.path === f.path.split('.').slice(0, -1).join('.')), e.currentTarget);
    else return;
    e.preventDefault();
  };

  const tabbable = focusPath ?? visible[0]?.path;
  return (
    <div role="tree" aria-label="Packet fields" className="field-tree" onKeyDown={onKeyDown} onMouseLeave={() => onHover(null)}>
      {visible.map(({ path, depth, field, hasChildren }) => {
        const open = !collapsed.has(path);
        const isLit = lit.includes(path);
        return (
          <div
            key={path}
            role="treeitem"
            aria-level={depth + 1}
            aria-expanded={hasChildren ? open : undefined}
            aria-selected={path === innermost}
            tabIndex={path === tabbable ? 0 : -1}
            data-path={path}
            className={`field-row${isLit ? ' lit' : ''}${path === innermost ? ' lit-inner' : ''}`}
            style={{ paddingLeft: 8 + depth * 14 }}
            onMouseEnter={() => onHover(path)}
            onFocus={() => {
              setFocusPath(path);
              onHover(path);
            }}
            onClick={() => hasChildren && toggle(path)}
          >
            <span className="field-chevron" aria-hidden="true">
              {hasChildren ? (open ? '▾' : '▸') : ''}
            </span>
            <span className="field-name">{field.name}</span>
            {field.bits && <span className="field-bits">{field.bits}</span>}
            <span className="field-value mono">{field.value}</span>
            {field.note && <span className="field-note">{field.note}</span>}
            <span className="field-range mono" title={`bytes ${field.start}–${field.end - 1}`}>
              {field.end - field.start === 1 ? `@${field.start}` : `@${field.start}–${field.end - 1}`}
            </span>
          </div>
        );
      })}
    </div>
  );
}
