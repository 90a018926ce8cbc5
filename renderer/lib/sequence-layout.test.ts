import { describe, expect, it } from 'vitest';
import { diagramGeometry, laneCount, laneGapFor, layoutSequence, type LinkInfo } from './sequence-layout';
import { flow, step } from './flow-test-data';

const links: Record<string, LinkInfo> = {
  'broker:pub': { label: 'sensor-1', remote: '127.0.0.1:5000', protocolVersion: 4 },
  'broker:a': { label: 'dashboard', remote: '127.0.0.1:5001', protocolVersion: 5 },
  'conn:c1': { label: 'Lab broker', remote: 'lab.example:1883', protocolVersion: 4 },
};
const info = (id: string) => links[id];

describe('layoutSequence', () => {
  it('draws QoS 0 as one arrow, QoS 2 as four alternating arrows', () => {
    const q0 = layoutSequence([flow(1, { qos: 0, packetId: null, steps: [step('PUBLISH', true, 1)] })], info);
    expect(q0.arrows).toHaveLength(1);
    const q2 = layoutSequence(
      [flow(2, { qos: 2, steps: [step('PUBLISH', true, 1), step('PUBREC', false, 2), step('PUBREL', true, 3), step('PUBCOMP', false, 4)] })],
      info,
    );
    expect(q2.arrows.map((a) => `${a.type}:${a.fromX < a.toX ? '→' : '←'}`)).toEqual(['PUBLISH:→', 'PUBREC:←', 'PUBREL:→', 'PUBCOMP:←']);
    expect(q2.arrows[0].detail).toBe('id 7 · QoS 2');
    expect(q2.arrows[1].detail).toBe('id 7');
    expect(q2.arrows[1].gap).toBe('+1.000 ms');
  });

  it('puts the publisher left of the broker and each subscriber right of it', () => {
    const pub = flow(10, { messageId: 1, steps: [step('PUBLISH', true, 1)] });
    const sub = flow(11, { linkId: 'broker:a', senderIsClient: false, messageId: 1, steps: [step('PUBLISH', false, 1.25), step('PUBACK', true, 1.5, { reasonCode: 0 })] });
    const d = layoutSequence([pub, sub], info);
    expect(d.lanes.map((l) => `${l.title} (${l.role})`)).toEqual(['sensor-1 (publisher)', 'Broker (embedded)', 'dashboard (subscriber)']);
    // The delivery's first arrow counts from the publisher's PUBLISH; its PUBACK reason is read as 5.0.
    expect(d.arrows[1].gap).toBe('+0.250 ms');
    expect(d.arrows[2].reason).toBe('Success (0x00)');
    expect(d.width).toBe(diagramGeometry.timeColumn + 3 * diagramGeometry.laneGap);
  });

  it('names the lanes of our own connection to another broker', () => {
    const d = layoutSequence([flow(1, { linkId: 'conn:c1', senderIsClient: false, steps: [step('PUBLISH', false, 1)] })], info);
    expect(d.lanes.map((l) => l.title)).toEqual(['MQTT Scope (client)', 'Broker']);
    expect(d.lanes[1].role).toBe('lab.example:1883');
    expect(d.arrows[0].fromX).toBeGreaterThan(d.arrows[0].toX);
  });

  it('stops a dropped arrow midway and marks the reconnect before a resend', () => {
    const f = flow(1, {
      steps: [step('PUBLISH', true, 1), step('PUBACK', false, 2, { fault: 'dropped' }), step('PUBLISH', true, 900, { retransmission: true, seq: 77 }), step('PUBACK', false, 901)],
    });
    const d = layoutSequence([f], info, new Map([[77, { text: 'reconnected' }]]));
    const dropped = d.arrows[1];
    expect(dropped.endX).toBe((dropped.fromX + dropped.toX) / 2);
    expect(d.arrows[2].again).toBe(true);
    expect(d.arrows[2].detail).toBe('id 7 · QoS 1 · DUP 0 ⚠');
    expect(d.markers).toEqual([expect.objectContaining({ kind: 'reconnect', text: 'reconnected' })]);
    expect(d.markers[0].y).toBeGreaterThan(dropped.y);
    expect(d.markers[0].y).toBeLessThan(d.arrows[2].y);
    expect(d.arrows[2].time).toBe('+899.0 ms');
  });

  it('shows what an unfinished flow waits for, and a lost connection', () => {
    const waiting = layoutSequence([flow(1, { qos: 2, state: 'in-flight', waitingFor: 'PUBCOMP', steps: [step('PUBLISH', true, 1), step('PUBREC', false, 2), step('PUBREL', true, 3)] })], info);
    const m = waiting.markers[0];
    expect(m).toMatchObject({ kind: 'waiting', text: 'waiting for PUBCOMP…' });
    // PUBCOMP comes back from the broker to the publisher.
    expect(m.x1).toBeGreaterThan(m.x2);
    const cut = layoutSequence([flow(2, { state: 'interrupted', waitingFor: 'PUBACK', steps: [step('PUBLISH', true, 1)] })], info);
    expect(cut.markers[0]).toMatchObject({ kind: 'interrupted', text: 'connection lost while waiting for PUBACK' });
    const gone = layoutSequence([flow(3, { state: 'abandoned', waitingFor: 'PUBACK', steps: [step('PUBLISH', true, 1)] })], info);
    expect(gone.markers[0].kind).toBe('abandoned');
    expect(gone.markers[0].text).toMatch(/^abandoned while waiting for PUBACK/);
  });

  it('never stops a dropped arrow on a third party\u2019s lane', () => {
    const pub = flow(10, { messageId: 1, steps: [step('PUBLISH', true, 1)] });
    const near = flow(11, { linkId: 'broker:a', senderIsClient: false, messageId: 1, steps: [step('PUBLISH', false, 2)] });
    const far = flow(12, { linkId: 'broker:b', senderIsClient: false, messageId: 1, steps: [step('PUBLISH', false, 3, { fault: 'dropped' })] });
    const d = layoutSequence([pub, near, far], info);
    const dropped = d.arrows[2];
    const laneXs = d.lanes.map((l) => l.x);
    expect(laneXs.some((x) => Math.abs(x - dropped.endX) < 10)).toBe(false);
    expect(dropped.endX).toBeGreaterThan(dropped.fromX);
    expect(dropped.endX).toBeLessThan(dropped.toX);
  });

  it('keeps at most eight subscriber lanes', () => {
    const subs = Array.from({ length: 10 }, (_, i) => flow(20 + i, { linkId: `broker:s${i}`, senderIsClient: false, steps: [step('PUBLISH', false, 2 + i)] }));
    const d = layoutSequence(subs, info);
    expect(d.lanes).toHaveLength(9);
    expect(d.hiddenLegs).toBe(2);
  });

  it('fits the lanes to the width, within readable bounds', () => {
    expect(laneGapFor(92 + 3 * 180, 3)).toBe(180);
    expect(laneGapFor(400, 4)).toBe(150);
    expect(laneGapFor(5000, 2)).toBe(240);
    const pub = flow(10, { messageId: 1, steps: [step('PUBLISH', true, 1)] });
    const sub = flow(11, { linkId: 'broker:a', senderIsClient: false, messageId: 1, steps: [step('PUBLISH', false, 2)] });
    expect(laneCount([pub, sub])).toBe(3);
    expect(layoutSequence([pub, sub], info, new Map(), 180).width).toBe(92 + 3 * 180);
  });
});
