import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allPacketTypes } from '../../shared/packet-types';
import { emptyFlowFilter, emptyPacketFilter, flowFilterRequest, isFiltering, packetFilterRequest, toggled, topicFilterHint, topicSearchProblem } from './capture-filters';

describe('packetFilterRequest', () => {
  it('sends no constraint for an empty filter', () => {
    expect(packetFilterRequest(emptyPacketFilter)).toEqual({ linkId: null, topic: null });
  });

  it('sends ticked types in protocol order and a trimmed topic', () => {
    expect(packetFilterRequest({ types: ['PUBREC', 'PUBLISH'], linkId: 'broker:a', topic: '  sensors/# ' })).toEqual({
      types: ['PUBLISH', 'PUBREC'],
      linkId: 'broker:a',
      topic: 'sensors/#',
    });
  });

  it('treats every type ticked as no filter', () => {
    expect(packetFilterRequest({ ...emptyPacketFilter, types: [...allPacketTypes] }).types).toBeUndefined();
  });
});

describe('flowFilterRequest', () => {
  it('drops QoS and state choices that select everything or nothing', () => {
    expect(flowFilterRequest(emptyFlowFilter)).toEqual({ linkId: null, topic: null });
    expect(flowFilterRequest({ ...emptyFlowFilter, qos: [0, 1, 2] })).toEqual({ linkId: null, topic: null });
    expect(flowFilterRequest({ ...emptyFlowFilter, qos: [2, 1], states: ['interrupted'] })).toEqual({
      linkId: null,
      topic: null,
      qos: [1, 2],
      states: ['interrupted'],
    });
  });
});

describe('helpers', () => {
  it('toggles a value in and out', () => {
    expect(toggled([1, 2], 2)).toEqual([1]);
    expect(toggled([1], 2)).toEqual([1, 2]);
  });

  it('knows when a filter narrows the view', () => {
    expect(isFiltering(emptyPacketFilter)).toBe(false);
    expect(isFiltering({ ...emptyPacketFilter, types: ['PUBLISH'] })).toBe(true);
    expect(isFiltering({ ...emptyFlowFilter, states: ['complete'] })).toBe(true);
    expect(isFiltering({ ...emptyFlowFilter, topic: '  ' })).toBe(false);
  });

  it('says how the topic box matches', () => {
    expect(topicFilterHint('')).toBe('All topics');
    expect(topicFilterHint('sensors/+/temp')).toBe('MQTT filter');
    expect(topicFilterHint('temp')).toBe('Topics containing this text');
  });
});

describe('topicSearchProblem', () => {
  it('takes empty text, plain text and valid filters', () => {
    for (const text of ['', '  ', 'sensors', 'a b', 'sensors/+/temp', ' sensors/# ', '#']) expect(topicSearchProblem(text)).toBeNull();
  });

  it.each([
    ['a/#/b', "'#' may only be the last level of a filter; 'a/#/b' has levels after it."],
    ['a+', "'+' must fill a whole level by itself (found 'a+')."],
    ['sensors/#x', "'#' must fill a whole level by itself (found '#x')."],
    ['x'.repeat(70_000), 'No topic is longer than 65,535 bytes, so this text matches none.'],
  ])('refuses %j as a filter', (text, message) => {
    expect(topicSearchProblem(text)).toBe(message);
  });

  it('for any text, never throws, and what it lets through fits the request', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[a-c/+# ]{0,12}$/)), (text) => {
        const problem = topicSearchProblem(text);
        if (problem === null) expect(packetFilterRequest({ ...emptyPacketFilter, topic: text }).topic?.length ?? 0).toBeLessThanOrEqual(65_535);
        else expect(problem).toMatch(/\.$/);
      }),
    );
  });
});
