// JSON: a collapsible tree and pretty text. Numbers keep their digits as written, so
// an ID past 2^53 is shown as sent, not rounded by the double JSON.parse makes of it.
import { failed, guarded, type DecodeResult } from './decode-result';
import { toPlainValue, type PlainValue } from './plain-value';
import { strictUtf8 } from './utf8-text';

interface SourceContext {
  source?: string;
}

/** JSON.parse with the number's source text where the engine offers it (V8 11.4+). */
function parseKeepingNumbers(text: string): unknown {
  return JSON.parse(text, function (this: unknown, _key: string, value: unknown, context?: SourceContext) {
    if (typeof value === 'number' && context?.source !== undefined && !Number.isSafeInteger(value) && /^-?\d+$/.test(context.source)) return BigInt(context.source);
    return value;
  } as (key: string, value: unknown) => unknown);
}

function jsonValue(value: unknown): PlainValue {
  return toPlainValue(value);
}

export function decodeJsonText(text: string): DecodeResult {
  return guarded('JSON', () => {
    const parsed = parseKeepingNumbers(text);
    const pretty = JSON.stringify(parsed, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v), 2);
    return { ok: true, value: { kind: 'json', value: jsonValue(parsed), text: pretty ?? text } };
  });
}

export function decodeJson(bytes: Uint8Array): DecodeResult {
  const text = strictUtf8(bytes);
  if (text === null) return failed('Not valid JSON: the payload is not UTF-8 text.');
  if (text.trim() === '') return failed('Not valid JSON: the payload is empty.');
  return decodeJsonText(text);
}
