// The dissector against real packets: mqtt-packet's generate() (the encoder of MQTT.js and Aedes)
// writes every type in 3.1.1 and 5.0; the dissection must give back what was encoded, cover every
// byte, and survive every truncation and corruption of those packets.
import { describe, expect, it } from 'vitest';
import { generate, type Packet } from 'mqtt-packet';
import { dissectPacket, fieldsAt, type DissectedField, type DissectedPacket } from './packet-dissector';

// mqtt-packet checks Buffer.isBuffer; Buffer is reached through globalThis so this file also
// type-checks in the renderer's project, which has no Node types.
const NodeBuffer = (globalThis as unknown as { Buffer: { from(data: string | number[]): never } }).Buffer;
const buf = (data: string | number[]) => NodeBuffer.from(data);
const encode = (packet: Packet, version: 3 | 4 | 5) => new Uint8Array(generate(packet, { protocolVersion: version }));

type Version = 3 | 4 | 5;
interface Case {
  name: string;
  version: Version;
  packet: Packet;
  check: (p: DissectedPacket) => void;
}

function allFields(fields: DissectedField[], out: DissectedField[] = []): DissectedField[] {
  for (const f of fields) {
    out.push(f);
    if (f.children) allFields(f.children, out);
  }
  return out;
}
const named = (p: DissectedPacket | DissectedField, name: string) =>
  allFields('fields' in p ? p.fields : (p.children ?? [])).filter((f) => f.name === name);
function one(p: DissectedPacket | DissectedField, name: string, nth = 0): DissectedField {
  const f = named(p, name)[nth];
  if (!f) throw new Error(`no field ${name} #${nth}`);
  return f;
}
const val = (p: DissectedPacket | DissectedField, name: string, nth = 0) => one(p, name, nth).value;
const values = (p: DissectedPacket | DissectedField, name: string) => named(p, name).map((f) => f.value);

const secret = 'hunter2-Pa55word';
const secretHex = Array.from(new TextEncoder().encode(secret), (b) => b.toString(16).padStart(2, '0')).join(' ');

const props5 = { userProperties: { region: 'eu', tag: ['a', 'b'] } };

