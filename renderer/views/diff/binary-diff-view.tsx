// A binary diff as the byte ranges that differ, each side in hex.
import type { ByteRange } from '../../../shared/byte-diff';
import { hexBytes } from '../../../shared/payload-format';
import { formatCount } from '../../lib/format-number';

const shownBytes = 32;

export function BinaryDiffView({ ranges, moreRanges }: { ranges: readonly ByteRange[]; moreRanges: number }) {
  return (
    <>
      <table className="json-diff" aria-label="Differing byte ranges">
        <thead>
          <tr>
            <th scope="col">Bytes</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {ranges.map((r) => (
            <tr key={r.start} className="diff-changed">
              <th scope="row" className="mono diff-path">
                {r.end - r.start === 1 ? r.start : `${r.start}–${r.end - 1}`}
              </th>
              <td className="mono diff-before">{hexSide(r.before)}</td>
              <td className="mono diff-after">{hexSide(r.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {moreRanges > 0 && <p className="diff-note">{formatCount(moreRanges)} more ranges differ (not listed).</p>}
    </>
  );
}

function hexSide(bytes: Uint8Array): string {
  if (bytes.length === 0) return '(none: the payload ends before)';
  return hexBytes(bytes, shownBytes) + (bytes.length > shownBytes ? ` … (${bytes.length} bytes)` : '');
}
