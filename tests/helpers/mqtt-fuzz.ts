// Malformed and mutated MQTT packets for the broker's fuzz test, from a seeded generator
// so that a failing run can be replayed. Each kind is something a broken or hostile
// client sends: random bytes, valid packets with bits flipped or cut short, remaining
// lengths that lie or never end, invalid UTF-8 in topics, wildcards in PUBLISH topics,
// packets over the size limit, a second CONNECT.
import mqttPacket, { type Packet } from 'mqtt-packet';

export type FuzzKind = 'random-bytes' | 'bit-flips' | 'truncated' | 'bad-remaining-length' | 'invalid-utf8-topic' | 'wildcard-topic' | 'oversized' | 'second-connect';
export const fuzzKinds: readonly FuzzKind[] = ['random-bytes', 'bit-flips', 'truncated', 'bad-remaining-length', 'invalid-utf8-topic', 'wildcard-topic', 'oversized', 'second-connect'];

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FuzzGenerator {
  readonly counts = new Map<FuzzKind, number>();
  constructor(
    private readonly random: () => number,
    private readonly protocolVersion: 4 | 5,
    /** A size over the broker's maximum packet size. */
    private readonly oversizedBytes: number,
  ) {}

  /** One malformed or mutated packet's bytes. */
  next(): { kind: FuzzKind; bytes: Buffer } {
    const kind = fuzzKinds[this.int(fuzzKinds.length)];
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    return { kind, bytes: this.make(kind) };
  }

  private make(kind: FuzzKind): Buffer {
    switch (kind) {
      case 'random-bytes':
        return this.bytes(1 + this.int(64));
      case 'bit-flips': {
        const b = Buffer.from(this.valid());
        for (let n = 1 + this.int(4); n > 0; n--) b[this.int(b.length)] ^= 1 << this.int(8);
        return b;
      }
      case 'truncated': {
        const b = this.valid();
        return b.subarray(0, Math.max(1, this.int(b.length)));
      }
      case 'bad-remaining-length':
        // Continuation bits on every byte: a length that never ends (more than 4 bytes is invalid).
        return Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0xff, ...this.bytes(8)]);
      case 'invalid-utf8-topic': {
        // A QoS 0 PUBLISH whose topic is 0xC3 0x28: not UTF-8.
        const topic = Buffer.from([0xc3, 0x28, 0x2f, 0x61]);
        const body = Buffer.concat([Buffer.from([0, topic.length]), topic, ...(this.protocolVersion === 5 ? [Buffer.from([0])] : []), Buffer.from('x')]);
        return Buffer.concat([Buffer.from([0x30, body.length]), body]);
      }
      case 'wildcard-topic':
        return this.generate({ cmd: 'publish', topic: ['a/+/b', '#', 'x/#', '+'][this.int(4)], payload: Buffer.from('w'), qos: 1, messageId: 1 + this.int(65535), retain: false, dup: false });
      case 'oversized': {
        // The header declares more than the limit; only its start is sent.
        const header = mqttPacket.generate({ cmd: 'publish', topic: 'big', payload: Buffer.alloc(this.oversizedBytes), qos: 0, retain: false, dup: false }, { protocolVersion: this.protocolVersion });
        return header.subarray(0, 64);
      }
      case 'second-connect':
        return this.generate({ cmd: 'connect', protocolId: 'MQTT', protocolVersion: this.protocolVersion, clean: true, clientId: 'again', keepalive: 2 });
    }
  }

  /** A valid packet of a random type, to mutate. */
  private valid(): Buffer {
    const topic = `fuzz/${this.int(8)}`;
    const choices: Packet[] = [
      { cmd: 'publish', topic, payload: this.bytes(this.int(40)), qos: this.int(3) as 0 | 1 | 2, messageId: 1 + this.int(1000), retain: this.random() < 0.2, dup: false },
      { cmd: 'subscribe', messageId: 1 + this.int(1000), subscriptions: [{ topic: `${topic}/#`, qos: 1 }] },
      { cmd: 'unsubscribe', messageId: 1 + this.int(1000), unsubscriptions: [topic] },
      { cmd: 'puback', messageId: 1 + this.int(1000) },
      { cmd: 'pubrel', messageId: 1 + this.int(1000) },
      { cmd: 'pingreq' },
    ];
    return this.generate(choices[this.int(choices.length)]);
  }

  private generate(packet: Packet): Buffer {
    return mqttPacket.generate(packet, { protocolVersion: this.protocolVersion });
  }

  private bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.int(256);
    return b;
  }

  private int(below: number): number {
    return Math.floor(this.random() * below);
  }
}
