// Every decoder against real samples made by the libraries that define the formats
// (protobufjs from a .proto fixture, sparkplug-payload, cbor-x, @msgpack/msgpack), then
// the same samples truncated and corrupted: a reason in words, never a throw.
import fs from 'node:fs';
import path from 'node:path';
import { encode as msgpackEncode } from '@msgpack/msgpack';
import { encode as cborEncode } from 'cbor-x';
import protobuf from 'protobufjs';
import sparkplug from 'sparkplug-payload';
import { describe, expect, it } from 'vitest';
import type { DecodeResult } from '../shared/decoders/decode-result';
import type { DecodedView } from '../shared/decoders/decoded-view';
import { toPlainJson } from '../shared/decoders/plain-value';
import { chooseDecoder, runDecoder } from '../shared/decoders/registry';
import { parseProtoSchema } from '../shared/decoders/proto-schema';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'decoders');
const telemetryProto = fs.readFileSync(path.join(fixtures, 'telemetry.proto'), 'utf8');
const spb = sparkplug.get('spBv1.0')!;

function value(result: DecodeResult): DecodedView {
  if (!result.ok) throw new Error(`expected a decoded value, got: ${result.reason}`);
  return result.value;
}

function treeJson(result: DecodeResult): unknown {
  const v = value(result);
  if (v.kind !== 'tree' && v.kind !== 'json') throw new Error(`expected a tree, got ${v.kind}`);
  return toPlainJson(v.value);
}

function sparkplugView(result: DecodeResult) {
  const v = value(result);
  if (v.kind !== 'sparkplug') throw new Error(`expected Sparkplug, got ${v.kind}`);
  return v.payload;
}

const frame = {
  device_id: 'pump-7',
  sequence: '18446744073709551615',
  uptime_ms: '-9007199254740993',
  temperature: 21.5,
  charging: true,
  firmware_hash: Uint8Array.from([0xde, 0xad, 0xbe, 0xef]),
  health: 2,
  readings: [
    { sensor: 'inlet', value: 3.25, offset: -4 },
    { sensor: 'outlet', value: -1e-9, offset: 70000 },
  ],
  samples: [1, -2, 300000],
  labels: { site: 'north', room: '4' },
  serial: '1234567890123456789',
};

function encodeFrame(): Uint8Array {
  const root = protobuf.parse(telemetryProto, { keepCase: true }).root;
  const Frame = root.lookupType('acme.telemetry.Frame');
  return Frame.encode(Frame.fromObject(frame)).finish();
}

const protobufChoice = { protoText: telemetryProto, protoFile: 'telemetry.proto', messageType: 'acme.telemetry.Frame' };

