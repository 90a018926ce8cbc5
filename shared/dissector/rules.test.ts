// Inputs that break the rules, one rule at a time, and the per-version details of the layout.
// (packet-dissector.test.ts runs every packet type, and every cut and corruption of them.)
import { describe, expect, it } from 'vitest';
import { generate, type Packet } from 'mqtt-packet';
import { dissectPacket, fieldsAt, type DissectedField, type DissectedPacket } from '../packet-dissector';

// mqtt-packet checks Buffer.isBuffer; Buffer is reached through globalThis so this file also
// type-checks in the renderer's project, which has no Node types.
const NodeBuffer = (globalThis as unknown as { Buffer: { from(data: string | number[]): never } }).Buffer;
const buf = (data: string | number[]) => NodeBuffer.from(data);
const encode = (packet: Packet, version: 3 | 4 | 5) => new Uint8Array(generate(packet, { protocolVersion: version }));

function named(p: DissectedPacket, name: string, fields = p.fields, out: DissectedField[] = []): DissectedField[] {
  for (const f of fields) {
    if (f.name === name) out.push(f);
    if (f.children) named(p, name, f.children, out);
  }
  return out;
}
function one(p: DissectedPacket, name: string): DissectedField {
  const f = named(p, name)[0];
  if (!f) throw new Error(`no field ${name}`);
  return f;
}
const val = (p: DissectedPacket, name: string) => one(p, name).value;

describe('bytes that break the rules', () => {
  it('reports a 5-byte Remaining Length', () => {
    const bytes = new Uint8Array([0x30, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x01, 0x61]);
    const p = dissectPacket(bytes, 4);
    expect(p.error).toMatch(/Remaining Length is longer than 4 bytes/);
    expect(one(p, 'Remaining Length')).toMatchObject({ start: 1, end: 5, value: '(invalid)' });
    expect(p.fields.map((f) => [f.name, f.start, f.end])).toEqual([['Fixed header', 0, 5], ['Unread bytes', 5, 9]]);
  });

  it('reads past an unknown property to the rest of the packet', () => {
    const bytes = encode({ cmd: 'subscribe', messageId: 1, properties: { userProperties: { k: 'v' } }, subscriptions: [{ topic: 't', qos: 1 }] }, 5);
    const idAt = one(dissectPacket(bytes, 5), 'User Property').start;
    bytes[idAt] = 0x7f;
    const p = dissectPacket(bytes, 5);
    expect(p.error).toMatch(/Unknown property identifier 0x7F/);
    expect(one(p, 'Unknown property')).toMatchObject({ start: idAt, end: one(p, 'Properties').end });
    expect(val(p, 'Topic Filter')).toBe('"t"');
    expect(p.fields.at(-1)!.end).toBe(bytes.length);
  });

  it('shows a topic that is not UTF-8 in hex and reads on', () => {
    const bytes = encode({ cmd: 'publish', topic: 'abc', payload: buf('ok'), qos: 1, dup: false, retain: false, messageId: 2 }, 4);
    bytes.set([0xc3, 0x28, 0xff], 4);
    const p = dissectPacket(bytes, 4);
    expect(p.error).toMatch(/Topic Name at offset 2 is not valid UTF-8 \(malformed packet\) \[MQTT-1\.5\.3-1\]/);
    expect(one(p, 'Topic Name')).toMatchObject({ value: 'c3 28 ff', note: 'not valid UTF-8 (3 bytes)' });
    expect(val(p, 'Packet Identifier')).toBe('2');
    expect(val(p, 'Payload')).toBe('"ok"');
  });

  it('notes wrong reserved flags on PUBREL, SUBSCRIBE and UNSUBSCRIBE', () => {
    const pubrel = encode({ cmd: 'pubrel', messageId: 1 }, 4);
    pubrel[0] = 0x60;
    const p = dissectPacket(pubrel, 4);
    expect(one(p, 'Flags')).toMatchObject({ bits: 'bits 3-0', value: '0000', note: 'Must be 0010 for PUBREL; got 0000 (malformed packet)' });
    expect(p.error).toMatch(/\[MQTT-3\.6\.1-1\]/);
    expect(one(dissectPacket(encode({ cmd: 'subscribe', messageId: 1, subscriptions: [{ topic: 't', qos: 0 }] }, 4), 4), 'Flags').note).toBe('Reserved: must be 0010');
  });

  it('reads omitted 5.0 reason codes and properties', () => {
    const puback = dissectPacket(new Uint8Array([0x40, 0x02, 0x00, 0x07]), 5);
    expect(puback.error).toBeNull();
    expect(one(puback, 'Variable header').note).toMatch(/omitted: 0x00 Success/);
    const pubrec = dissectPacket(new Uint8Array([0x50, 0x03, 0x00, 0x07, 0x80]), 5);
    expect(pubrec.error).toBeNull();
    expect(one(pubrec, 'Reason Code').note).toBe('Unspecified error (0x80)');
    const disconnect = dissectPacket(new Uint8Array([0xe0, 0x00]), 5);
    expect(disconnect.error).toBeNull();
    expect(one(disconnect, 'Fixed header').note).toMatch(/Normal disconnection/);
  });

  it('says when the bytes run past the Remaining Length', () => {
    const p = dissectPacket(new Uint8Array([0xc0, 0x00, 0xd0, 0x00]), 4);
    expect(p.fields.map((f) => f.name)).toEqual(['Fixed header', 'Trailing bytes']);
    expect(p.error).toMatch(/2 bytes after the end of the packet/);
    const ping = dissectPacket(new Uint8Array([0xc0, 0x01, 0x00]), 4);
    expect(ping.fields.map((f) => f.name)).toEqual(['Fixed header', 'Unexpected bytes']);
  });

  it('handles empty input and reserved or version-less types', () => {
    expect(dissectPacket(new Uint8Array(), 4)).toEqual({ type: 'UNKNOWN', fields: [], error: 'No bytes: a packet has at least 2' });
    expect(dissectPacket(new Uint8Array([0x00, 0x00]), 4)).toMatchObject({ type: 'RESERVED', error: 'Packet type 0 is reserved (malformed packet)' });
    const auth = dissectPacket(new Uint8Array([0xf0, 0x01, 0x00]), 4);
    expect(auth.error).toMatch(/exists only in MQTT 5\.0/);
    expect(auth.fields.map((f) => f.name)).toEqual(['Fixed header', 'Body']);
  });

  it('flags a reason code that the packet type may not carry', () => {
    const p = dissectPacket(new Uint8Array([0x60 | 2, 0x03, 0x00, 0x01, 0x87]), 5);
    expect(one(p, 'Reason Code').note).toBe('Not authorized (0x87); not a PUBREL reason code');
    expect(p.error).toBe('0x87 is not a PUBREL reason code (protocol error)');
  });
});

