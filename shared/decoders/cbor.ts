// CBOR through cbor-x's decoder. The no-eval build: the page's CSP forbids generated
// code, and this entry touches no native extension either.
import { Decoder } from 'cbor-x/decode-no-eval';
import { failed, guarded, type DecodeResult } from './decode-result';
import { toPlainValue } from './plain-value';

// mapsAsObjects false: CBOR map keys may be numbers or bytes; a Map keeps them apart.
const decoder = new Decoder({ mapsAsObjects: false, useRecords: false, int64AsType: 'bigint' } as ConstructorParameters<typeof Decoder>[0]);

export function decodeCbor(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return failed('Not valid CBOR: the payload is empty.');
  return guarded('CBOR', () => {
    const value: unknown = decoder.decode(bytes);
    return { ok: true, value: { kind: 'tree', value: toPlainValue(value), summary: 'CBOR' } };
  });
}
