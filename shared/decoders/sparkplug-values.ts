// A Sparkplug metric's value in words, by its datatype: signed integers are carried
// two's complement in unsigned fields, DateTime is milliseconds since 1970, arrays are
// packed little-endian in bytes_value. 64-bit values stay exact (BigInt to text).
import type { ProtoObject, ProtoValue } from './proto-message';

export const sparkplugDataTypes = [
  'Unknown', 'Int8', 'Int16', 'Int32', 'Int64', 'UInt8', 'UInt16', 'UInt32', 'UInt64', 'Float', 'Double', 'Boolean', 'String', 'DateTime', 'Text',
  'UUID', 'DataSet', 'Bytes', 'File', 'Template', 'PropertySet', 'PropertySetList',
  'Int8Array', 'Int16Array', 'Int32Array', 'Int64Array', 'UInt8Array', 'UInt16Array', 'UInt32Array', 'UInt64Array', 'FloatArray', 'DoubleArray', 'BooleanArray', 'StringArray', 'DateTimeArray',
] as const;

export function dataTypeName(code: number | null): string {
  if (code === null) return '—';
  return sparkplugDataTypes[code] ?? `unknown type ${code}`;
}

/** Epoch milliseconds as an ISO time; the exact number when it is no date a Date can hold. */
export function timeText(ms: bigint): string {
  const n = Number(ms);
  if (n > 8.64e15) return `${ms} ms`;
  return new Date(n).toISOString();
}

/** A float32 with the digits it really has (0.1f is 0.1, not 0.10000000149011612). */
function floatText(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(7))) : String(n);
}

function bigintOf(v: ProtoValue | undefined): bigint | null {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  return null;
}

const arrayReaders: Record<string, { size: number; read: (view: DataView, at: number) => string }> = {
  Int8Array: { size: 1, read: (v, at) => String(v.getInt8(at)) },
  Int16Array: { size: 2, read: (v, at) => String(v.getInt16(at, true)) },
  Int32Array: { size: 4, read: (v, at) => String(v.getInt32(at, true)) },
  Int64Array: { size: 8, read: (v, at) => String(v.getBigInt64(at, true)) },
  UInt8Array: { size: 1, read: (v, at) => String(v.getUint8(at)) },
  UInt16Array: { size: 2, read: (v, at) => String(v.getUint16(at, true)) },
  UInt32Array: { size: 4, read: (v, at) => String(v.getUint32(at, true)) },
  UInt64Array: { size: 8, read: (v, at) => String(v.getBigUint64(at, true)) },
  FloatArray: { size: 4, read: (v, at) => floatText(v.getFloat32(at, true)) },
  DoubleArray: { size: 8, read: (v, at) => String(v.getFloat64(at, true)) },
  DateTimeArray: { size: 8, read: (v, at) => timeText(v.getBigInt64(at, true)) },
};

function arrayText(type: string, bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = arrayReaders[type];
  if (reader) {
    const items: string[] = [];
    for (let at = 0; at + reader.size <= bytes.length; at += reader.size) items.push(reader.read(view, at));
    const rest = bytes.length % reader.size;
    return `[${items.join(', ')}]${rest ? ` (+${rest} stray bytes)` : ''}`;
  }
  if (type === 'BooleanArray' && bytes.length >= 4) {
    const count = view.getUint32(0, true);
    const items: string[] = [];
    for (let i = 0; i < count && 4 + (i >> 3) < bytes.length; i++) items.push(String(((bytes[4 + (i >> 3)] >> (7 - (i & 7))) & 1) === 1));
    return `[${items.join(', ')}]`;
  }
  if (type === 'StringArray') {
    const parts = new TextDecoder().decode(bytes).split('\u0000');
    if (parts[parts.length - 1] === '') parts.pop();
    return `[${parts.map((s) => JSON.stringify(s)).join(', ')}]`;
  }
  return bytesText(bytes);
}

function bytesText(bytes: Uint8Array): string {
  const shown = Array.from(bytes.subarray(0, 32), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return `${bytes.length} bytes${bytes.length ? `: ${shown}${bytes.length > 32 ? ' …' : ''}` : ''}`;
}

/** The metric's value as text by its datatype, whichever oneof field carries it. */
export function metricValueText(metric: ProtoObject, datatype: number | null): string {
  if (metric.is_null === true) return 'null';
  const type = dataTypeName(datatype);
  const int = bigintOf(metric.int_value);
  const long = bigintOf(metric.long_value);
  switch (type) {
    case 'Int8':
      return int === null ? '—' : String(BigInt.asIntN(8, int));
    case 'Int16':
      return int === null ? '—' : String(BigInt.asIntN(16, int));
    case 'Int32':
      return int === null ? '—' : String(BigInt.asIntN(32, int));
    case 'Int64':
      return long === null ? '—' : String(BigInt.asIntN(64, long));
    case 'DateTime':
      return long === null ? '—' : timeText(long);
    case 'Float':
      return typeof metric.float_value === 'number' ? floatText(metric.float_value) : '—';
  }
  if (type.endsWith('Array') && metric.bytes_value instanceof Uint8Array) return arrayText(type, metric.bytes_value);
  if (int !== null) return String(int);
  if (long !== null) return String(long);
  if (typeof metric.double_value === 'number') return String(metric.double_value);
  if (typeof metric.float_value === 'number') return floatText(metric.float_value);
  if (typeof metric.boolean_value === 'boolean') return String(metric.boolean_value);
  if (typeof metric.string_value === 'string') return metric.string_value;
  if (metric.bytes_value instanceof Uint8Array) return bytesText(metric.bytes_value);
  if (metric.dataset_value) return datasetText(metric.dataset_value as ProtoObject);
  if (metric.template_value) return templateText(metric.template_value as ProtoObject);
  return '—';
}

function datasetText(ds: ProtoObject): string {
  const columns = Array.isArray(ds.columns) ? (ds.columns as string[]) : [];
  const rows = Array.isArray(ds.rows) ? ds.rows.length : 0;
  return `DataSet: ${rows} ${rows === 1 ? 'row' : 'rows'} × ${columns.length} columns (${columns.join(', ')})`;
}

function templateText(t: ProtoObject): string {
  const metrics = Array.isArray(t.metrics) ? t.metrics.length : 0;
  const kind = t.is_definition === true ? 'Template definition' : `Template instance${typeof t.template_ref === 'string' ? ` of ${t.template_ref}` : ''}`;
  return `${kind}: ${metrics} ${metrics === 1 ? 'metric' : 'metrics'}`;
}
