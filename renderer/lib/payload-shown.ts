// How much of a payload the view decodes, and how it says what it does not show: a
// large payload opens on its first part, with "showing 1 MB of 212 MB" beside it.
import { messageHeadBytes } from '../../shared/decoder-contract';
import { strictUtf8 } from '../../shared/decoders/utf8-text';
import { formatBytes } from './format-number';

/** What the view decodes at first: what getMessage carries (1 MB). Load all fetches the rest. */
export const decodeLimit = messageHeadBytes;

export function shownText(shown: number, total: number): string {
  return `Showing ${formatBytes(shown)} of ${formatBytes(total)}`;
}

/** A payload's size from its base64 text, when the sender did not say it. */
export function base64Size(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

/** A cut may split a UTF-8 character at its end; drop that half so valid text stays valid. */
export function trimCutCharacter(bytes: Uint8Array): Uint8Array {
  for (let drop = 0; drop <= 3 && drop < bytes.length; drop++) {
    const candidate = bytes.subarray(0, bytes.length - drop);
    if (strictUtf8(candidate) !== null) return candidate;
  }
  return bytes;
}
