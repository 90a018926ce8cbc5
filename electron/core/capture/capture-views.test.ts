import { describe, expect, it } from 'vitest';
import type { FlowRecord, PacketRecord } from '../../../shared/capture-contract';
import { flowMatcher, packetMatcher } from './capture-views';

const record = (over: Partial<PacketRecord>): PacketRecord => ({
  seq: 0, at: 0, time: 0, linkId: 'broker:a', fromClient: true, type: 'PUBLISH', size: 1, packetId: null, qos: 0,
  dup: false, retain: false, topic: 'sensors/lab/temp', reasonCode: null, fault: null, error: null, flowId: null, ...over,
});

describe('capture filters', () => {
  it('match packets by type, link and topic (MQTT filter or substring)', () => {
    expect(packetMatcher({ types: ['PUBLISH'] })(record({}))).toBe(true);
    expect(packetMatcher({ types: ['PUBACK'] })(record({}))).toBe(false);
    expect(packetMatcher({ linkId: 'broker:b' })(record({}))).toBe(false);
    expect(packetMatcher({ topic: 'sensors/+/temp' })(record({}))).toBe(true);
    expect(packetMatcher({ topic: 'sensors/+' })(record({}))).toBe(false);
    expect(packetMatcher({ topic: 'lab' })(record({}))).toBe(true);
    expect(packetMatcher({ topic: 'lab' })(record({ topic: null, type: 'PINGREQ' }))).toBe(false);
    expect(packetMatcher({})(record({ topic: null, type: 'PINGREQ' }))).toBe(true);
    // An acknowledgement is matched by its flow's topic when the capture knows it.
    const ack = record({ type: 'PUBACK', topic: null, flowId: 3 });
    expect(packetMatcher({ topic: 'lab' })(ack)).toBe(false);
    expect(packetMatcher({ topic: 'lab' }, () => 'sensors/lab/temp')(ack)).toBe(true);
  });

  it('match flows by QoS and state', () => {
    const flow = { qos: 2, state: 'in-flight', linkId: 'conn:x', topic: 'a/b' } as FlowRecord;
    expect(flowMatcher({ qos: [2], states: ['in-flight'] })(flow)).toBe(true);
    expect(flowMatcher({ qos: [0, 1] })(flow)).toBe(false);
    expect(flowMatcher({ states: ['complete'] })(flow)).toBe(false);
    expect(flowMatcher({ topic: 'a/#', linkId: 'conn:x' })(flow)).toBe(true);
  });
});

describe('capture windows', () => {
  it('cut the same rows with and without the unfiltered fast path', async () => {
    const { PacketCapture } = await import('./packet-capture');
    const { packetWindow } = await import('./capture-views');
    const capture = new PacketCapture({ maxPackets: 100, maxFlows: 100 });
    const frame = new Uint8Array([0xc0, 0x00]); // PINGREQ
    for (let i = 0; i < 250; i++) capture.record('broker:x', frame, i % 2 === 0, null, null, null, 4);
    const fast = packetWindow(capture, {}, 10, 5);
    const scanned = packetWindow(capture, { types: ['PINGREQ'] }, 10, 5);
    expect(fast.rows.map((r) => r.seq)).toEqual([160, 161, 162, 163, 164]);
    expect(scanned.rows.map((r) => r.seq)).toEqual(fast.rows.map((r) => r.seq));
    expect([fast.totalRows, fast.captured, fast.evicted, fast.capacity]).toEqual([100, 250, 150, 100]);
    expect(packetWindow(capture, { linkId: 'broker:y' }, 0, 5).totalRows).toBe(0);
  });
});