const cases: Case[] = [
  {
    name: 'CONNECT 3.1 (MQIsdp)',
    version: 3,
    packet: { cmd: 'connect', protocolId: 'MQIsdp', protocolVersion: 3, clientId: 'old-device', clean: true, keepalive: 10 },
    check: (p) => {
      expect(val(p, 'Protocol Name')).toBe('"MQIsdp"');
      expect(one(p, 'Protocol Level').note).toBe('MQTT 3.1');
      expect(val(p, 'Clean Session')).toBe('1');
      expect(val(p, 'Client Identifier')).toBe('"old-device"');
    },
  },
  {
    name: 'CONNECT 3.1.1 with will and credentials',
    version: 4,
    packet: {
      cmd: 'connect', clientId: 'sensor-7', clean: false, keepalive: 60, username: 'alice', password: buf(secret),
      will: { topic: 'status/sensor-7', payload: buf('offline'), qos: 2, retain: true },
    },
    check: (p) => {
      expect(val(p, 'Protocol Name')).toBe('"MQTT"');
      expect(val(p, 'Protocol Level')).toBe('4');
      expect(val(p, 'Connect Flags')).toBe('0xF4');
      expect([val(p, 'User Name Flag'), val(p, 'Password Flag'), val(p, 'Will Retain'), val(p, 'Will QoS'), val(p, 'Will Flag'), val(p, 'Clean Session'), val(p, 'Reserved')]).toEqual(['1', '1', '1', '2', '1', '0', '0']);
      expect(one(p, 'Will QoS').bits).toBe('bits 4-3');
      expect(one(p, 'Will QoS').note).toBe('Exactly once');
      expect(val(p, 'Keep Alive')).toBe('60');
      expect(val(p, 'Will Topic')).toBe('"status/sensor-7"');
      expect(val(p, 'Will Payload')).toBe('"offline"');
      expect(val(p, 'User Name')).toBe('"alice"');
      expect(val(p, 'Password')).toBe(`(${secret.length} bytes, hidden)`);
      expect(named(p, 'Properties')).toEqual([]);
    },
  },
  {
    name: 'CONNECT 5.0 with properties and will properties',
    version: 5,
    packet: {
      cmd: 'connect', protocolVersion: 5, clientId: 'dev-5', clean: true, keepalive: 0, username: 'bob', password: buf(secret),
      will: {
        topic: 'w/dev-5', payload: buf('gone'), qos: 1, retain: false,
        properties: { willDelayInterval: 30, payloadFormatIndicator: true, messageExpiryInterval: 600, contentType: 'text/plain', responseTopic: 'r/t', correlationData: buf([1, 2, 3]), userProperties: { w: 'x' } },
      },
      properties: { sessionExpiryInterval: 0xffffffff, receiveMaximum: 20, maximumPacketSize: 65536, topicAliasMaximum: 10, requestResponseInformation: true, requestProblemInformation: false, ...props5, authenticationMethod: 'SCRAM-SHA-1', authenticationData: buf([9, 9]) },
    },
    check: (p) => {
      expect(val(p, 'Clean Start')).toBe('1');
      const props = one(p, 'Properties');
      expect(val(props, 'Session Expiry Interval')).toBe('4294967295');
      expect(one(props, 'Session Expiry Interval').note).toContain('never expires');
      expect(val(props, 'Receive Maximum')).toBe('20');
      expect(val(props, 'Maximum Packet Size')).toBe('65536');
      expect(val(props, 'Topic Alias Maximum')).toBe('10');
      expect(val(props, 'Request Response Information')).toBe('1');
      expect(val(props, 'Request Problem Information')).toBe('0');
      expect(values(props, 'User Property')).toEqual(['"region" = "eu"', '"tag" = "a"', '"tag" = "b"']);
      expect(val(props, 'Authentication Method')).toBe('"SCRAM-SHA-1"');
      expect(val(props, 'Authentication Data')).toBe('(2 bytes, hidden)');
      const will = one(p, 'Will Properties');
      expect(val(will, 'Will Delay Interval')).toBe('30');
      expect(val(will, 'Payload Format Indicator')).toBe('1');
      expect(val(will, 'Message Expiry Interval')).toBe('600');
      expect(val(will, 'Content Type')).toBe('"text/plain"');
      expect(val(will, 'Response Topic')).toBe('"r/t"');
      expect(val(will, 'Correlation Data')).toBe('01 02 03');
      expect(values(will, 'User Property')).toEqual(['"w" = "x"']);
      expect(val(p, 'Will Topic')).toBe('"w/dev-5"');
      expect(val(p, 'Password')).toBe(`(${secret.length} bytes, hidden)`);
    },
  },
  {
    name: 'CONNACK 3.1.1 session present',
    version: 4,
    packet: { cmd: 'connack', sessionPresent: true, returnCode: 0 },
    check: (p) => {
      expect(val(p, 'Session Present')).toBe('1');
      expect(one(p, 'Return Code').note).toBe('Connection accepted (0x00)');
    },
  },
  {
    name: 'CONNACK 3.1.1 refused',
    version: 4,
    packet: { cmd: 'connack', sessionPresent: false, returnCode: 5 },
    check: (p) => expect(one(p, 'Return Code')).toMatchObject({ value: '0x05', note: 'Connection refused: not authorised (0x05)' }),
  },
  {
    name: 'CONNACK 5.0 with properties',
    version: 5,
    packet: {
      cmd: 'connack', sessionPresent: false, reasonCode: 0x87,
      properties: {
        sessionExpiryInterval: 120, receiveMaximum: 5, maximumQoS: 1, retainAvailable: false, maximumPacketSize: 1000, assignedClientIdentifier: 'auto-1',
        topicAliasMaximum: 3, reasonString: 'go away', wildcardSubscriptionAvailable: true, subscriptionIdentifiersAvailable: false, sharedSubscriptionAvailable: true,
        serverKeepAlive: 45, responseInformation: 'resp/', serverReference: 'other:1883', ...props5,
      },
    },
    check: (p) => {
      expect(one(p, 'Reason Code')).toMatchObject({ value: '0x87', note: 'Not authorized (0x87)' });
      const props = one(p, 'Properties');
      expect(props.value).toBe('17 properties');
      expect(val(props, 'Maximum QoS')).toBe('1');
      expect(val(props, 'Retain Available')).toBe('0');
      expect(val(props, 'Assigned Client Identifier')).toBe('"auto-1"');
      expect(val(props, 'Reason String')).toBe('"go away"');
      expect(val(props, 'Wildcard Subscription Available')).toBe('1');
      expect(val(props, 'Subscription Identifier Available')).toBe('0');
      expect(val(props, 'Shared Subscription Available')).toBe('1');
      expect(val(props, 'Server Keep Alive')).toBe('45');
      expect(val(props, 'Response Information')).toBe('"resp/"');
      expect(val(props, 'Server Reference')).toBe('"other:1883"');
    },
  },
  {
    name: 'PUBLISH 3.1.1 QoS 0 retained',
    version: 4,
    packet: { cmd: 'publish', topic: 'home/temp', payload: buf('21.5'), qos: 0, dup: false, retain: true },
    check: (p) => {
      expect([val(p, 'DUP'), val(p, 'QoS'), val(p, 'RETAIN')]).toEqual(['0', '0', '1']);
      expect(val(p, 'Topic Name')).toBe('"home/temp"');
      expect(named(p, 'Packet Identifier')).toEqual([]);
      expect(one(p, 'Payload')).toMatchObject({ value: '"21.5"', note: '4 bytes' });
    },
  },
  {
    name: 'PUBLISH 3.1.1 QoS 2 DUP, binary payload',
    version: 4,
    packet: { cmd: 'publish', topic: 'bin', payload: buf([0xff, 0x00, 0x10]), qos: 2, dup: true, retain: false, messageId: 65535 },
    check: (p) => {
      expect([val(p, 'DUP'), val(p, 'QoS'), val(p, 'RETAIN')]).toEqual(['1', '2', '0']);
      expect(one(p, 'QoS').note).toBe('Exactly once');
      expect(val(p, 'Packet Identifier')).toBe('65535');
      expect(one(p, 'Payload')).toMatchObject({ value: 'ff 00 10', note: '3 bytes, not UTF-8' });
    },
  },
  {
    name: 'PUBLISH 3.1.1 long payload (two-byte Remaining Length)',
    version: 4,
    packet: { cmd: 'publish', topic: 'a', payload: buf('x'.repeat(197)), qos: 0, dup: false, retain: false },
    check: (p) => {
      expect(one(p, 'Remaining Length')).toMatchObject({ start: 1, end: 3, value: '200' });
      expect(one(p, 'Remaining Length').note).toMatch(/^2 bytes: 0xC8 0x01 = 200/);
      expect(one(p, 'Payload')).toMatchObject({ value: `"${'x'.repeat(64)}"`, note: '197 bytes, first 64 shown' });
    },
  },
  {
    name: 'PUBLISH 5.0 QoS 1 with every PUBLISH property',
    version: 5,
    packet: {
      cmd: 'publish', topic: 'sensors/1', payload: buf('{"t":21.5}'), qos: 1, dup: false, retain: false, messageId: 42,
      properties: { payloadFormatIndicator: true, messageExpiryInterval: 60, topicAlias: 4, responseTopic: 'reply/1', correlationData: buf('c0rr'), contentType: 'application/json', subscriptionIdentifier: [7, 300], ...props5 },
    },
    check: (p) => {
      expect(val(p, 'Packet Identifier')).toBe('42');
      const props = one(p, 'Properties');
      expect(val(props, 'Payload Format Indicator')).toBe('1');
      expect(val(props, 'Message Expiry Interval')).toBe('60');
      expect(val(props, 'Topic Alias')).toBe('4');
      expect(val(props, 'Response Topic')).toBe('"reply/1"');
      expect(val(props, 'Correlation Data')).toBe('"c0rr"');
      expect(val(props, 'Content Type')).toBe('"application/json"');
      expect(values(props, 'Subscription Identifier')).toEqual(['7', '300']);
      expect(one(props, 'Subscription Identifier', 1).note).toContain('Variable Byte Integer');
      expect(values(props, 'User Property')).toEqual(['"region" = "eu"', '"tag" = "a"', '"tag" = "b"']);
      expect(val(p, 'Payload')).toBe('"{"t":21.5}"');
    },
  },
  {
    name: 'PUBLISH 5.0 empty retained payload',
    version: 5,
    packet: { cmd: 'publish', topic: 'clear/me', payload: buf(''), qos: 0, dup: false, retain: true },
    check: (p) => {
      expect(one(p, 'Properties').value).toBe('(none)');
      expect(one(p, 'Payload')).toMatchObject({ value: '(empty)', start: p.fields.at(-1)!.end });
    },
  },
  ...(['puback', 'pubrec', 'pubrel', 'pubcomp'] as const).flatMap((cmd): Case[] => [
    { name: `${cmd.toUpperCase()} 3.1.1`, version: 4, packet: { cmd, messageId: 1234 }, check: (p) => expect(val(p, 'Packet Identifier')).toBe('1234') },
    {
      name: `${cmd.toUpperCase()} 5.0 with reason code and properties`,
      version: 5,
      packet: { cmd, messageId: 9, reasonCode: cmd === 'pubrel' || cmd === 'pubcomp' ? 0x92 : 0x10, properties: { reasonString: 'why', ...props5 } },
      check: (p) => {
        expect(val(p, 'Packet Identifier')).toBe('9');
        expect(one(p, 'Reason Code').note).toBe(cmd === 'pubrel' || cmd === 'pubcomp' ? 'Packet Identifier not found (0x92)' : 'No matching subscribers (0x10)');
        expect(val(p, 'Reason String')).toBe('"why"');
        expect(values(p, 'User Property')).toHaveLength(3);
      },
    },
  ]),
  {
    name: 'SUBSCRIBE 3.1.1',
    version: 4,
    packet: { cmd: 'subscribe', messageId: 3, subscriptions: [{ topic: 'a/+', qos: 0 }, { topic: 'b/#', qos: 2 }] },
    check: (p) => {
      expect(values(p, 'Topic Filter')).toEqual(['"a/+"', '"b/#"']);
      expect(values(p, 'Subscription')).toEqual(['"a/+", QoS 0', '"b/#", QoS 2']);
      expect(one(p, 'Requested QoS', 1).children!.map((c) => [c.name, c.bits, c.value])).toEqual([['Reserved', 'bits 7-2', '0'], ['QoS', 'bits 1-0', '2']]);
    },
  },
  {
    name: 'SUBSCRIBE 5.0 with subscription options',
    version: 5,
    packet: {
      cmd: 'subscribe', messageId: 4, properties: { subscriptionIdentifier: 12345, ...props5 },
      subscriptions: [{ topic: 'x/y', qos: 1, nl: true, rap: true, rh: 2 }, { topic: '$share/g/z', qos: 2, nl: false, rap: false, rh: 1 }],
    },
    check: (p) => {
      expect(val(p, 'Subscription Identifier')).toBe('12345');
      const first = one(p, 'Subscription Options');
      expect(first.value).toBe('0x2D');
      expect(first.children!.map((c) => [c.name, c.value])).toEqual([['Reserved', '0'], ['Retain Handling', '2'], ['Retain As Published', '1'], ['No Local', '1'], ['QoS', '1']]);
      expect(one(first, 'Retain Handling').note).toBe('Do not send retained messages');
      const second = one(p, 'Subscription Options', 1);
      expect([val(second, 'Retain Handling'), val(second, 'Retain As Published'), val(second, 'No Local'), val(second, 'QoS')]).toEqual(['1', '0', '0', '2']);
      expect(values(p, 'Topic Filter')).toEqual(['"x/y"', '"$share/g/z"']);
    },
  },
  {
    name: 'SUBACK 3.1.1',
    version: 4,
    packet: { cmd: 'suback', messageId: 3, granted: [0, 1, 2, 0x80] },
    check: (p) => expect(named(p, 'Return Code').map((f) => f.note)).toEqual(['Granted QoS 0', 'Granted QoS 1', 'Granted QoS 2', 'Failure (0x80)']),
  },
  {
    name: 'SUBACK 5.0',
    version: 5,
    packet: { cmd: 'suback', messageId: 4, granted: [1, 0, 0x87, 0xa2], properties: { reasonString: 'partly', ...props5 } },
    check: (p) => {
      expect(named(p, 'Reason Code').map((f) => f.note)).toEqual(['Granted QoS 1 (0x01)', 'Granted QoS 0 (0x00)', 'Not authorized (0x87)', 'Wildcard Subscriptions not supported (0xA2)']);
      expect(val(p, 'Reason String')).toBe('"partly"');
    },
  },
  {
    name: 'UNSUBSCRIBE 3.1.1',
    version: 4,
    packet: { cmd: 'unsubscribe', messageId: 5, unsubscriptions: ['a/+', 'c'] },
    check: (p) => expect(values(p, 'Topic Filter')).toEqual(['"a/+"', '"c"']),
  },
  {
    name: 'UNSUBSCRIBE 5.0',
    version: 5,
    packet: { cmd: 'unsubscribe', messageId: 6, unsubscriptions: ['q'], properties: { ...props5 } },
    check: (p) => {
      expect(values(p, 'Topic Filter')).toEqual(['"q"']);
      expect(values(p, 'User Property')).toHaveLength(3);
    },
  },
  { name: 'UNSUBACK 3.1.1', version: 4, packet: { cmd: 'unsuback', messageId: 5, granted: [] }, check: (p) => expect(val(p, 'Packet Identifier')).toBe('5') },
  {
    name: 'UNSUBACK 5.0',
    version: 5,
    packet: { cmd: 'unsuback', messageId: 6, granted: [0, 0x11], properties: { reasonString: 'ok', ...props5 } },
    check: (p) => expect(named(p, 'Reason Code').map((f) => f.note)).toEqual(['Success (0x00)', 'No subscription existed (0x11)']),
  },
  ...([4, 5] as const).flatMap((version): Case[] => [
    { name: `PINGREQ ${version}`, version, packet: { cmd: 'pingreq' }, check: (p) => expect(p.fields.map((f) => f.name)).toEqual(['Fixed header']) },
    { name: `PINGRESP ${version}`, version, packet: { cmd: 'pingresp' }, check: (p) => expect(val(p, 'Remaining Length')).toBe('0') },
  ]),
  { name: 'DISCONNECT 3.1.1', version: 4, packet: { cmd: 'disconnect' }, check: (p) => expect(p.fields).toHaveLength(1) },
  {
    name: 'DISCONNECT 5.0 with reason and properties',
    version: 5,
    packet: { cmd: 'disconnect', reasonCode: 0x8e, properties: { sessionExpiryInterval: 0, reasonString: 'taken over', serverReference: 'b:1883', ...props5 } },
    check: (p) => {
      expect(one(p, 'Reason Code')).toMatchObject({ value: '0x8E', note: 'Session taken over (0x8E)' });
      expect(val(p, 'Session Expiry Interval')).toBe('0');
      expect(val(p, 'Server Reference')).toBe('"b:1883"');
    },
  },
  {
    name: 'AUTH 5.0',
    version: 5,
    packet: { cmd: 'auth', reasonCode: 0x18, properties: { authenticationMethod: 'SCRAM-SHA-1', authenticationData: buf([1, 2, 3]), reasonString: 'more', ...props5 } },
    check: (p) => {
      expect(one(p, 'Reason Code').note).toBe('Continue authentication (0x18)');
      expect(val(p, 'Authentication Method')).toBe('"SCRAM-SHA-1"');
      expect(val(p, 'Authentication Data')).toBe('(3 bytes, hidden)');
    },
  },
];

