// The publish payload as the user wrote it (text, JSON, hex digits, base64) turned
// into the bytes that go on the wire, or a message for the payload field. The
// renderer checks as the user types; the core checks again before anything is sent.
import { decodeBase64, isBase64 } from './base64';
import type { PayloadInputFormat } from './publish-contract';

export { decodeBase64, encodeBase64, isBase64 } from './base64';

export type PayloadEncoding = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

const utf8 = new TextEncoder();

export function encodePublishPayload(text: string, format: PayloadInputFormat): PayloadEncoding {
  switch (format) {
    case 'text':
      return { ok: true, bytes: utf8.encode(text) };
    case 'json':
      return jsonBytes(text);
    case 'hex':
      return hexToBytes(text);
    case 'base64':
      return base64PayloadBytes(text);
  }
}

function jsonBytes(text: string): PayloadEncoding {
  try {
    JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, problem: text.trim() === '' ? 'The payload is empty, which is not valid JSON (choose Text to send an empty payload).' : `The payload is not valid JSON: ${detail}` };
  }
  // The text as written, not re-serialised: the user's spacing and key order go on the wire.
  return { ok: true, bytes: utf8.encode(text) };
}

/** Hex digits, optionally separated by whitespace (as a hex dump is copied). */
export function hexToBytes(text: string): PayloadEncoding {
  const digits = text.replace(/\s+/g, '');
  const bad = digits.search(/[^0-9a-fA-F]/);
  if (bad >= 0) return { ok: false, problem: `'${digits[bad]}' is not a hex digit; use 0-9 and a-f, with spaces between bytes if you like.` };
  if (digits.length % 2 !== 0) return { ok: false, problem: `The hex payload has an odd number of digits (${digits.length}); every byte needs two.` };
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return { ok: true, bytes };
}

export function base64PayloadBytes(text: string): PayloadEncoding {
  if (!isBase64(text)) return { ok: false, problem: 'The payload is not valid base64.' };
  return { ok: true, bytes: decodeBase64(text) };
}

/** Whether the text is JSON. (Re-indenting is the renderer's prettyJson, which keeps numbers as written: JSON.parse would round 64-bit ids.) */
export function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
