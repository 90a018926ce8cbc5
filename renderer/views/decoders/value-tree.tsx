// A decoded document (JSON, MessagePack, CBOR, Protobuf) as a collapsible tree. Children
// are rendered only when their node is open, and long lists in pages, so a large
// document opens at once.
import { useState } from 'react';
import type { PlainValue } from '../../../shared/decoders/plain-value';

/** Levels open at first: enough to see a message's fields without a click. */
const openDepth = 2;
const pageSize = 200;

function scalarText(v: PlainValue): string {
  switch (v.kind) {
    case 'null':
      return 'null';
    case 'bool':
      return String(v.value);
    case 'number':
      return v.text;
    case 'string':
      return JSON.stringify(v.value);
    case 'bytes':
      return `${v.length} bytes 0x${v.hex}`;
    case 'list':
      return `[${v.items.length}]`;
    case 'map':
      return `{${v.entries.length}}`;
  }
}

function children(v: PlainValue): { key: string; value: PlainValue }[] {
  if (v.kind === 'list') return v.items.map((value, i) => ({ key: String(i), value }));
  if (v.kind === 'map') return v.entries;
  return [];
}

function Node({ name, value, depth, quoteKeys }: { name: string | null; value: PlainValue; depth: number; quoteKeys: boolean }) {
  const kids = children(value);
  const [open, setOpen] = useState(depth < openDepth);
  const [limit, setLimit] = useState(pageSize);
  const branch = value.kind === 'list' || value.kind === 'map';
  return (
    <li role="treeitem" aria-expanded={branch ? open : undefined} aria-label={name ?? 'root'} className="value-node">
      <div className="value-line" style={{ paddingLeft: depth * 14 }}>
        {branch ? (
          <button type="button" className="value-toggle" aria-label={`${open ? 'Collapse' : 'Expand'} ${name ?? 'root'}`} onClick={() => setOpen(!open)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="value-toggle" aria-hidden="true" />
        )}
        {name !== null && <span className="value-key">{`${name}: `}</span>}
        <span className={`value-scalar value-${value.kind}`}>{scalarText(value)}</span>
      </div>
      {branch && open && kids.length > 0 && (
        <ul role="group">
          {/* JSON's keys read as JSON ("temp": 21.5); other formats' field names stand bare. */}
          {kids.slice(0, limit).map((c, i) => (
            <Node key={i} name={quoteKeys && value.kind === 'map' ? JSON.stringify(c.key) : c.key} value={c.value} depth={depth + 1} quoteKeys={quoteKeys} />
          ))}
          {kids.length > limit && (
            <li role="none" style={{ paddingLeft: (depth + 1) * 14 }}>
              <button type="button" className="small" onClick={() => setLimit(limit + pageSize * 5)}>
                Show {Math.min(pageSize * 5, kids.length - limit)} more of {kids.length - limit} not shown
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

export function ValueTree({ value, label, quoteKeys = false }: { value: PlainValue; label: string; quoteKeys?: boolean }) {
  return (
    <ul role="tree" aria-label={label} className="value-tree mono">
      <Node name={null} value={value} depth={0} quoteKeys={quoteKeys} />
    </ul>
  );
}
