import { describe, expect, it } from 'vitest';
import { binaryByte, hexByte, quote, showBytes } from './format';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('value formatting', () => {
  it('writes bytes the way specs do', () => {
    expect(hexByte(0xc8)).toBe('0xC8');
    expect(binaryByte(0xc2)).toBe('1100 0010');
  });

  it('quotes strings on one line without escaping quotes', () => {
    expect(quote('{"a":1}')).toBe('"{"a":1}"');
    expect(quote('a\nb\u0000')).toBe('"a\\nb\\u0000"');
  });

  it('shows text as text, the rest as hex, and says where it cut', () => {
    expect(showBytes(utf8('héllo'))).toEqual({ value: '"héllo"', note: '6 bytes' });
    expect(showBytes(new Uint8Array([0xff, 0x01]))).toEqual({ value: 'ff 01', note: '2 bytes, not UTF-8' });
    expect(showBytes(new Uint8Array([0x01, 0x02]))).toEqual({ value: '01 02', note: '2 bytes, binary' });
    expect(showBytes(new Uint8Array())).toEqual({ value: '(empty)', note: '0 bytes' });
    // 63 ASCII bytes then a 2-byte character straddling the 64-byte cut: the character is left out.
    const long = showBytes(utf8('a'.repeat(63) + 'é' + 'b'.repeat(10)));
    expect(long).toEqual({ value: `"${'a'.repeat(63)}"`, note: '75 bytes, first 64 shown' });
  });
});
