import { generate } from 'mqtt-packet';
import { describe, expect, it } from 'vitest';
import { MqttFramer } from './mqtt-framer';

const publish = (payloadSize: number) =>
  new Uint8Array(generate({ cmd: 'publish', topic: 'a/b', payload: Buffer.alloc(payloadSize, 7), qos: 1, messageId: 9, dup: false, retain: false }));

describe('MqttFramer', () => {
  it('cuts concatenated packets apart, byte for byte', () => {
    const a = new Uint8Array(generate({ cmd: 'pingreq' }));
    const b = publish(300); // two-byte Remaining Length
    const c = new Uint8Array(generate({ cmd: 'puback', messageId: 9 }));
    const stream = new Uint8Array([...a, ...b, ...c]);
    const frames = new MqttFramer().push(stream);
    expect(frames.map((f) => [...f])).toEqual([[...a], [...b], [...c]]);
  });

  it('reassembles a packet split at every possible point', () => {
    const packet = publish(20_000); // three-byte Remaining Length
    for (const cut of [1, 2, 3, 4, 5, 100, packet.length - 1]) {
      const framer = new MqttFramer();
      expect(framer.push(packet.subarray(0, cut))).toEqual([]);
      const [frame] = framer.push(packet.subarray(cut));
      expect(Buffer.from(frame).equals(Buffer.from(packet))).toBe(true);
      expect(framer.pending).toBe(0);
    }
  });

  it('reads one byte at a time', () => {
    const packets = [publish(0), publish(127), publish(128), publish(16_384)];
    const all = new Uint8Array(packets.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of packets) {
      all.set(p, o);
      o += p.length;
    }
    const framer = new MqttFramer();
    const frames = [...all].flatMap((byte) => framer.push(new Uint8Array([byte])));
    expect(frames.map((f) => f.length)).toEqual(packets.map((p) => p.length));
  });

  it('marks a Remaining Length of five bytes as malformed', () => {
    const framer = new MqttFramer();
    expect(framer.push(new Uint8Array([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]))).toEqual([]);
    expect(framer.broken?.message).toMatch(/more than four bytes/);
  });
});
