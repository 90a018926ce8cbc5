// Values as the tree shows them: JSON's kinds plus bytes and integers too large for a
// double. Libraries hand back Maps, BigInts, Longs, Dates and typed arrays; this turns
// them into one small shape so a single tree view can show every format.

export type PlainValue =
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  /** text keeps the exact digits (a 64-bit integer past 2^53 is not rounded). */
  | { kind: 'number'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'bytes'; hex: string; length: number }
  | { kind: 'list'; items: PlainValue[] }
  | { kind: 'map'; entries: { key: string; value: PlainValue }[] };

const maxDepth = 200;

function hexOf(bytes: Uint8Array, max = 64): string {
  let out = '';
  for (let i = 0; i < Math.min(max, bytes.length); i++) out += bytes[i].toString(16).padStart(2, '0');
  return bytes.length > max ? `${out}…` : out;
}

export function bytesValue(bytes: Uint8Array): PlainValue {
  return { kind: 'bytes', hex: hexOf(bytes), length: bytes.length };
}

export function numberValue(n: number | bigint): PlainValue {
  return { kind: 'number', text: String(n) };
}

/** Any value a decoding library returns, as a PlainValue. */
export function toPlainValue(value: unknown, depth = 0): PlainValue {
  if (depth > maxDepth) return { kind: 'string', value: '(nested too deeply to show)' };
  if (value === null || value === undefined) return { kind: 'null' };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value === 'number' || typeof value === 'bigint') return numberValue(value);
  if (typeof value === 'string') return { kind: 'string', value };
  if (value instanceof Uint8Array) return bytesValue(value);
  if (ArrayBuffer.isView(value)) return bytesValue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  if (value instanceof Date) return { kind: 'string', value: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString() };
  if (Array.isArray(value)) return { kind: 'list', items: value.map((v) => toPlainValue(v, depth + 1)) };
  if (value instanceof Map) return { kind: 'map', entries: [...value].map(([k, v]) => ({ key: keyText(k), value: toPlainValue(v, depth + 1) })) };
  if (value instanceof Set) return { kind: 'list', items: [...value].map((v) => toPlainValue(v, depth + 1)) };
  if (typeof value === 'object') {
    return { kind: 'map', entries: Object.entries(value as Record<string, unknown>).map(([key, v]) => ({ key, value: toPlainValue(v, depth + 1) })) };
  }
  return { kind: 'string', value: String(value) };
}

function keyText(key: unknown): string {
  if (typeof key === 'string') return key;
  if (key instanceof Uint8Array) return `0x${hexOf(key)}`;
  if (typeof key === 'object' && key !== null) return JSON.stringify(toPlainJson(toPlainValue(key)));
  return String(key);
}

/** A PlainValue as JSON-ready data (numbers past 2^53 stay strings), for copying and pretty text. */
export function toPlainJson(value: PlainValue): unknown {
  switch (value.kind) {
    case 'null':
      return null;
    case 'bool':
      return value.value;
    case 'number': {
      const n = Number(value.text);
      return Number.isFinite(n) && (Number.isSafeInteger(n) || !/^-?\d+$/.test(value.text)) ? n : value.text;
    }
    case 'string':
      return value.value;
    case 'bytes':
      return `0x${value.hex}`;
    case 'list':
      return value.items.map(toPlainJson);
    case 'map':
      return Object.fromEntries(value.entries.map((e) => [e.key, toPlainJson(e.value)]));
  }
}