describe('Protobuf with a .proto file', () => {
  it('decodes every field kind protobufjs encodes, 64-bit integers exactly', () => {
    const decoded = treeJson(runDecoder('protobuf', { bytes: encodeFrame(), topic: 't', protobuf: protobufChoice }));
    // As sent, but bytes in hex and the enum by its name.
    expect(decoded).toEqual({ ...frame, firmware_hash: '0xdeadbeef', health: 'DEGRADED' });
  });

  it('keeps fields the .proto does not know, by number', () => {
    const bytes = new Uint8Array([...encodeFrame(), 0xa0, 0x06, 0x2a]); // field 100, varint 42
    const decoded = treeJson(runDecoder('protobuf', { bytes, topic: 't', protobuf: protobufChoice })) as Record<string, unknown>;
    expect(decoded['#100']).toBe(42);
  });

  it('says what is missing: no file, no type, a type the file lacks', () => {
    const bytes = encodeFrame();
    expect(runDecoder('protobuf', { bytes, topic: 't' })).toEqual({ ok: false, reason: 'Protobuf needs a .proto file: add one and pick it for this topic.' });
    expect(runDecoder('protobuf', { bytes, topic: 't', protobuf: { ...protobufChoice, messageType: null } })).toEqual({ ok: false, reason: 'Protobuf needs a message type: pick one from telemetry.proto.' });
    expect(runDecoder('protobuf', { bytes, topic: 't', protobuf: { ...protobufChoice, messageType: 'acme.Nope' } })).toEqual({ ok: false, reason: 'telemetry.proto has no message type acme.Nope.' });
  });

  it('a truncated frame fails with the offset where the data ends', () => {
    const bytes = encodeFrame();
    const result = runDecoder('protobuf', { bytes: bytes.subarray(0, bytes.length - 3), topic: 't', protobuf: protobufChoice });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^Not valid Protobuf \(Frame\): .*(ends inside|only \d+ do)/);
  });

  it('a wire type that contradicts the .proto is named with its field', () => {
    // Field 1 (device_id, a string) sent as a varint.
    const result = runDecoder('protobuf', { bytes: new Uint8Array([0x08, 0x01]), topic: 't', protobuf: protobufChoice });
    expect(result).toEqual({ ok: false, reason: 'Not valid Protobuf (Frame): field device_id (1) is string but arrives as varint at offset 0.' });
  });

  it('parses the fixture and lists its message types; a broken file gives protobufjs its say', () => {
    const schema = parseProtoSchema(telemetryProto);
    expect(schema.ok && schema.messageTypes).toEqual(['acme.telemetry.Reading', 'acme.telemetry.Frame']);
    const broken = parseProtoSchema(fs.readFileSync(path.join(fixtures, 'broken.proto'), 'utf8'));
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.reason).toMatch(/illegal token 'int32'.*line 4/);
  });
});

