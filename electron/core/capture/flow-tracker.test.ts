import { describe, expect, it } from 'vitest';
import type { PacketRecord } from '../../../shared/capture-contract';
import type { PacketTypeName } from '../../../shared/packet-types';
import { FlowTracker } from './flow-tracker';

let seq = 0;
function packet(type: PacketTypeName, fromClient: boolean, extra: Partial<PacketRecord> = {}): PacketRecord {
  return {
    seq: seq++,
    at: seq,
    time: seq,
    linkId: 'L',
    fromClient,
    type,
    size: 4,
    packetId: 7,
    qos: null,
    dup: false,
    retain: false,
    topic: null,
    reasonCode: null,
    fault: null,
    error: null,
    flowId: null,
    ...extra,
  };
}
const publish = (fromClient: boolean, qos: 0 | 1 | 2, extra: Partial<PacketRecord> = {}) =>
  packet('PUBLISH', fromClient, { qos, topic: 't', packetId: qos ? 7 : null, ...extra });
const feed = (tracker: FlowTracker, ...records: PacketRecord[]) => records.map((r) => tracker.onPacket({ record: r, payloadSize: 1 }, () => null));

describe('FlowTracker', () => {
  it('keeps flows of the two directions apart even with the same packet id', () => {
    const t = new FlowTracker(100);
    const [up, down] = feed(t, publish(true, 1), publish(false, 1));
    feed(t, packet('PUBACK', true)); // the client acknowledges the broker's PUBLISH
    expect(down!.state).toBe('complete');
    expect(up!.state).toBe('in-flight');
    feed(t, packet('PUBACK', false));
    expect(up!.state).toBe('complete');
  });

  it('ends a QoS 2 flow at a failing PUBREC (5.0 reason code 0x97)', () => {
    const t = new FlowTracker(100);
    const [flow] = feed(t, publish(true, 2), packet('PUBREC', false, { reasonCode: 0x97 }));
    expect(flow).toMatchObject({ state: 'complete', waitingFor: null });
  });

  it('counts a PUBREL sent again after a reconnect as a retransmission', () => {
    const t = new FlowTracker(100);
    const [flow] = feed(t, publish(true, 2), packet('PUBREC', false), packet('PUBREL', true));
    t.onLinkClosed('L', 10);
    expect(flow!.state).toBe('interrupted');
    feed(t, packet('PUBREL', true), packet('PUBCOMP', false));
    expect(flow!.steps.map((s) => [s.type, s.retransmission])).toEqual([
      ['PUBLISH', false],
      ['PUBREC', false],
      ['PUBREL', false],
      ['PUBREL', true],
      ['PUBCOMP', false],
    ]);
    expect(flow).toMatchObject({ state: 'complete', retransmissions: 1, deviations: [] });
  });

  it('flags a resent PUBLISH without DUP once, and accepts one with DUP', () => {
    const t = new FlowTracker(100);
    const [flow] = feed(t, publish(true, 1), publish(true, 1), publish(true, 1));
    expect(flow!.deviations.map((d) => d.clause)).toEqual(['MQTT-3.3.1-1']);
    const t2 = new FlowTracker(100);
    const [ok] = feed(t2, publish(true, 1), publish(true, 1, { dup: true }));
    expect(ok!.deviations).toEqual([]);
    expect(ok!.retransmissions).toBe(1);
  });

  it('abandons broker-sent flows when the server had no session, and all flows on a clean start', () => {
    const t = new FlowTracker(100);
    const [fromBroker, fromClient] = feed(t, publish(false, 1, { packetId: 1 }), publish(true, 1, { packetId: 2 }));
    t.onLinkClosed('L', 5);
    t.onSessionStarted('L', false, 6);
    expect(fromBroker!.state).toBe('abandoned');
    expect(fromClient!.state).toBe('interrupted');
    t.onCleanConnect('L', 7);
    expect(fromClient!.state).toBe('abandoned');
  });

  it('does not advance on a dropped acknowledgement', () => {
    const t = new FlowTracker(100);
    const [flow] = feed(t, publish(true, 1), packet('PUBACK', false, { fault: 'dropped' }));
    expect(flow).toMatchObject({ state: 'in-flight', waitingFor: 'PUBACK' });
    expect(t.inFlight('L')).toEqual({ toBroker: 1, toClient: 0 });
  });
});