const typeOf = (c: Case) => c.packet.cmd.toUpperCase();

// The structural checks run hundreds of thousands of times over cut and corrupted packets, so
// they return the first problem as text (one expect per packet) rather than expect per field.

/** Top-level fields tile [0, length); every parent is tiled by its children; bit fields share one byte. */
function structureProblem(p: DissectedPacket, length: number): string | null {
  const top = tilingProblem(p.fields, 0, length, 'top level');
  if (top) return top;
  for (const f of allFields(p.fields)) {
    if (f.start > f.end) return `${f.name} ends before it starts`;
    if (f.bits && f.end - f.start !== 1) return `bit field ${f.name} is not one byte`;
    const inner = f.children?.length ? tilingProblem(f.children, f.start, f.end, f.name) : null;
    if (inner) return inner;
  }
  return null;
}

function tilingProblem(fields: DissectedField[], start: number, end: number, where: string): string | null {
  let pos = start;
  let prev: DissectedField | null = null;
  for (const f of fields) {
    const sameByte = prev !== null && (f.bits || prev.bits) && f.start === prev.start && f.end === prev.end;
    if (!sameByte) {
      if (f.start !== pos) return `${where}: ${f.name} starts at ${f.start}, the previous field ends at ${pos}`;
      pos = f.end;
    }
    prev = f;
  }
  return pos === end ? null : `${where}: fields end at ${pos}, not ${end}`;
}

