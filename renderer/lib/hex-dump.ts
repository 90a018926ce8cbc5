// The inspector's hex dump and its link to the field tree: rows of 16 bytes, and
// which bytes a field covers / which fields cover a byte, both ways, for hovering.

export const bytesPerRow = 16;

export interface HexRow {
  offset: number;
  bytes: number[];
}

export function hexRows(bytes: Uint8Array, perRow = bytesPerRow): HexRow[] {
  const rows: HexRow[] = [];
  for (let offset = 0; offset < bytes.length; offset += perRow) {
    rows.push({ offset, bytes: Array.from(bytes.subarray(offset, offset + perRow)) });
  }
  return rows;
}

/** Offsets as 4 hex digits (MQTT packets over 64 KB get more). */
export function formatOffset(offset: number, total: number): string {
  const width = Math.max(4, (Math.max(1, total) - 1).toString(16).length);
  return offset.toString(16).toUpperCase().padStart(width, '0');
}

export function byteHex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}

/** Printable ASCII as itself, everything else as a dot, like every hex viewer. */
export function asciiChar(b: number): string {
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
}

/** The part of a field tree the hover logic needs; byte ranges are [start, end). */
export interface ByteRangeNode {
  start: number;
  end: number;
  children?: readonly ByteRangeNode[];
}

export interface FlatField<T extends ByteRangeNode> {
  /** Position in the tree, "0.2.1": stable while the packet is shown. */
  path: string;
  depth: number;
  field: T;
  hasChildren: boolean;
}

/** The tree in document order, with a path per node. */
export function flattenFields<T extends ByteRangeNode>(fields: readonly T[], parent = '', depth = 0, out: FlatField<T>[] = []): FlatField<T>[] {
  fields.forEach((field, i) => {
    const path = parent === '' ? String(i) : `${parent}.${i}`;
    const children = (field.children ?? []) as readonly T[];
    out.push({ path, depth, field, hasChildren: children.length > 0 });
    flattenFields(children, path, depth + 1, out);
  });
  return out;
}

/** Paths of the fields covering a byte, outermost first. */
export function pathsAt<T extends ByteRangeNode>(flat: readonly FlatField<T>[], offset: number): string[] {
  return flat.filter((f) => f.field.start <= offset && offset < f.field.end).map((f) => f.path);
}

/** The innermost field covering a byte: the one to point at. */
export function innermostPathAt<T extends ByteRangeNode>(flat: readonly FlatField<T>[], offset: number): string | null {
  const paths = pathsAt(flat, offset);
  return paths.length === 0 ? null : paths[paths.length - 1];
}

export interface Highlight {
  start: number;
  end: number;
}

export type ByteMark = 'none' | 'field' | 'inner';

/**
 * How a byte is drawn: 'inner' for the bytes of the hovered field, 'field' for the
 * rest of its outermost enclosing field, so a byte's context shows too.
 */
export function byteMark(offset: number, inner: Highlight | null, outer: Highlight | null): ByteMark {
  if (inner && offset >= inner.start && offset < inner.end) return 'inner';
  if (outer && offset >= outer.start && offset < outer.end) return 'field';
  return 'none';
}

/** The ancestor paths of a path ("0.2.1" → ["0", "0.2"]), to expand the tree down to it. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** The renderer's name for the shared decoder (payloads and raw packets arrive as base64). */
export { decodeBase64 as base64ToBytes } from '../../shared/base64';
