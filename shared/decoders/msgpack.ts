// MessagePack through @msgpack/msgpack, with 64-bit integers as BigInt so none is rounded.
import { decode } from '@msgpack/msgpack';
import { failed, guarded, type DecodeResult } from './decode-result';
import { toPlainValue } from './plain-value';

export function decodeMsgpack(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return failed('Not valid MessagePack: the payload is empty.');
  return guarded('MessagePack', () => {
    const value = decode(bytes, { useBigInt64: true });
    return { ok: true, value: { kind: 'tree', value: toPlainValue(value), summary: 'MessagePack' } };
  });
}
