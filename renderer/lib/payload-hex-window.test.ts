import { describe, expect, it } from 'vitest';
import { hexLine, hexLineHeight, hexWindow, maxScrollHeight } from './payload-hex-window';

describe('hexWindow', () => {
  it('draws the lines in view plus a margin, one pixel per pixel when it fits', () => {
    expect(hexWindow(1000, 0, 180)).toEqual({ height: 18_000, first: 0, count: 27, top: 0 });
    expect(hexWindow(1000, 18 * 500, 180)).toEqual({ height: 18_000, first: 492, count: 27, top: 492 * hexLineHeight });
    expect(hexWindow(3, 0, 180).count).toBe(3);
  });

  it('maps the scroll bar onto 16 million lines proportionally, reaching the last line', () => {
    const lines = 16 * 1024 * 1024;
    expect(hexWindow(lines, 0, 180)).toMatchObject({ height: maxScrollHeight, first: 0 });
    const end = hexWindow(lines, maxScrollHeight - 180, 180);
    expect(end.first + end.count).toBe(lines);
  });
});

it('hexLine: offset, bytes with a gap after eight, printable ASCII', () => {
  const bytes = new Uint8Array([...'ABCDEFGHIJKLMNOP'].map((c) => c.charCodeAt(0)).concat([0, 0xff]));
  expect(hexLine(bytes, 0, 8)).toEqual({ offset: '00000000', hex: '41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50', ascii: 'ABCDEFGHIJKLMNOP' });
  expect(hexLine(bytes, 1, 4)).toEqual({ offset: '0010', hex: '00 ff', ascii: '..' });
});
