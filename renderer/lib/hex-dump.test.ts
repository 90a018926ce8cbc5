import { describe, expect, it } from 'vitest';
import { ancestorPaths, asciiChar, base64ToBytes, byteHex, byteMark, flattenFields, formatOffset, hexRows, innermostPathAt, pathsAt } from './hex-dump';

describe('hexRows', () => {
  it('cuts bytes into rows of 16 with their offsets', () => {
    const rows = hexRows(new Uint8Array(35).map((_, i) => i));
    expect(rows.map((r) => r.offset)).toEqual([0, 16, 32]);
    expect(rows[2].bytes).toEqual([32, 33, 34]);
  });

  it('formats offsets, bytes and ASCII like a hex viewer', () => {
    expect(formatOffset(32, 35)).toBe('0020');
    expect(formatOffset(16, 0x12345)).toBe('00010');
    expect(byteHex(0x0a)).toBe('0A');
    expect(asciiChar(0x41)).toBe('A');
    expect(asciiChar(0x0a)).toBe('.');
    expect(asciiChar(0x7f)).toBe('.');
  });
});

// A CONNACK: fixed header (type byte, remaining length), then flags and return code.
const connack = [
  { name: 'Fixed header', start: 0, end: 2, children: [
    { name: 'Packet type', start: 0, end: 1 },
    { name: 'Remaining Length', start: 1, end: 2 },
  ] },
  { name: 'Variable header', start: 2, end: 4, children: [
    { name: 'Acknowledge flags', start: 2, end: 3 },
    { name: 'Return code', start: 3, end: 4 },
  ] },
];

describe('field tree and bytes', () => {
  const flat = flattenFields(connack);

  it('flattens the tree in document order with paths', () => {
    expect(flat.map((f) => `${f.path}:${f.field.name}`)).toEqual([
      '0:Fixed header',
      '0.0:Packet type',
      '0.1:Remaining Length',
      '1:Variable header',
      '1.0:Acknowledge flags',
      '1.1:Return code',
    ]);
    expect(flat[0].hasChildren).toBe(true);
    expect(flat[1].depth).toBe(1);
  });

  it('maps a byte to the fields covering it, outermost first', () => {
    expect(pathsAt(flat, 3)).toEqual(['1', '1.1']);
    expect(innermostPathAt(flat, 1)).toBe('0.1');
    expect(innermostPathAt(flat, 9)).toBeNull();
  });

  it('marks the hovered field and its enclosing field', () => {
    const inner = { start: 3, end: 4 };
    const outer = { start: 2, end: 4 };
    expect([1, 2, 3].map((o) => byteMark(o, inner, outer))).toEqual(['none', 'field', 'inner']);
  });

  it('lists the ancestors to expand', () => {
    expect(ancestorPaths('0.2.1')).toEqual(['0', '0.2']);
    expect(ancestorPaths('3')).toEqual([]);
  });

  it('decodes base64 to bytes', () => {
    expect(Array.from(base64ToBytes('IAIAAA=='))).toEqual([0x20, 0x02, 0x00, 0x00]);
  });
});
