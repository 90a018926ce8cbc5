// The whole of a large payload, fetched piece by piece (the core sends at most a few MB
// per answer), so the window stays responsive and can show progress.
import { decodeBase64 } from '../../shared/base64';
import type { ScopeApi } from '../../shared/contract';

export interface PayloadSource {
  connectionId: string;
  topic: string;
  seq: number;
}

/** 4 MB per request: a handful of requests for 20 MB, each quick to decode. */
export const partBytes = 4 * 1024 * 1024;

/** Bytes from `head` on are fetched; null when the message is no longer kept. */
export async function loadWholePayload(api: ScopeApi, source: PayloadSource, head: Uint8Array, total: number, onProgress: (loaded: number) => void): Promise<Uint8Array | null> {
  const whole = new Uint8Array(total);
  whole.set(head);
  let offset = head.length;
  while (offset < total) {
    const part = await api.getPayloadPart({ ...source, offset, length: Math.min(partBytes, total - offset) });
    if (!part) return null;
    const bytes = decodeBase64(part.base64);
    if (bytes.length === 0) throw new Error(`The core sent no bytes at offset ${offset} of ${total}.`);
    whole.set(bytes, offset);
    offset += bytes.length;
    onProgress(offset);
  }
  return whole;
}

/** The first `limit` bytes of a base64 text, decoded without decoding the rest. */
export function base64Head(base64: string, limit: number): Uint8Array {
  const chars = Math.ceil(limit / 3) * 4;
  const bytes = decodeBase64(base64.length > chars ? base64.slice(0, chars) : base64);
  return bytes.length > limit ? bytes.subarray(0, limit) : bytes;
}
