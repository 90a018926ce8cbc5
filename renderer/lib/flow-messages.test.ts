import { describe, expect, it } from 'vitest';
import { chunkIds, chunkPastMessage, endToEndLatency, messageLegs, neighbourIds, sameMessageAsPrevious } from './flow-messages';
import { flow, step } from './flow-test-data';

const publisher = flow(10, { messageId: 3, steps: [step('PUBLISH', true, 100), step('PUBACK', false, 100.5)] });
const toA = flow(11, { linkId: 'broker:a', senderIsClient: false, messageId: 3, steps: [step('PUBLISH', false, 100.3), step('PUBACK', true, 100.4)] });
const toB = flow(12, {
  linkId: 'broker:b',
  senderIsClient: false,
  messageId: 3,
  steps: [step('PUBLISH', false, 100.2, { fault: 'dropped' }), step('PUBLISH', false, 101.9, { retransmission: true })],
});
const other = flow(13, { messageId: 4, steps: [step('PUBLISH', true, 102)] });

describe('messageLegs', () => {
  it('gathers the legs of the selected flow\u2019s message, publisher first', () => {
    const m = messageLegs(toA, [other, toB, publisher, toA]);
    expect(m.legs.map((f) => f.id)).toEqual([10, 12, 11]);
    expect(m.publisher?.id).toBe(10);
    expect(m.deliveries.map((f) => f.id)).toEqual([12, 11]);
  });

  it('keeps a flow without a message id alone', () => {
    const lone = flow(20, { linkId: 'conn:x', messageId: null, steps: [step('PUBLISH', true, 1)] });
    expect(messageLegs(lone, [publisher, lone]).legs).toEqual([lone]);
  });
});

describe('endToEndLatency', () => {
  it('runs from the publisher\u2019s PUBLISH to the last delivery that arrived', () => {
    // toB's first PUBLISH was dropped; its resend at 101.9 is the one that arrived.
    expect(endToEndLatency(publisher, [toA, toB])).toBeCloseTo(1.9, 6);
  });

  it('is unknown without a publisher or a delivery', () => {
    expect(endToEndLatency(null, [toA])).toBeNull();
    expect(endToEndLatency(publisher, [])).toBeNull();
  });
});

describe('neighbourIds', () => {
  it('lists the ids around the known legs that are not yet at hand', () => {
    expect(neighbourIds([10, 12], new Set([10, 11, 12]), 2)).toEqual([8, 9, 13, 14]);
    expect(neighbourIds([1], new Set([1]), 3)).toEqual([0, 2, 3, 4]);
  });
});

describe('sameMessageAsPrevious', () => {
  it('brackets consecutive legs of one message', () => {
    const rows = [publisher, toA, other];
    expect([0, 1, 2].map((i) => sameMessageAsPrevious(rows, i))).toEqual([false, true, false]);
  });
});

describe('walking to distant legs', () => {
  it('lists the next chunk of ids either way, never below 0', () => {
    expect(chunkIds(10, 1, 3)).toEqual([11, 12, 13]);
    expect(chunkIds(1, -1, 3)).toEqual([0]);
  });

  it('stops once a whole chunk is later (or earlier) than the message could span', () => {
    const late = flow(30, { steps: [step('PUBLISH', false, 5000)] });
    const near = flow(31, { steps: [step('PUBLISH', false, 1500)] });
    expect(chunkPastMessage([late, null], 1000, 1, 2000)).toBe(true);
    expect(chunkPastMessage([late, near], 1000, 1, 2000)).toBe(false);
    expect(chunkPastMessage([null], 1000, -1, 2000)).toBe(true);
  });
});
