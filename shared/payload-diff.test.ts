// The diff model on real-looking payloads: JSON key by key with paths, text by lines,
// binary by byte ranges, and what it says when it compares less than everything.
import { describe, expect, it } from 'vitest';
import { byteDiff } from './byte-diff';
import { jsonChanges } from './json-diff';
import { diffByteLimit, diffPayloads } from './payload-diff';

const bytes = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => bytes(JSON.stringify(value));

describe('jsonChanges', () => {
  it('names changed, added and removed keys by their JSON paths, arrays by index', () => {
    const before = { temp: 21.5, unit: 'C', sensors: [{ value: 3 }, { value: 4 }], 'odd key': 1, gone: true };
    const after = { temp: 22, unit: 'C', sensors: [{ value: 3 }, { value: 5 }, { value: 6 }], 'odd key': 2, battery: 97 };
    expect(jsonChanges(before, after)).toEqual(
      expect.arrayContaining([
        { kind: 'changed', path: '$.temp', before: 21.5, after: 22 },
        { kind: 'changed', path: '$.sensors[1].value', before: 4, after: 5 },
        { kind: 'added', path: '$.sensors[2]', after: { value: 6 } },
        { kind: 'changed', path: "$['odd key']", before: 1, after: 2 },
        { kind: 'removed', path: '$.gone', before: true },
        { kind: 'added', path: '$.battery', after: 97 },
      ]),
    );
    expect(jsonChanges(before, after)).toHaveLength(6);
  });

  it('compares scalars and different container kinds as a whole', () => {
    expect(jsonChanges(1, 2)).toEqual([{ kind: 'changed', path: '$', before: 1, after: 2 }]);
    expect(jsonChanges([1], { 0: 1 })).toEqual([{ kind: 'changed', path: '$', before: [1], after: { 0: 1 } }]);
    expect(jsonChanges('a', 'a')).toEqual([]);
    expect(jsonChanges({ a: { b: null } }, { a: { b: 0 } })).toEqual([{ kind: 'changed', path: '$.a.b', before: null, after: 0 }]);
  });
});

describe('diffPayloads', () => {
  it('says when the payloads are the same bytes', () => {
    expect(diffPayloads(bytes('x'), bytes('x'))).toEqual({ kind: 'identical', size: 1 });
  });

  it('uses the JSON diff when both payloads are JSON', () => {
    const d = diffPayloads(json({ temp: 20, id: 'a' }), json({ temp: 21, id: 'a' }));
    expect(d).toEqual({ kind: 'json', changes: [{ kind: 'changed', path: '$.temp', before: 20, after: 21 }], truncated: false });
  });

  it('falls back to a text diff, with a note, when the JSON values are equal but the text is not', () => {
    const d = diffPayloads(bytes('{"a":1,"b":2}'), bytes('{ "b": 2, "a": 1 }'));
    expect(d.kind).toBe('text');
    if (d.kind === 'text') expect(d.note).toMatch(/same JSON value/);
  });

  it('diffs text by lines, numbering both sides', () => {
    const d = diffPayloads(bytes('alpha\nbeta\ngamma\n'), bytes('alpha\nBETA\ngamma\ndelta\n'));
    if (d.kind !== 'text') throw new Error(d.kind);
    expect(d.note).toBeNull();
    expect(d.added).toBe(2);
    expect(d.removed).toBe(1);
    expect(d.lines).toEqual([
      { kind: 'same', text: 'alpha', beforeLine: 1, afterLine: 1 },
      { kind: 'removed', text: 'beta', beforeLine: 2, afterLine: null },
      { kind: 'added', text: 'BETA', beforeLine: null, afterLine: 2 },
      { kind: 'same', text: 'gamma', beforeLine: 3, afterLine: 3 },
      { kind: 'added', text: 'delta', beforeLine: null, afterLine: 4 },
    ]);
  });

  it('compares binary payloads by byte ranges, including where one is longer', () => {
    const d = diffPayloads(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), new Uint8Array([0, 1, 0xff, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]));
    if (d.kind !== 'binary') throw new Error(d.kind);
    expect(d.differingBytes).toBe(3);
    expect(d.ranges.map((r) => [r.start, r.end])).toEqual([
      [2, 3],
      [12, 14],
    ]);
    expect([...d.ranges[0].before]).toEqual([2]);
    expect([...d.ranges[0].after]).toEqual([0xff]);
    expect([...d.ranges[1].before]).toEqual([]);
    expect([...d.ranges[1].after]).toEqual([12, 13]);
    expect(d.sizeBefore).toBe(12);
    expect(d.sizeAfter).toBe(14);
  });

  it('compares text against binary as bytes', () => {
    expect(diffPayloads(bytes('ok'), new Uint8Array([0, 1])).kind).toBe('binary');
  });

  it('compares the first part of payloads past the limit and says so', () => {
    const big = new Uint8Array(diffByteLimit + 10).fill(65);
    const other = big.slice();
    other[diffByteLimit + 5] = 66;
    other[3] = 66;
    const d = diffPayloads(big, other);
    if (d.kind !== 'binary') throw new Error(d.kind);
    expect(d.truncated).toBe(true);
    expect(d.ranges.map((r) => r.start)).toEqual([3]);
  });
});

describe('byteDiff', () => {
  it('merges nearby differences into one range and counts ranges past the limit', () => {
    const a = new Uint8Array(100);
    const b = a.slice();
    b[10] = 1;
    b[12] = 1;
    for (let i = 30; i < 100; i += 10) b[i] = 1;
    const d = byteDiff(a, b, 3);
    expect(d.ranges.map((r) => [r.start, r.end])).toEqual([
      [10, 13],
      [30, 31],
      [40, 41],
    ]);
    expect(d.moreRanges).toBe(5);
    expect(d.differingBytes).toBe(9);
  });
});
