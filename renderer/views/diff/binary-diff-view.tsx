// A binary diff as the byte ranges that differ, each side in hex.
import type { ByteRange } from '../../../shared/byte-diff';
import { hexBytes } from '../../../shared/payload-format';
import { formatCount } from '../../lib/format-number';
import { DiffTable } from './diff-table';

const shownBytes = 32;

export function BinaryDiffView({ ranges, moreRanges }: { ranges: readonly ByteRange[]; moreRanges: number }) {
  const rows = ranges.map((r) => ({
    key: String(r.start),
    className: 'diff-changed',
    where: r.end - r.start === 1 ? String(r.start) : `${r.start}–${r.end - 1}`,
    cells: [
      { className: 'mono diff-before', content: hexSide(r.before) },
      { className: 'mono diff-after', content: hexSide(r.after) },
    ],
  }));
  return (
    <>
      <DiffTable label="Differing byte ranges" columns={['Bytes', 'Before', 'After']} rows={rows} />
      {moreRanges > 0 && <p className="diff-note">{formatCount(moreRanges)} more ranges differ (not listed).</p>}
    </>
  );
}

function hexSide(bytes: Uint8Array): string {
  if (bytes.length === 0) return '(none: the payload ends before)';
  return hexBytes(bytes, shownBytes) + (bytes.length > shownBytes ? ` … (${bytes.length} bytes)` : '');
}
