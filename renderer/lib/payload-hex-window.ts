// Which hex dump lines to draw for a scroll position. A 256 MB payload is 16 million
// lines, taller than a browser lets an element be, so past a height cap the scroll bar
// maps onto the lines proportionally instead of one pixel per pixel.
export const hexLineHeight = 18;
export const hexBytesPerLine = 16;
/** Well under Chromium's ~33.5 million pixel cap on an element's height. */
export const maxScrollHeight = 8_000_000;

export interface HexWindow {
  /** Height of the scrolled content. */
  height: number;
  first: number;
  count: number;
  /** Where the first drawn line sits in the scrolled content. */
  top: number;
}

export function hexWindow(lines: number, scrollTop: number, viewHeight: number, overscan = 8): HexWindow {
  const natural = lines * hexLineHeight;
  const visible = Math.ceil(viewHeight / hexLineHeight) + 1;
  if (natural <= maxScrollHeight) {
    const first = Math.max(0, Math.floor(scrollTop / hexLineHeight) - overscan);
    return { height: natural, first, count: Math.min(lines - first, visible + 2 * overscan), top: first * hexLineHeight };
  }
  const scrollable = Math.max(1, maxScrollHeight - viewHeight);
  const fraction = Math.min(1, Math.max(0, scrollTop / scrollable));
  const first = Math.round(fraction * Math.max(0, lines - visible + 1));
  return { height: maxScrollHeight, first, count: Math.min(lines - first, visible), top: scrollTop };
}

export function hexLine(bytes: Uint8Array, line: number, offsetDigits: number): { offset: string; hex: string; ascii: string } {
  const start = line * hexBytesPerLine;
  const row = bytes.subarray(start, start + hexBytesPerLine);
  let hex = '';
  let ascii = '';
  for (let i = 0; i < row.length; i++) {
    hex += (i === 0 ? '' : i === 8 ? '  ' : ' ') + row[i].toString(16).padStart(2, '0');
    ascii += row[i] >= 0x20 && row[i] < 0x7f ? String.fromCharCode(row[i]) : '.';
  }
  return { offset: start.toString(16).padStart(offsetDigits, '0'), hex, ascii };
}
