// How a payload is shown: text, JSON or binary, and its one-line preview.
import type { PayloadFormat } from './contract';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8, or null if they are not valid UTF-8 or contain control bytes other than whitespace. */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) return null;
  return text;
}

export function detectFormat(text: string | null): PayloadFormat {
  if (text === null) return 'binary';
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[') || t.startsWith('"')) {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      return 'text';
    }
  }
  return 'text';
}

export function hexBytes(bytes: Uint8Array, max = bytes.length): string {
  let out = '';
  const n = Math.min(max, bytes.length);
  for (let i = 0; i < n; i++) out += (i ? ' ' : '') + bytes[i].toString(16).padStart(2, '0');
  return out;
}

/** A classic hex dump: offset, 16 bytes in hex, and their printable ASCII. */
export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let off = 0; off < bytes.length; off += 16) {
    const row = bytes.subarray(off, off + 16);
    const hex = hexBytes(row).padEnd(47, ' ');
    let ascii = '';
    for (const b of row) ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex}  ${ascii}`);
  }
  return lines.join('\n');
}

export interface PayloadPreview {
  format: PayloadFormat;
  preview: string;
  truncated: boolean;
}

/** One line for lists: whitespace folded, cut at maxChars with the cut reported, hex for binary. */
export function previewPayload(bytes: Uint8Array, maxChars = 160): PayloadPreview {
  // Only the head is decoded: a 256 MB payload must not be decoded for a one-line preview.
  const headBytes = bytes.length > maxChars * 4 ? bytes.subarray(0, maxChars * 4) : bytes;
  const cutHead = headBytes.length < bytes.length;
  let text = decodeText(headBytes);
  if (text === null && cutHead) text = decodeTextLenient(headBytes);
  if (text === null) {
    const n = Math.floor(maxChars / 3);
    return { format: 'binary', preview: hexBytes(bytes, n), truncated: bytes.length > n };
  }
  const format = cutHead ? guessFormatFromHead(text) : detectFormat(text);
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const truncated = cutHead || oneLine.length > maxChars;
  return { format, preview: truncated ? oneLine.slice(0, maxChars) : oneLine, truncated };
}

// A cut may split a multi-byte character at the end; drop up to 3 trailing bytes and retry.
function decodeTextLenient(bytes: Uint8Array): string | null {
  for (let drop = 1; drop <= 3 && drop < bytes.length; drop++) {
    const text = decodeText(bytes.subarray(0, bytes.length - drop));
    if (text !== null) return text;
  }
  return null;
}

function guessFormatFromHead(text: string): PayloadFormat {
  const t = text.trimStart();
  return t.startsWith('{') || t.startsWith('[') ? 'json' : 'text';
}
