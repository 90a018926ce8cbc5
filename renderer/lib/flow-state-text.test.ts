import { describe, expect, it } from 'vitest';
import { legRole, stateBadge, stepChips, stepsInWords } from './flow-state-text';
import { flow, step } from './flow-test-data';

describe('stateBadge', () => {
  it('says what an in-flight flow waits for, and for how long', () => {
    const f = flow(1, { qos: 2, state: 'in-flight', waitingFor: 'PUBREC', steps: [step('PUBLISH', true, 1000)] });
    expect(stateBadge(f, 13_500).text).toBe('in flight · waiting for PUBREC for 12 s');
    expect(stateBadge(f, 13_500).short).toBe('waiting for PUBREC 12 s');
    expect(stateBadge(f, null).text).toBe('in flight · waiting for PUBREC');
    expect(stateBadge(f, null).live).toBe(true);
  });

  it('names interrupted, abandoned and complete flows', () => {
    const steps = [step('PUBLISH', true, 1)];
    expect(stateBadge(flow(1, { state: 'interrupted', waitingFor: 'PUBACK', steps }), 5).text).toBe('interrupted · waiting for PUBACK');
    expect(stateBadge(flow(1, { state: 'abandoned', steps }), 5).tone).toBe('off');
    expect(stateBadge(flow(1, { state: 'complete', retransmissions: 1, qos: 2, steps }), 5).detail).toContain('after 1 resend');
  });
});

describe('step strip', () => {
  const f = flow(1, {
    qos: 1,
    steps: [step('PUBLISH', true, 1), step('PUBACK', false, 2, { fault: 'dropped' }), step('PUBLISH', true, 3, { retransmission: true }), step('PUBACK', false, 4)],
  });

  it('gives each step a short label, its way and its marks', () => {
    expect(stepChips(f).map((c) => [c.label, c.forward, c.fault, c.again])).toEqual([
      ['PUB', true, null, false],
      ['ACK', false, 'dropped', false],
      ['PUB', true, null, true],
      ['ACK', false, null, false],
    ]);
  });

  it('reads in words', () => {
    expect(stepsInWords(f)).toBe('PUBLISH, PUBACK dropped, PUBLISH again, PUBACK');
  });

  it('names the leg', () => {
    expect(legRole(f)).toBe('publisher → broker');
    expect(legRole(flow(2, { linkId: 'conn:c1', senderIsClient: false, steps: [] }))).toBe('delivered to us');
  });
});
