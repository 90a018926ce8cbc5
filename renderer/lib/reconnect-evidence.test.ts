import { describe, expect, it } from 'vitest';
import type { PacketRecord } from '../../shared/capture-contract';
import { probeSeqs, reconnectMarks } from './reconnect-evidence';
import { flow, step } from './flow-test-data';

function packet(seq: number, type: PacketRecord['type'], linkId: string, at: number, reasonCode: number | null = null): PacketRecord {
  return { seq, at, time: at, linkId, fromClient: type === 'CONNECT', type, size: 2, packetId: null, qos: null, dup: false, retain: false, topic: null, reasonCode, fault: null, error: null, flowId: null };
}

const leg = flow(1, {
  steps: [step('PUBLISH', true, 1, { seq: 10 }), step('PUBACK', false, 2, { seq: 11, fault: 'dropped' }), step('PUBLISH', true, 400, { seq: 20, retransmission: true })],
});

describe('probeSeqs', () => {
  it('looks between the previous step and the resend only', () => {
    expect(probeSeqs([leg])).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
    expect(probeSeqs([flow(2, { steps: [step('PUBLISH', true, 1, { seq: 5 })] })])).toEqual([]);
  });
});

describe('reconnectMarks', () => {
  it('finds the CONNECT and CONNACK of the same link before the resend', () => {
    const packets = new Map(
      [packet(15, 'CONNECT', 'broker:other', 300), packet(17, 'CONNECT', 'broker:pub', 398.5), packet(18, 'CONNACK', 'broker:pub', 399, 0)].map((p) => [p.seq, p]),
    );
    const marks = reconnectMarks([leg], packets, () => 4);
    expect(marks.get(20)?.text).toBe('connection lost · reconnect: CONNECT → CONNACK Connection accepted (0x00) · resent 1.500 ms later');
  });

  it('claims nothing without a CONNECT on the link', () => {
    expect(reconnectMarks([leg], new Map([[15, packet(15, 'CONNECT', 'broker:other', 300)]]), () => 4).size).toBe(0);
  });
});
