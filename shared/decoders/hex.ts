// The hex dump: every payload can be shown this way, so it never fails.
import type { DecodeResult } from './decode-result';

export function decodeHex(bytes: Uint8Array): DecodeResult {
  return { ok: true, value: { kind: 'hex', bytes } };
}
