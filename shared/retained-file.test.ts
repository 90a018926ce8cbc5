import { describe, expect, it } from 'vitest';
import { diffRetainedSets } from './retained-diff';
import { parseRetainedFile, serializeRetainedFile } from './retained-file';

describe('the retained-messages file', () => {
  it('round-trips, properties included', () => {
    const messages = [{ topic: 'a', qos: 1 as const, payloadBase64: 'AP8=', properties: { contentType: 'x', userProperties: [{ key: 'k', value: 'v' }] } }];
    const parsed = parseRetainedFile(serializeRetainedFile({ savedAt: '2026-11-22T00:00:00.000Z', broker: 'mqtt://h:1883', filter: '#', messages }));
    expect(parsed).toEqual({ ok: true, file: { format: 'mqtt-scope-retained', version: 1, savedAt: '2026-11-22T00:00:00.000Z', broker: 'mqtt://h:1883', filter: '#', messages } });
  });

  it('says what is wrong with a file that is not one', () => {
    expect(parseRetainedFile('[')).toMatchObject({ ok: false, problem: expect.stringMatching(/^The file is not JSON: /) });
    const shape = parseRetainedFile(JSON.stringify({ format: 'mqtt-scope-retained', version: 1, savedAt: 'x', broker: 'b', filter: '#', messages: [{ topic: 'a', qos: 3, payloadBase64: '' }] }));
    expect(shape).toMatchObject({ ok: false, problem: expect.stringMatching(/at messages\.0\.qos\.$/) });
  });
});

describe('diffRetainedSets', () => {
  const m = (topic: string, payloadBase64: string, qos: 0 | 1 | 2 = 0, properties?: Record<string, unknown>) => ({ topic, payloadBase64, qos, ...(properties ? { properties } : {}) });
  it('finds added, removed and changed (payload, QoS, properties in any key order)', () => {
    const before = [m('same', 'YQ=='), m('gone', 'YQ=='), m('bytes', 'YQ=='), m('qos', 'YQ==', 0), m('props', 'YQ==', 0, { contentType: 'a', responseTopic: 'r' })];
    const after = [m('same', 'YQ=='), m('new', 'Yg=='), m('bytes', 'Yg=='), m('qos', 'YQ==', 1), m('props', 'YQ==', 0, { responseTopic: 'r', contentType: 'b' })];
    const diff = diffRetainedSets(before, after);
    expect(diff.added.map((d) => d.topic)).toEqual(['new']);
    expect(diff.removed.map((d) => d.topic)).toEqual(['gone']);
    expect(diff.changed.map((d) => [d.topic, d.changes])).toEqual([
      ['bytes', ['payload']],
      ['props', ['properties']],
      ['qos', ['qos']],
    ]);
    expect(diff.unchanged).toBe(1);
    const reordered = diffRetainedSets([m('p', 'YQ==', 0, { a: 1, b: 2 })], [m('p', 'YQ==', 0, { b: 2, a: 1 })]);
    expect(reordered.unchanged).toBe(1);
  });
});
