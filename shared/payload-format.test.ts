import { describe, expect, it } from 'vitest';
import { decodeText, detectFormat, hexDump, previewPayload } from './payload-format';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('payload format', () => {
  it('detects JSON, text and binary', () => {
    expect(detectFormat(decodeText(utf8('{"a":1}')))).toBe('json');
    expect(detectFormat(decodeText(utf8('21.5')))).toBe('text');
    expect(detectFormat(decodeText(utf8('{not json')))).toBe('text');
    expect(detectFormat(decodeText(new Uint8Array([0xff, 0xfe, 0x00])))).toBe('binary');
    expect(decodeText(new Uint8Array([0x41, 0x00, 0x42]))).toBeNull();
  });

  it('previews one line and says when it cut', () => {
    expect(previewPayload(utf8('{\n  "a": 1\n}'))).toEqual({ format: 'json', preview: '{ "a": 1 }', truncated: false });
    const long = previewPayload(utf8('x'.repeat(500)), 100);
    expect(long).toEqual({ format: 'text', preview: 'x'.repeat(100), truncated: true });
    expect(previewPayload(new Uint8Array([1, 2, 255]))).toEqual({ format: 'binary', preview: '01 02 ff', truncated: false });
  });

  it('previews a huge payload from its head only, even when the cut splits a character', () => {
    const big = utf8('é'.repeat(1_000_000));
    const p = previewPayload(big, 10);
    expect(p).toEqual({ format: 'text', preview: 'é'.repeat(10), truncated: true });
  });

  it('dumps hex with offsets and ASCII', () => {
    expect(hexDump(utf8('ABC\n'))).toBe('00000000  41 42 43 0a                                      ABC.');
  });
});
