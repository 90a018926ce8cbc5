// Readers that consume one field each and add it to the tree. Each read is all-or-nothing: a field
// cut off by the limit is not added and the cursor stays at its start, so the bytes show as unread.
import { DissectError, type Dissection } from './context';
import { binaryByte, decodeUtf8, hexByte, hexBytes, plural, quote, showBytes } from './format';
import type { DissectedField } from './types';

export interface Described {
  value?: string;
  note?: string;
}

/** A normative statement's identifier; 3.1.1 and 5.0 number some of them differently, 3.1 has none. */
export function clause(d: Dissection, v311: string, v5: string): string {
  if (d.version === 3) return '';
  return ` [${d.is5 ? v5 : v311}]`;
}

function field(name: string, start: number, end: number, value: string, note?: string): DissectedField {
  return note === undefined ? { name, start, end, value } : { name, start, end, value, note };
}

export function byteField(d: Dissection, name: string, describe?: (v: number) => Described): number {
  const start = d.pos;
  const v = d.u8(name);
  const shown = describe?.(v) ?? {};
  d.add(field(name, start, d.pos, shown.value ?? String(v), shown.note));
  return v;
}

export function twoByteField(d: Dissection, name: string, note?: string): number {
  const start = d.pos;
  const v = d.u16(name);
  d.add(field(name, start, d.pos, String(v), note));
  return v;
}

export function packetIdField(d: Dissection): number {
  const id = twoByteField(d, 'Packet Identifier');
  if (id === 0) d.problem(`Packet Identifier is 0; it must be non-zero${clause(d, 'MQTT-2.3.1-1', 'MQTT-2.2.1-3')}`);
  return id;
}

/** A code byte (return or reason code): hex value, its meaning in the note. */
export function codeField(d: Dissection, name: string, meaning: (code: number) => string): number {
  return byteField(d, name, (v) => ({ value: hexByte(v), note: meaning(v) }));
}

/** A byte whose bits are separate fields: the byte in hex and binary, its bits as children. */
export function flagsByteField(d: Dissection, name: string, bits: (byte: number, at: number) => DissectedField[]): number {
  const start = d.pos;
  const v = d.u8(name);
  d.add({ ...field(name, start, d.pos, hexByte(v), binaryByte(v)), children: bits(v, start) });
  return v;
}

/** One bit field of the byte at `at`; `hi`..`lo` are bit numbers, 7 the most significant. */
export function bitField(name: string, at: number, byte: number, hi: number, lo: number, note?: (v: number) => string | undefined): DissectedField {
  const v = (byte >> lo) & ((1 << (hi - lo + 1)) - 1);
  const f: DissectedField = { name, start: at, end: at + 1, bits: hi === lo ? `bit ${hi}` : `bits ${hi}-${lo}`, value: String(v) };
  const text = note?.(v);
  if (text !== undefined) f.note = text;
  return f;
}

export interface Varint {
  value: number;
  start: number;
  end: number;
  field: DissectedField;
}

/**
 * A Variable Byte Integer (§1.5.5 / §2.2.3): 7 bits a byte, least significant first, at most 4 bytes.
 * The field is added even when a fifth byte would follow, so the user sees the bytes that broke it.
 */
