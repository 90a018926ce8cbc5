// A packet's bytes: offset, 16 bytes in hex, the same as ASCII. The bytes of the
// hovered field are lit; hovering a byte tells the field tree which fields cover it.
import { memo } from 'react';
import { asciiChar, byteHex, byteMark, formatOffset, hexRows, type Highlight } from '../lib/hex-dump';
import { formatBytes } from '../lib/format-number';

export interface HexDumpViewProps {
  bytes: Uint8Array;
  /** Bytes drawn, from the start; the rest is said, not hidden. */
  limit: number;
  inner: Highlight | null;
  outer: Highlight | null;
  onHoverByte(offset: number | null): void;
  onShowAll(): void;
}

export const HexDumpView = memo(function HexDumpView({ bytes, limit, inner, outer, onHoverByte, onShowAll }: HexDumpViewProps) {
  const shown = bytes.length > limit ? bytes.subarray(0, limit) : bytes;
  const rows = hexRows(shown);
  const cls = (offset: number) => {
    const mark = byteMark(offset, inner, outer);
    return mark === 'inner' ? ' lit-inner' : mark === 'field' ? ' lit' : '';
  };
  return (
    <div className="hex-dump">
      <div role="table" aria-label="Packet bytes" aria-rowcount={rows.length} className="hex-table" onMouseLeave={() => onHoverByte(null)}>
        {rows.map((row) => (
          <div role="row" key={row.offset} className="hex-row">
            <span role="rowheader" className="hex-offset">
              {formatOffset(row.offset, bytes.length)}
            </span>
            <span className="hex-bytes">
              {row.bytes.map((b, i) => {
                const offset = row.offset + i;
                return (
                  <span key={offset} role="cell" className={`hex-byte${i === 8 ? ' gap' : ''}${cls(offset)}`} data-offset={offset} onMouseEnter={() => onHoverByte(offset)}>
                    {byteHex(b)}
                  </span>
                );
              })}
            </span>
            <span role="cell" className="hex-ascii" aria-label={`ASCII of bytes ${row.offset} to ${row.offset + row.bytes.length - 1}`}>
              {row.bytes.map((b, i) => {
                const offset = row.offset + i;
                return (
                  <span key={offset} className={`hex-char${cls(offset)}`} onMouseEnter={() => onHoverByte(offset)}>
                    {asciiChar(b)}
                  </span>
                );
              })}
            </span>
          </div>
        ))}
      </div>
      {bytes.length > limit && (
        <div className="cut-notice" role="note">
          <span>
            Showing the first {formatBytes(limit)} of {formatBytes(bytes.length)}
          </span>
          <button type="button" className="small" onClick={onShowAll}>
            Show all bytes
          </button>
        </div>
      )}
    </div>
  );
});
