// Numbers in raw binary: the bytes read as every integer width, float and double, in
// both byte orders, side by side (or one of them, when picked). A device that sends a
// bare float32 is read at a glance instead of by hand.
import { failed, type DecodeResult } from './decode-result';

export const numberTypes = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'] as const;
export type NumberType = (typeof numberTypes)[number];
export type ByteOrder = 'big' | 'little';

export interface NumberPick {
  type: NumberType;
  order: ByteOrder;
}

export interface NumberRow {
  type: NumberType;
  /** null for one-byte types, which have no byte order. */
  order: ByteOrder | null;
  values: string[];
  /** Values not shown because the row is capped; bytes left over that make no whole value. */
  more: number;
  leftover: number;
}

const sizes: Record<NumberType, number> = { int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8, float32: 4, float64: 8 };
/** Per row: enough to read a frame of readings, few enough to stay one line. */
export const maxValuesPerRow = 16;

function read(view: DataView, at: number, type: NumberType, little: boolean): string {
  switch (type) {
    case 'int8':
      return String(view.getInt8(at));
    case 'uint8':
      return String(view.getUint8(at));
    case 'int16':
      return String(view.getInt16(at, little));
    case 'uint16':
      return String(view.getUint16(at, little));
    case 'int32':
      return String(view.getInt32(at, little));
    case 'uint32':
      return String(view.getUint32(at, little));
    case 'int64':
      return String(view.getBigInt64(at, little));
    case 'uint64':
      return String(view.getBigUint64(at, little));
    case 'float32': {
      const f = view.getFloat32(at, little);
      return Number.isFinite(f) ? String(Number(f.toPrecision(7))) : String(f);
    }
    case 'float64':
      return String(view.getFloat64(at, little));
  }
}

export function numberRow(bytes: Uint8Array, type: NumberType, order: ByteOrder, maxValues = maxValuesPerRow): NumberRow {
  const size = sizes[type];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const whole = Math.floor(bytes.length / size);
  const values: string[] = [];
  for (let i = 0; i < Math.min(whole, maxValues); i++) values.push(read(view, i * size, type, order === 'little'));
  return { type, order: size === 1 ? null : order, values, more: Math.max(0, whole - maxValues), leftover: bytes.length % size };
}

export function decodeRawNumbers(bytes: Uint8Array, pick: NumberPick | null = null): DecodeResult {
  if (bytes.length === 0) return failed('No number: the payload is empty.');
  if (pick) {
    const size = sizes[pick.type];
    if (bytes.length < size) return failed(`Not a ${pick.type}: it needs ${size} bytes and the payload has ${bytes.length}.`);
    const row = numberRow(bytes, pick.type, pick.order);
    return { ok: true, value: { kind: 'numbers', rows: [row], summary: `${pick.type}, ${size === 1 ? 'one byte each' : `${pick.order}-endian`}` } };
  }
  const rows: NumberRow[] = [];
  for (const type of numberTypes) {
    if (sizes[type] > bytes.length) continue;
    rows.push(numberRow(bytes, type, 'big'));
    if (sizes[type] > 1) rows.push(numberRow(bytes, type, 'little'));
  }
  return { ok: true, value: { kind: 'numbers', rows, summary: `${bytes.length} ${bytes.length === 1 ? 'byte' : 'bytes'} read as each type` } };
}
