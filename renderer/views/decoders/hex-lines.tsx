// A payload's hex dump, drawing only the lines in view: a 20 MB payload is 1.3 million
// lines, and the page must stay responsive while it is open.
import { useLayoutEffect, useRef, useState } from 'react';
import { hexLine, hexLineHeight, hexBytesPerLine, hexWindow } from '../../lib/payload-hex-window';

export function HexLines({ bytes, label = 'Hex dump' }: { bytes: Uint8Array; label?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ scrollTop: 0, height: 400 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setBox({ scrollTop: el.scrollTop, height: el.clientHeight || 400 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const lines = Math.ceil(bytes.length / hexBytesPerLine);
  const win = hexWindow(lines, box.scrollTop, box.height);
  const digits = Math.max(4, (Math.max(1, bytes.length) - 1).toString(16).length);
  const shown = [];
  for (let i = win.first; i < win.first + win.count; i++) {
    const line = hexLine(bytes, i, digits);
    shown.push(
      <div key={i} role="row" className="hex-line" style={{ height: hexLineHeight }}>
        <span role="rowheader" className="hex-line-offset">
          {line.offset}
        </span>
        <span role="cell" className="hex-line-bytes">
          {line.hex}
        </span>
        <span role="cell" className="hex-line-ascii">
          {line.ascii}
        </span>
      </div>,
    );
  }
  return (
    <div ref={ref} className="hex-lines mono" role="table" aria-label={label} aria-rowcount={lines} tabIndex={0} onScroll={(e) => setBox({ scrollTop: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
      <div style={{ height: win.height, position: 'relative' }}>
        <div role="rowgroup" style={{ position: 'absolute', top: win.top, left: 0, right: 0 }}>
          {shown}
        </div>
      </div>
    </div>
  );
}
