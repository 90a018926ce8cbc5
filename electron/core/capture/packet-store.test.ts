import { describe, expect, it } from 'vitest';
import type { PacketRecord } from '../../../shared/capture-contract';
import { PacketStore } from './packet-store';

const packet = (i: number, over: Partial<PacketRecord> = {}): Omit<PacketRecord, 'seq' | 'time'> => ({
  at: 1000 + i,
  linkId: `link-${i % 3}`,
  fromClient: i % 2 === 0,
  type: 'PUBLISH',
  size: 3,
  packetId: i % 5 === 0 ? null : i,
  qos: i % 5 === 0 ? 0 : 1,
  dup: i % 7 === 0,
  retain: i % 4 === 0,
  topic: `t/${i % 10}`,
  reasonCode: null,
  fault: i % 11 === 0 ? 'dropped' : i % 13 === 0 ? 'delayed' : null,
  error: null,
  flowId: null,
  ...over,
});
const raw = (i: number) => new Uint8Array([0x30, 1, i & 0xff]);

describe('PacketStore', () => {
  it('gives back every field and the bytes as pushed, across growth and wrap-around', () => {
    const store = new PacketStore(3000);
    for (let i = 0; i < 5000; i++) expect(store.push(packet(i), raw(i), 4)).toBe(i);
    expect({ count: store.count, total: store.total, evicted: store.evicted, oldest: store.oldestSeq }).toEqual({ count: 3000, total: 5000, evicted: 2000, oldest: 2000 });
    expect(store.record(1999)).toBeUndefined();
    for (const i of [2000, 2001, 3333, 4999]) {
      const { time, ...rest } = store.record(i)!;
      expect(rest).toEqual({ seq: i, ...packet(i) });
      expect(time).toBeCloseTo(performance.timeOrigin + 1000 + i, 3);
      expect([...store.raw(i)!]).toEqual([...raw(i)]);
    }
  });

  it('keeps null, zero and reason codes apart, and takes a flow id afterwards', () => {
    const store = new PacketStore(10);
    const seq = store.push(packet(0, { type: 'PUBACK', packetId: 0, qos: null, reasonCode: 0x97, topic: null, error: 'bad', linkId: 'l' }), raw(0), 5);
    store.setFlowId(seq, 0);
    expect(store.record(seq)).toMatchObject({ packetId: 0, qos: null, reasonCode: 0x97, topic: null, error: 'bad', flowId: 0, type: 'PUBACK' });
    expect(store.get(seq)!.protocolVersion).toBe(5);
  });

  it('shrinking keeps the newest packets', () => {
    const store = new PacketStore(100);
    for (let i = 0; i < 50; i++) store.push(packet(i), raw(i), 4);
    store.setCapacity(10);
    expect([...store.values()].map((p) => p.record.seq)).toEqual([40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
    store.push(packet(50), raw(50), 4);
    expect(store.oldestSeq).toBe(41);
    store.setCapacity(20);
    for (let i = 51; i < 70; i++) store.push(packet(i), raw(i), 4);
    expect(store.count).toBe(20);
    expect(store.record(69)!.at).toBe(1069);
  });
});