describe('Sparkplug B', () => {
  const birthTime = 1_700_000_000_000;
  const nbirth = spb.encodePayload({
    timestamp: birthTime,
    seq: 0,
    metrics: [
      { name: 'bdSeq', type: 'UInt64', value: 3, timestamp: birthTime },
      { name: 'Node Control/Rebirth', type: 'Boolean', value: false, timestamp: birthTime },
      { name: 'Temperature', alias: 12, type: 'Float', value: 21.5, timestamp: birthTime },
      { name: 'Offset', type: 'Int16', value: -42, timestamp: birthTime },
      { name: 'Serial', type: 'String', value: 'SN-0042', timestamp: birthTime },
      { name: 'Started', type: 'DateTime', value: birthTime - 60_000, timestamp: birthTime },
      { name: 'Energy', type: 'Int64', value: -1234567890123, timestamp: birthTime },
      { name: 'Ratio', type: 'Double', value: 0.125, timestamp: birthTime },
    ],
  });

  it('an NBIRTH is a node birth certificate with every metric, type and value', () => {
    const view = sparkplugView(runDecoder(chooseDecoder({ bytes: nbirth, topic: 'spBv1.0/plant/NBIRTH/edge-1' }).decoder, { bytes: nbirth, topic: 'spBv1.0/plant/NBIRTH/edge-1' }));
    expect(view.topic).toMatchObject({ messageType: 'NBIRTH', description: 'Node birth certificate', certificate: 'birth', group: 'plant', edgeNode: 'edge-1', device: null });
    expect(view.timestamp).toBe('2023-11-14T22:13:20.000Z');
    expect(view.seq).toBe('0');
    expect(view.metrics.map((m) => [m.name, m.datatype, m.value])).toEqual([
      ['bdSeq', 'UInt64', '3'],
      ['Node Control/Rebirth', 'Boolean', 'false'],
      ['Temperature', 'Float', '21.5'],
      ['Offset', 'Int16', '-42'],
      ['Serial', 'String', 'SN-0042'],
      ['Started', 'DateTime', '2023-11-14T22:12:20.000Z'],
      ['Energy', 'Int64', '-1234567890123'],
      ['Ratio', 'Double', '0.125'],
    ]);
    expect(view.metrics[2].alias).toBe('12');
    expect(view.metrics[0].timestamp).toBe('2023-11-14T22:13:20.000Z');
  });

  it('a DDATA keeps a UInt64 past 2^53 exact and its seq', () => {
    const ddata = spb.encodePayload({ timestamp: birthTime, seq: 17, metrics: [{ name: 'Counter', type: 'UInt64', value: (protobuf.util.Long as unknown as { fromString(s: string, unsigned: boolean): never }).fromString('18446744073709551615', true) }] });
    const view = sparkplugView(runDecoder('sparkplug', { bytes: ddata, topic: 'spBv1.0/plant/DDATA/edge-1/pump-7' }));
    expect(view.topic).toMatchObject({ messageType: 'DDATA', description: 'Device data', certificate: null, device: 'pump-7' });
    expect(view.seq).toBe('17');
    expect(view.metrics[0]).toMatchObject({ name: 'Counter', datatype: 'UInt64', value: '18446744073709551615' });
  });

  it('an NDEATH is a death certificate', () => {
    const ndeath = spb.encodePayload({ timestamp: birthTime, metrics: [{ name: 'bdSeq', type: 'UInt64', value: 3 }] });
    const view = sparkplugView(runDecoder('sparkplug', { bytes: ndeath, topic: 'spBv1.0/plant/NDEATH/edge-1' }));
    expect(view.topic).toMatchObject({ description: 'Node death certificate', certificate: 'death' });
    expect(view.seq).toBeNull();
  });

  it('a truncated NBIRTH fails in words', () => {
    const result = runDecoder('sparkplug', { bytes: nbirth.subarray(0, nbirth.length - 5), topic: 'spBv1.0/plant/NBIRTH/edge-1' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^Not valid Sparkplug B: /);
  });

  it('STATE is JSON (Sparkplug 3.0)', () => {
    const bytes = new TextEncoder().encode('{"online":true,"timestamp":1700000000000}');
    expect(value(runDecoder('sparkplug', { bytes, topic: 'spBv1.0/STATE/host-1' })).kind).toBe('json');
  });
});

describe('CBOR and MessagePack', () => {
  const sample = { id: 'pump-7', n: 42, big: 18446744073709551615n, neg: -9007199254740993n, f: 21.5, ok: true, nothing: null, list: [1, 'two', [3]], raw: Uint8Array.from([1, 2, 255]) };
  const expected = { id: 'pump-7', n: 42, big: '18446744073709551615', neg: '-9007199254740993', f: 21.5, ok: true, nothing: null, list: [1, 'two', [3]], raw: '0x0102ff' };

  it('CBOR from cbor-x', () => {
    expect(treeJson(runDecoder('cbor', { bytes: cborEncode(sample), topic: 't' }))).toEqual(expected);
  });

  it('MessagePack from @msgpack/msgpack', () => {
    expect(treeJson(runDecoder('msgpack', { bytes: msgpackEncode(sample, { useBigInt64: true }), topic: 't' }))).toEqual(expected);
  });

  it('CBOR map keys that are not strings are kept apart', () => {
    const bytes = cborEncode(new Map<unknown, unknown>([[1, 'one'], ['1', 'text one']]));
    const v = value(runDecoder('cbor', { bytes, topic: 't' }));
    expect(v.kind === 'tree' && v.value.kind === 'map' && v.value.entries.map((e) => [e.key, e.value])).toEqual([
      ['1', { kind: 'string', value: 'one' }],
      ['1', { kind: 'string', value: 'text one' }],
    ]);
  });

  it('truncated CBOR and MessagePack fail in words', () => {
    const cbor = cborEncode(sample);
    const msgpack = msgpackEncode(sample, { useBigInt64: true });
    expect(runDecoder('cbor', { bytes: cbor.subarray(0, cbor.length - 4), topic: 't' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^Not valid CBOR: /) });
    expect(runDecoder('msgpack', { bytes: msgpack.subarray(0, msgpack.length - 4), topic: 't' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^Not valid MessagePack: /) });
  });
});

describe('text, JSON, base64, hex and raw numbers', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it('JSON keeps digits past 2^53 where the engine gives the source, and pretty-prints', () => {
    const v = value(runDecoder('json', { bytes: utf8('{"a":1,"b":[true,null,"x"]}'), topic: 't' }));
    expect(v.kind === 'json' && v.text).toBe('{\n  "a": 1,\n  "b": [\n    true,\n    null,\n    "x"\n  ]\n}');
  });

  it('broken JSON and invalid UTF-8 say why', () => {
    expect(runDecoder('json', { bytes: utf8('{"a":'), topic: 't' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^Not valid JSON: /) });
    expect(runDecoder('text', { bytes: new Uint8Array([0x61, 0x62, 0xff, 0x63]), topic: 't' })).toEqual({ ok: false, reason: 'Not valid UTF-8 text: the bytes near offset 0 are not a UTF-8 character.' });
  });

  it('base64 text decodes to its bytes, and says which character is wrong', () => {
    expect(value(runDecoder('base64', { bytes: utf8('aGVsbG8='), topic: 't' }))).toEqual({ kind: 'text', text: 'hello' });
    const binary = value(runDecoder('base64', { bytes: utf8('3q2+7w=='), topic: 't' }));
    expect(binary.kind === 'hex' && Array.from(binary.bytes)).toEqual([0xde, 0xad, 0xbe, 0xef]);
    expect(runDecoder('base64', { bytes: utf8('ab!d'), topic: 't' })).toEqual({ ok: false, reason: 'Not base64: character "!" at position 2 is not in the base64 alphabet.' });
  });

  it('raw numbers: every width in both byte orders, or the one picked', () => {
    const bytes = new Uint8Array([0x41, 0xac, 0x00, 0x00]); // 21.5 as a big-endian float32
    const all = value(runDecoder('numbers', { bytes, topic: 't' }));
    if (all.kind !== 'numbers') throw new Error(all.kind);
    const row = (type: string, order: string | null) => all.rows.find((r) => r.type === type && r.order === order)?.values;
    expect(row('float32', 'big')).toEqual(['21.5']);
    expect(row('uint32', 'big')).toEqual(['1101791232']);
    expect(row('uint16', 'little')).toEqual(['44097', '0']);
    expect(row('int8', null)).toEqual(['65', '-84', '0', '0']);
    expect(all.rows.some((r) => r.type === 'float64')).toBe(false);
    const picked = value(runDecoder('numbers', { bytes: new Uint8Array(8).fill(0xff), topic: 't', numbers: { type: 'uint64', order: 'little' } }));
    expect(picked.kind === 'numbers' && picked.rows).toEqual([{ type: 'uint64', order: 'little', values: ['18446744073709551615'], more: 0, leftover: 0 }]);
    expect(runDecoder('numbers', { bytes: new Uint8Array(3), topic: 't', numbers: { type: 'float64', order: 'big' } })).toEqual({ ok: false, reason: 'Not a float64: it needs 8 bytes and the payload has 3.' });
  });
});

describe('the automatic choice', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['spBv1.0/g/NDATA/e', utf8('{}'), null, 'sparkplug'],
    ['a', new Uint8Array([0xa1, 0x61, 0x61, 0x01]), 'application/cbor', 'cbor'],
    ['a', new Uint8Array([0x81]), 'application/x-msgpack', 'msgpack'],
    ['a', new Uint8Array([0x81]), 'application/msgpack', 'msgpack'],
    ['a', new Uint8Array([8, 1]), 'application/x-protobuf', 'protobuf'],
    ['a', new Uint8Array([8, 1]), 'application/protobuf', 'protobuf'],
    ['a', utf8('42'), 'application/json; charset=utf-8', 'json'],
    ['a', utf8(' {"t": 21.5}'), null, 'json'],
    ['a', utf8('{"t": '), null, 'text'],
    ['a', utf8('21.5'), null, 'text'],
    ['a', new Uint8Array([0x00, 0x01, 0xff]), null, 'hex'],
  ] as const)('%s %j (%s) → %s', (topic, bytes, contentType, decoder) => {
    expect(chooseDecoder({ topic, bytes, contentType }).decoder).toBe(decoder);
  });
});