/** fieldsAt agrees with a brute-force search of the tree and ends at a leaf. */
function fieldsAtProblem(p: DissectedPacket, length: number): string | null {
  const everything = allFields(p.fields);
  for (let offset = 0; offset < length; offset++) {
    const path = fieldsAt(p, offset);
    const expected = everything.filter((f) => f.start <= offset && offset < f.end);
    if (path.length === 0) return `nothing at offset ${offset}`;
    if (!p.fields.includes(path[0])) return `offset ${offset}: path does not start at the top level`;
    if (path.length !== expected.length || path.some((f, i) => f !== expected[i])) return `offset ${offset}: path differs from the tree`;
    if (path.at(-1)!.children?.length) return `offset ${offset}: path ends at a field with children`;
  }
  if (fieldsAt(p, length).length || fieldsAt(p, -1).length) return 'fields outside the bytes';
  return null;
}

function expectWellFormed(p: DissectedPacket, length: number, what = ''): void {
  expect(structureProblem(p, length), what).toBeNull();
}

function expectFieldsAt(p: DissectedPacket, length: number, what = ''): void {
  expect(fieldsAtProblem(p, length), what).toBeNull();
}

describe('dissecting packets from mqtt-packet', () => {
  it('covers all 15 types', () => {
    expect(new Set(cases.map(typeOf)).size).toBe(15);
  });

  for (const c of cases) {
    it(c.name, () => {
      const bytes = encode(c.packet, c.version);
      const p = dissectPacket(bytes, c.version);
      expect(p.error).toBeNull();
      expect(p.type).toBe(typeOf(c));
      expect(val(p, 'Packet type')).toBe(`${typeOf(c)} (${bytes[0] >> 4})`);
      expect(val(p, 'Remaining Length')).toBe(String(bytes.length - one(p, 'Remaining Length').end));
      c.check(p);
      expectWellFormed(p, bytes.length);
      expectFieldsAt(p, bytes.length);
    });
  }

  it('never shows a password, whole, cut or with its flags flipped', () => {
    const connects = cases.filter((c) => c.packet.cmd === 'connect').map((c) => encode(c.packet, c.version));
    for (const bytes of connects) {
      const flagsAt = connectFlagsOffset(bytes);
      const variants = [bytes];
      for (let cut = 0; cut < bytes.length; cut++) variants.push(bytes.subarray(0, cut));
      for (let flags = 0; flags < 256; flags++) {
        const v = bytes.slice();
        v[flagsAt] = flags;
        variants.push(v);
      }
      for (const v of variants) {
        for (const version of [3, 4, 5] as const) {
          const text = JSON.stringify(dissectPacket(v, version));
          expect(text).not.toContain(secret);
          expect(text).not.toContain(secretHex.slice(0, 11));
        }
      }
    }
  });
});

