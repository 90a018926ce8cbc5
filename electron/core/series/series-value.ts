// The number a message contributes to a series, or why it contributes none. Devices
// send numbers as plain text ("21.5") and inside JSON, sometimes as strings ("21.5"):
// both count; anything else is a skipped message with its reason, never a silent gap.
import { lookupJsonPath, type JsonPathSegment } from '../../../shared/json-path';
import { decodeText } from '../../../shared/payload-format';

export type SeriesValue = { ok: true; value: number } | { ok: false; reason: string };

const numberText = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const shownChars = 40;

/** segments null: the whole payload is the number. */
export function seriesValue(payload: Uint8Array, segments: readonly JsonPathSegment[] | null): SeriesValue {
  const text = decodeText(payload);
  if (text === null) return { ok: false, reason: `a binary payload of ${payload.length} bytes` };
  if (segments === null) return numberFrom(text.trim());
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, reason: `not JSON: ${shorten(text)}` };
  }
  const found = lookupJsonPath(doc, segments);
  if (!found.found) return { ok: false, reason: found.problem };
  if (typeof found.value === 'number') return { ok: true, value: found.value };
  if (typeof found.value === 'string') return numberFrom(found.value.trim());
  return { ok: false, reason: `${JSON.stringify(found.value)?.slice(0, shownChars) ?? 'undefined'} is not a number` };
}

function numberFrom(text: string): SeriesValue {
  if (!numberText.test(text)) return { ok: false, reason: `${shorten(text)} is not a number` };
  const value = Number(text);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: `${shorten(text)} is out of range` };
}

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return JSON.stringify(one.length > shownChars ? `${one.slice(0, shownChars)}…` : one);
}