export function varintField(d: Dissection, name: string, note?: string): Varint {
  const start = d.pos;
  let value = 0;
  let n = 0;
  for (;;) {
    if (n === 4) {
      d.pos = start + 4;
      d.add(field(name, start, d.pos, '(invalid)', `${hexList(d.bytes.subarray(start, d.pos))}: all 4 bytes have the continuation bit set; a Variable Byte Integer has at most 4 bytes`));
      throw new DissectError(`${name} is longer than 4 bytes (malformed Variable Byte Integer)`);
    }
    d.need(n + 1, name);
    const b = d.bytes[d.pos + n];
    value += (b & 0x7f) * 128 ** n;
    n++;
    if ((b & 0x80) === 0) break;
  }
  d.pos = start + n;
  const encoded = d.bytes.subarray(start, d.pos);
  let how = `${plural(n, 'byte')}: ${hexList(encoded)} = ${value}`;
  // A longer encoding than needed (a trailing 0x00 group): 5.0 forbids it [MQTT-1.5.5-1].
  if (n > 1 && encoded[n - 1] === 0) {
    how += '; not the shortest encoding';
    if (d.is5) d.problem(`${name} does not use the minimum number of bytes [MQTT-1.5.5-1]`);
  }
  const added = d.add(field(name, start, d.pos, String(value), note ? `${how}; ${note}` : how));
  return { value, start, end: d.pos, field: added };
}

function hexList(bytes: Uint8Array): string {
  return Array.from(bytes, hexByte).join(' ');
}

/** Two-byte length, then that many bytes; checked against the limit before anything is consumed. */
function lengthPrefixed(d: Dissection, name: string): Uint8Array {
  d.need(2, name);
  const len = (d.bytes[d.pos] << 8) | d.bytes[d.pos + 1];
  d.need(2 + len, name);
  const out = d.bytes.subarray(d.pos + 2, d.pos + 2 + len);
  d.pos += 2 + len;
  return out;
}

/**
 * A UTF-8 Encoded String (§1.5.4). Ill-formed UTF-8 and U+0000 are malformed: the field shows the
 * bytes in hex and the problem is recorded, but reading goes on since the length is known.
 */
export function stringField(d: Dissection, name: string, note?: string): string | null {
  const start = d.pos;
  const raw = lengthPrefixed(d, name);
  const text = decodeUtf8(raw);
  if (text === null) {
    d.add(field(name, start, d.pos, hexBytes(raw.subarray(0, 64)), `not valid UTF-8 (${plural(raw.length, 'byte')})`));
    d.problem(`${name} at offset ${start} is not valid UTF-8 (malformed packet)${clause(d, 'MQTT-1.5.3-1', 'MQTT-1.5.4-1')}`);
    return null;
  }
  if (text.includes('\u0000')) d.problem(`${name} at offset ${start} contains U+0000 (malformed packet)${clause(d, 'MQTT-1.5.3-2', 'MQTT-1.5.4-2')}`);
  d.add(field(name, start, d.pos, quote(text), note));
  return text;
}

/** Binary Data (§1.5.6): two-byte length and bytes. Secrets show only their length. */
export function binaryField(d: Dissection, name: string, options: { hidden?: boolean; note?: string } = {}): Uint8Array {
  const start = d.pos;
  const raw = lengthPrefixed(d, name);
  if (options.hidden) {
    d.add(field(name, start, d.pos, `(${plural(raw.length, 'byte')}, hidden)`, options.note));
  } else {
    const shown = showBytes(raw);
    d.add(field(name, start, d.pos, shown.value, options.note ? `${shown.note}; ${options.note}` : shown.note));
  }
  return raw;
}

/** Bytes the rules do not account for, shown so every byte belongs to some field. */
export function rawField(d: Dissection, name: string, end: number, note?: string): DissectedField | null {
  if (end <= d.pos) return null;
  const start = d.pos;
  d.pos = end;
  const bytes = d.bytes.subarray(start, end);
  if (d.secretive) return d.add(field(name, start, end, `(${plural(bytes.length, 'byte')}, hidden)`, `${note ?? ''}${note ? '; ' : ''}hidden: they may hold the password`));
  const hex = hexBytes(bytes.subarray(0, 64)) + (bytes.length > 64 ? ' …' : '');
  return d.add(field(name, start, end, hex, note ?? plural(bytes.length, 'byte')));
}

export function fourByteField(d: Dissection, name: string, note?: string): number {
  const start = d.pos;
  const v = d.u32(name);
  d.add(field(name, start, d.pos, String(v), note));
  return v;
}
