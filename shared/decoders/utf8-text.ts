// UTF-8 text: strict, so a payload that is not text says so instead of showing �.
import { failed, type DecodeResult } from './decode-result';

const strict = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text, or null (with the offset of the first bad byte found by the caller if needed). */
export function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

/** Where strict decoding first fails: the shortest prefix that does not decode, found by halving. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 4) {
    const mid = (good + bad) >> 1;
    // A prefix may end inside a character; allow it up to 3 bytes of slack.
    if (strictUtf8(bytes.subarray(0, mid)) !== null || strictUtf8(bytes.subarray(0, mid - 1)) !== null || strictUtf8(bytes.subarray(0, mid - 2)) !== null || strictUtf8(bytes.subarray(0, mid - 3)) !== null) good = mid;
    else bad = mid;
  }
  return good;
}

export function decodeUtf8Text(bytes: Uint8Array): DecodeResult {
  const text = strictUtf8(bytes);
  if (text === null) return failed(`Not valid UTF-8 text: the bytes near offset ${firstInvalidUtf8Offset(bytes)} are not a UTF-8 character.`);
  return { ok: true, value: { kind: 'text', text } };
}
