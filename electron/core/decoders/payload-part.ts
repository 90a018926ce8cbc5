// A slice of a kept payload as base64, with the whole size, for views that load a large
// payload piece by piece.
import { messageHeadBytes, type PayloadPart } from '../../../shared/decoder-contract';
import { UserInputError } from '../../../shared/rpc';

export function payloadPart(payload: Uint8Array, offset: number, length: number): PayloadPart {
  if (offset > payload.length) throw new UserInputError(`Offset ${offset} is past the end of the ${payload.length}-byte payload.`, 'offset');
  const slice = payload.subarray(offset, Math.min(payload.length, offset + length));
  return { base64: Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength).toString('base64'), offset, total: payload.length };
}

/** What getMessage carries: the payload's first messageHeadBytes, the rest by getPayloadPart. */
export function payloadHeadBase64(payload: Uint8Array): string {
  return payloadPart(payload, 0, messageHeadBytes).base64;
}
