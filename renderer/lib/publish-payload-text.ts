// The payload field's text between formats: switching Text → Hex shows the same bytes
// as hex digits instead of reading the text as hex, so a format switch never changes
// what would be sent. The bytes come from shared/publish-payload.ts, as the core reads them.
import type { PayloadInputFormat } from '../../shared/publish-contract';
import { encodeBase64, encodePublishPayload } from '../../shared/publish-payload';
import { hexBytes } from '../../shared/payload-format';

export type PayloadSwitch = { ok: true; text: string } | { ok: false; problem: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8, or null: lenient decoding would replace bytes and change the payload. */
export function utf8Text(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

const isTextual = (f: PayloadInputFormat) => f === 'text' || f === 'json';

/**
 * The text to show after switching from one format to another. Text and JSON are the
 * same characters; hex and base64 are converted through the bytes. Text that is not
 * valid in its old format stays as typed (there are no bytes to keep). Bytes that are
 * not UTF-8 cannot become text without changing them, so that switch is refused.
 */
export function convertPayload(text: string, from: PayloadInputFormat, to: PayloadInputFormat): PayloadSwitch {
  if (from === to || (isTextual(from) && isTextual(to)) || text === '') return { ok: true, text };
  const encoded = encodePublishPayload(text, from);
  if (!encoded.ok) return { ok: true, text };
  const bytes = encoded.bytes;
  switch (to) {
    case 'hex':
      return { ok: true, text: hexBytes(bytes) };
    case 'base64':
      return { ok: true, text: encodeBase64(bytes) };
    case 'text':
    case 'json': {
      const decoded = utf8Text(bytes);
      if (decoded === null) {
        return { ok: false, problem: `These ${bytes.length === 1 ? 'byte is' : `${bytes.length} bytes are`} not UTF-8 text, so they cannot be shown as ${to === 'json' ? 'JSON' : 'Text'} without changing them. Clear the payload first to type text.` };
      }
      return { ok: true, text: decoded };
    }
  }
}

export type PayloadCheck = { ok: true; size: number; bytes: Uint8Array } | { ok: false; problem: string };

/** The payload's bytes as the core will send them, or the problem the core would report. */
export function checkPayload(text: string, format: PayloadInputFormat): PayloadCheck {
  const encoded = encodePublishPayload(text, format);
  return encoded.ok ? { ok: true, size: encoded.bytes.length, bytes: encoded.bytes } : { ok: false, problem: encoded.problem };
}

/** Files larger than this are refused: the form holds the payload as base64 text in the page. */
export const maxPayloadFileBytes = 16 * 1024 * 1024;
