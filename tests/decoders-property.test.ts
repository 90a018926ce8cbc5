// Decoders never throw: random bytes, and real samples truncated or with a byte
// flipped, always come back as { ok: true } or { ok: false, reason } with a reason.
import fs from 'node:fs';
import path from 'node:path';
import { encode as msgpackEncode } from '@msgpack/msgpack';
import { encode as cborEncode } from 'cbor-x';
import fc from 'fast-check';
import protobuf from 'protobufjs';
import sparkplug from 'sparkplug-payload';
import { describe, expect, it } from 'vitest';
import { decoderIds, type DecoderId } from '../shared/decoders/decoder-ids';
import { chooseDecoder, runDecoder, type DecodeInput } from '../shared/decoders/registry';

const telemetryProto = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'decoders', 'telemetry.proto'), 'utf8');
const protobufChoice = { protoText: telemetryProto, protoFile: 'telemetry.proto', messageType: 'acme.telemetry.Frame' };

function frameSample(): Uint8Array {
  const Frame = protobuf.parse(telemetryProto, { keepCase: true }).root.lookupType('acme.telemetry.Frame');
  return Frame.encode(Frame.fromObject({ device_id: 'x', sequence: 5, readings: [{ sensor: 'a', value: 1 }], labels: { k: 'v' }, samples: [1, 2, 3] })).finish();
}

const samples: Uint8Array[] = [
  frameSample(),
  sparkplug.get('spBv1.0')!.encodePayload({ timestamp: 1, seq: 2, metrics: [{ name: 'm', type: 'Int32', value: -5 }, { name: 'a', type: 'Int32Array' as never, value: [1, 2] as never }] }),
  cborEncode({ a: [1, 2, { b: new Uint8Array([1]) }], c: 2n ** 63n }),
  msgpackEncode({ a: [1, 2, { b: 'x' }], c: 1.5 }),
  new TextEncoder().encode('{"a":[1,2,{"b":"x"}]}'),
  new TextEncoder().encode('aGVsbG8gd29ybGQ='),
];

function expectNeverThrows(decoder: DecoderId, input: DecodeInput): void {
  const result = runDecoder(decoder, input);
  if (result.ok) expect(result.value.kind).toBeTypeOf('string');
  else expect(result.reason.length).toBeGreaterThan(5);
}

const topics = ['spBv1.0/g/NBIRTH/e', 'spBv1.0/STATE/h', 'a/b'];

describe.each(decoderIds)('the %s decoder', (decoder) => {
  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...topics), (bytes, topic) => {
        expectNeverThrows(decoder, { bytes, topic, protobuf: protobufChoice });
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on real samples truncated or with a byte changed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom(...topics), (sample, cutAt, flipAt, byte, topic) => {
        const truncated = sample.subarray(0, cutAt % (sample.length + 1));
        expectNeverThrows(decoder, { bytes: truncated, topic, protobuf: protobufChoice });
        const corrupted = Uint8Array.from(sample);
        corrupted[flipAt % corrupted.length] = byte;
        expectNeverThrows(decoder, { bytes: corrupted, topic, protobuf: protobufChoice });
      }),
      { numRuns: 400 },
    );
  });
});

it('the automatic choice never throws and always names a decoder', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(...topics), fc.option(fc.string()), (bytes, topic, contentType) => {
      expect(decoderIds).toContain(chooseDecoder({ bytes, topic, contentType }).decoder);
    }),
  );
});