describe('version details and lookups', () => {
  it('maps a hovered byte back to its fields', () => {
    const p = dissectPacket(encode({ cmd: 'publish', topic: 't', payload: buf('hi'), qos: 1, dup: false, retain: true, messageId: 1 }, 4), 4);
    expect(fieldsAt(p, 0).map((f) => f.name)).toEqual(['Fixed header', 'Packet type', 'DUP', 'QoS', 'RETAIN']);
    expect(fieldsAt(p, 1).map((f) => f.name)).toEqual(['Fixed header', 'Remaining Length']);
    expect(fieldsAt(p, 5).map((f) => f.name)).toEqual(['Variable header', 'Packet Identifier']);
    expect(fieldsAt(p, 8).map((f) => f.name)).toEqual(['Payload']);
  });

  it('accepts DUP on MQTT 3.1 SUBSCRIBE and ignores flags that 3.1 did not use', () => {
    const sub = dissectPacket(new Uint8Array([0x8a, 0x06, 0x00, 0x01, 0x00, 0x01, 0x61, 0x01]), 3);
    expect(sub.error).toBeNull();
    expect(one(sub, 'Flags').note).toBe('DUP set: a re-delivery (MQTT 3.1)');
    expect(dissectPacket(new Uint8Array([0xc1, 0x00]), 3).error).toBeNull();
    expect(dissectPacket(new Uint8Array([0xc1, 0x00]), 4).error).toMatch(/PINGREQ has flags 0001; they must be 0000/);
  });

  it('reads a CONNECT by its own Protocol Level, whatever the connection says', () => {
    const bytes = encode({ cmd: 'connect', protocolVersion: 5, clientId: 'x', properties: { sessionExpiryInterval: 5 } }, 5);
    const p = dissectPacket(bytes, 4);
    expect(p.error).toBeNull();
    expect(val(p, 'Session Expiry Interval')).toBe('5');
  });

  it('reports broken CONNECT flags and CONNACK rules', () => {
    const bytes = encode({ cmd: 'connect', clientId: 'x' }, 4);
    bytes[9] = 0x01 | 0x08;
    expect(dissectPacket(bytes, 4).error).toBe(
      'The reserved Connect Flag (bit 0) is set (malformed packet) [MQTT-3.1.2-3]; Will QoS and Will Retain must be 0 when the Will Flag is 0',
    );
    expect(dissectPacket(new Uint8Array([0x20, 0x02, 0x01, 0x05]), 4).error).toBe('Session Present is 1 on a refused connection; it must be 0');
  });

  it('checks a UTF-8 payload against its Payload Format Indicator', () => {
    const bytes = encode({ cmd: 'publish', topic: 't', payload: buf([0xff]), qos: 0, dup: false, retain: false, properties: { payloadFormatIndicator: true } }, 5);
    expect(dissectPacket(bytes, 5).error).toMatch(/Payload is not valid UTF-8 though its Payload Format Indicator says it is/);
  });

  it('shows a cut payload with how much is missing', () => {
    const bytes = encode({ cmd: 'publish', topic: 't', payload: buf('hello world'), qos: 0, dup: false, retain: false }, 4);
    const p = dissectPacket(bytes.subarray(0, bytes.length - 6), 4);
    expect(one(p, 'Payload')).toMatchObject({ value: '"hello"', note: '5 of 11 bytes here: the packet is cut off' });
  });
});
