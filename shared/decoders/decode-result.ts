// What every decoder returns: the decoded view, or why the bytes are not that format.
// Decoders never throw: a payload is whatever a device sent, and the view must survive it.
import type { DecodedView } from './decoded-view';

export type DecodeResult = { ok: true; value: DecodedView } | { ok: false; reason: string };

export function failed(reason: string): DecodeResult {
  return { ok: false, reason };
}

/** Runs a decoder body, turning anything it throws (a library's own errors included) into a reason. */
export function guarded(what: string, body: () => DecodeResult): DecodeResult {
  try {
    return body();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return failed(`Not valid ${what}: ${message || 'the library gave no reason'}.`.replace(/\.\.$/, '.'));
  }
}
