import mqttPacket, { type IPublishPacket, type Packet } from 'mqtt-packet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePublishFrame } from './publish-frame';

function parse(frame: Buffer, protocolVersion: 4 | 5): Packet | null {
  const parser = mqttPacket.parser({ protocolVersion });
  let out: Packet | null = null;
  parser.on('packet', (p: Packet) => (out = p));
  parser.on('error', () => (out = null));
  parser.parse(frame);
  return out;
}

const fields = (p: IPublishPacket) => ({ topic: p.topic, qos: p.qos, dup: p.dup, retain: p.retain, messageId: p.qos > 0 ? p.messageId : undefined, payload: Buffer.from(p.payload as Buffer).toString('hex') });

describe('decodePublishFrame', () => {
  it('reads what mqtt-packet reads, for any PUBLISH mqtt-packet writes (3.1.1 and 5.0)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((t) => !t.includes('\u0000')),
        fc.constantFrom(0, 1, 2),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 65535 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom(4, 5),
        fc.option(fc.record({ contentType: fc.string({ maxLength: 20 }), messageExpiryInterval: fc.nat() }), { nil: undefined }),
        (topic, qos, dup, retain, messageId, payload, version, properties) => {
          const packet = { cmd: 'publish', topic, qos, dup: qos > 0 && dup, retain, messageId, payload: Buffer.from(payload), ...(version === 5 && properties ? { properties } : {}) } as IPublishPacket;
          const frame = mqttPacket.generate(packet, { protocolVersion: version as 4 | 5 });
          const fast = decodePublishFrame(frame, version);
          const reference = parse(frame, version as 4 | 5) as IPublishPacket;
          expect(fast).not.toBeNull();
          expect(fields(fast!)).toEqual(fields(reference));
        },
      ),
    );
  });

  it('leaves what it cannot vouch for to the full parser', () => {
    const ok = mqttPacket.generate({ cmd: 'publish', topic: 'a', qos: 1, messageId: 7, dup: false, retain: false, payload: Buffer.from('x') }, { protocolVersion: 4 });
    expect(decodePublishFrame(ok.subarray(0, ok.length - 1), 4)).toBeNull();
    expect(decodePublishFrame(Buffer.from([0x36, 0x03, 0, 1, 0x61]), 4)).toBeNull(); // QoS 3
    expect(decodePublishFrame(Buffer.from([0x30, 0x04, 0, 2, 0xff, 0xfe]), 4)).toBeNull(); // topic not UTF-8
    const alias = mqttPacket.generate({ cmd: 'publish', topic: '', qos: 0, dup: false, retain: false, payload: Buffer.from('x'), properties: { topicAlias: 3 } }, { protocolVersion: 5 });
    expect(decodePublishFrame(alias, 5)).toBeNull();
    expect(decodePublishFrame(Buffer.from([0x20, 0x02, 0, 0]), 4)).toBeNull(); // a CONNACK
  });
});