function connectFlagsOffset(bytes: Uint8Array): number {
  const p = dissectPacket(bytes, 4);
  return one(p, 'Connect Flags').start;
}

describe('bytes that end early or break the rules', () => {
  it('never throws on any cut of any packet, and says it is incomplete', () => {
    for (const c of cases) {
      const bytes = encode(c.packet, c.version);
      for (let cut = 0; cut < bytes.length; cut++) {
        const part = bytes.subarray(0, cut);
        const p = dissectPacket(part, c.version);
        const what = `${c.name} cut at ${cut}`;
        if (p.error === null) expect.fail(`${what}: no error`);
        const problem = structureProblem(p, cut) ?? fieldsAtProblem(p, cut);
        if (problem) expect.fail(`${what}: ${problem}`);
      }
    }
  });

  it('never throws on corrupted bytes, and still covers every byte', () => {
    for (const c of cases) {
      const bytes = encode(c.packet, c.version);
      for (let i = 0; i < bytes.length; i++) {
        for (const b of [0x00, 0xff, bytes[i] ^ 0x80, (bytes[i] + 1) & 0xff, 0x7f]) {
          const v = bytes.slice();
          v[i] = b;
          const problem = structureProblem(dissectPacket(v, c.version), v.length);
          if (problem) expect.fail(`${c.name}, byte ${i} set to ${b}: ${problem}`);
        }
      }
    }
  });
});
