// Turns a message's bytes into what the payload view shows: text, pretty JSON or a hex
// dump, cut at a display limit that the view announces (nothing is cut silently).
import type { PayloadFormat } from '../../shared/contract';
import { decodeText, detectFormat, hexDump } from '../../shared/payload-format';
import { prettyJson } from './pretty-json';

export type PayloadView = 'text' | 'json' | 'hex';

/** Above this, the view renders the first part and offers "Show all". */
export const displayLimit = 1024 * 1024;

export interface DecodedPayload {
  bytes: Uint8Array;
  /** Strict UTF-8 decoding; null when the bytes are not text. */
  text: string | null;
  format: PayloadFormat;
}

/** The renderer's name for the shared decoder (payloads and raw packets arrive as base64). */
export { decodeBase64 as base64ToBytes } from '../../shared/base64';

export function decodePayload(bytes: Uint8Array): DecodedPayload {
  const text = decodeText(bytes);
  return { bytes, text, format: detectFormat(text) };
}

export function defaultView(format: PayloadFormat): PayloadView {
  return format === 'json' ? 'json' : format === 'text' ? 'text' : 'hex';
}

export function viewEnabled(decoded: DecodedPayload, view: PayloadView): boolean {
  return view !== 'json' || decoded.format === 'json';
}

export interface RenderedPayload {
  body: string;
  /** Set when the body is cut at the display limit: how much is shown of how much. */
  cut: { shown: number; total: number } | null;
  /** Said above the body, e.g. that invalid bytes were replaced. */
  note: string | null;
}

const lenient = new TextDecoder('utf-8', { fatal: false });

export function renderPayload(decoded: DecodedPayload, view: PayloadView, showAll: boolean): RenderedPayload {
  const { bytes } = decoded;
  const limit = showAll ? Infinity : displayLimit;
  switch (view) {
    case 'hex': {
      const cut = bytes.length > limit;
      return { body: hexDump(cut ? bytes.subarray(0, limit) : bytes), cut: cut ? { shown: limit, total: bytes.length } : null, note: null };
    }
    case 'json': {
      if (decoded.text === null || decoded.format !== 'json') return renderPayload(decoded, 'text', showAll);
      return cutText(prettyJson(decoded.text), limit, null);
    }
    case 'text': {
      const note = decoded.text === null ? 'Not valid UTF-8 text: bytes that do not decode are shown as �.' : null;
      if (bytes.length <= limit) return { body: decoded.text ?? lenient.decode(bytes), cut: null, note };
      let body = lenient.decode(bytes.subarray(0, limit));
      // The cut may split a multi-byte character; that half is not the device's fault.
      if (decoded.text !== null) body = body.replace(/\uFFFD{1,3}$/, '');
      return { body, cut: { shown: limit, total: bytes.length }, note };
    }
  }
}

function cutText(text: string, limit: number, note: string | null): RenderedPayload {
  if (text.length <= limit) return { body: text, cut: null, note };
  return { body: text.slice(0, limit), cut: { shown: limit, total: text.length }, note };
}
