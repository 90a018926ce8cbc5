// How raw values read in the inspector: hex the way people write it, strings quoted, payloads cut.

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes past this are not shown in a value (the note still gives the total). */
export const shownBytes = 64;

/** One byte as people write it in specs and logs: 0xC8. */
export function hexByte(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0').toUpperCase()}`;
}

/** Lower-case, space-separated, like the payload view's hex. */
export function hexBytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += (i ? ' ' : '') + bytes[i].toString(16).padStart(2, '0');
  return out;
}

/** The bits of a byte, grouped by nibble: '1100 0010'. */
export function binaryByte(byte: number): string {
  const bits = byte.toString(2).padStart(8, '0');
  return `${bits.slice(0, 4)} ${bits.slice(4)}`;
}

/** Strict UTF-8 decoding: null for invalid sequences (MQTT strings must be well-formed, §1.5.4). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * A string in double quotes on one line: control characters are escaped, quotes are not, so
 * a JSON payload reads as JSON rather than as a thicket of backslashes.
 */
export function quote(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/[\u0000-\u001f\u007f]/g, escapeControl)}"`;
}

const namedEscapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeControl(c: string): string {
  return namedEscapes[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Text for display: valid UTF-8 without control characters other than tab, CR and LF. Binary
 * frames made of low bytes are valid UTF-8 too, and read better as hex.
 */
function displayText(bytes: Uint8Array): string | null {
  const text = decodeUtf8(bytes);
  // eslint-disable-next-line no-control-regex
  return text === null || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? null : text;
}

/** A payload or binary value: quoted text when it reads as text, else hex; at most `shownBytes` of it. */
export function showBytes(bytes: Uint8Array): { value: string; note: string } {
  const total = plural(bytes.length, 'byte');
  if (bytes.length === 0) return { value: '(empty)', note: '0 bytes' };
  const cut = bytes.length > shownBytes;
  const note = cut ? `${total}, first ${shownBytes} shown` : total;
  const text = displayText(bytes);
  if (text !== null) return { value: quote(cut ? textHead(bytes) : text), note };
  const why = decodeUtf8(bytes) === null ? 'not UTF-8' : 'binary';
  return { value: hexBytes(bytes.subarray(0, shownBytes)), note: `${note}, ${why}` };
}

// A cut at shownBytes may split a multi-byte character; drop its leading bytes rather than show U+FFFD.
function textHead(bytes: Uint8Array): string {
  for (let end = shownBytes; end > shownBytes - 4; end--) {
    const text = decodeUtf8(bytes.subarray(0, end));
    if (text !== null) return text;
  }
  return '';
}
