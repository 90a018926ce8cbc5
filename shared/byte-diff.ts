// Where two binary payloads differ: the byte ranges, with the bytes on each side, so a
// frame whose counter moved reads as "bytes 4-5 differ" rather than two hex dumps.

export interface ByteRange {
  /** Offset of the first differing byte. */
  start: number;
  /** Offset after the last one. */
  end: number;
  /** The bytes of each side in that range (shorter, or empty, where a side ends first). */
  before: Uint8Array;
  after: Uint8Array;
}

export interface ByteDiff {
  ranges: ByteRange[];
  /** Ranges beyond maxRanges, counted rather than listed. */
  moreRanges: number;
  differingBytes: number;
}

/** Ranges closer than this merge into one, so scattered single bytes do not flood the list. */
const mergeGap = 4;

export function byteDiff(before: Uint8Array, after: Uint8Array, maxRanges = 200): ByteDiff {
  const length = Math.max(before.length, after.length);
  const spans: [number, number][] = [];
  let differingBytes = 0;
  for (let i = 0; i < length; i++) {
    if (i < before.length && i < after.length && before[i] === after[i]) continue;
    differingBytes++;
    const last = spans[spans.length - 1];
    if (last && i - last[1] < mergeGap) last[1] = i + 1;
    else spans.push([i, i + 1]);
  }
  const ranges = spans.slice(0, maxRanges).map(([start, end]) => ({ start, end, before: before.subarray(start, end), after: after.subarray(start, end) }));
  return { ranges, moreRanges: Math.max(0, spans.length - maxRanges), differingBytes };
}
