// The chart's JSON paths: what they read, what they refuse and why, and (on generated
// keys and documents) that formatting and parsing agree and a path finds its value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJsonPath, lookupJsonPath, parseJsonPath, type JsonPathSegment } from './json-path';

function read(doc: unknown, path: string): unknown {
  const parsed = parseJsonPath(path);
  if (!parsed.ok) throw new Error(parsed.problem);
  const found = lookupJsonPath(doc, parsed.segments);
  if (!found.found) throw new Error(found.problem);
  return found.value;
}

const doc = { temp: 21.5, sensors: [{ value: 3 }, { value: 4, 'odd key': { "it's": 7 } }], 'a.b': 1, $meta: { n: 0 } };

describe('parseJsonPath and lookupJsonPath', () => {
  it('reads $, dotted keys, quoted keys and indexes', () => {
    expect(read(doc, '$')).toEqual(doc);
    expect(read(doc, '$.temp')).toBe(21.5);
    expect(read(doc, '  $.sensors[0].value ')).toBe(3);
    expect(read(doc, "$.sensors[1]['odd key']['it\\'s']")).toBe(7);
    expect(read(doc, '$["a.b"]')).toBe(1);
    expect(read(doc, '$.$meta.n')).toBe(0);
    expect(read([10, [20, 30]], '$[1][0]')).toBe(20);
  });

  it('refuses what it does not support, saying where and what to use', () => {
    const problem = (p: string) => {
      const r = parseJsonPath(p);
      return r.ok ? null : r.problem;
    };
    expect(problem('temp')).toMatch(/starts with \$/);
    expect(problem('$.*')).toMatch(/Wildcards are not supported at position 3/);
    expect(problem('$..temp')).toMatch(/Recursive descent/);
    expect(problem('$.sensors[*]')).toMatch(/Filters, slices and wildcards/);
    expect(problem('$.sensors[?(@.v>1)]')).toMatch(/Filters, slices and wildcards/);
    expect(problem('$.sensors[0:2]')).toMatch(/Filters, slices and wildcards/);
    expect(problem('$.sensors[-1]')).toMatch(/whole number from 0/);
    expect(problem('$.sensors[01]')).toMatch(/leading zeros/);
    expect(problem("$['open")).toMatch(/unclosed quoted key/);
    expect(problem('$.')).toMatch(/key is expected/);
    expect(problem('$temp')).toMatch(/Unexpected 't' at position 2/);
    expect(problem('$.a b')).toMatch(/Unexpected ' '/);
    for (const p of ['temp', '$.*', '$[0:1]']) expect(problem(p)).toContain("use $, .key, ['key'] or [index]");
  });

  it('says why a path finds nothing', () => {
    const miss = (d: unknown, p: string) => {
      const parsed = parseJsonPath(p);
      if (!parsed.ok) throw new Error(parsed.problem);
      const r = lookupJsonPath(d, parsed.segments);
      return r.found ? null : r.problem;
    };
    expect(miss(doc, '$.pressure')).toBe('$ has no key \'pressure\'.');
    expect(miss(doc, '$.sensors[5]')).toBe('$.sensors has 2 items, no [5].');
    expect(miss(doc, '$.temp.x')).toBe('$.temp is not an object.');
    expect(miss(doc, '$.temp[0]')).toBe('$.temp is not an array.');
    expect(miss(doc, '$.sensors.value')).toBe('$.sensors is not an object.');
    expect(miss(null, '$.a')).toBe('$ is not an object.');
    // Inherited properties are not keys of the payload.
    expect(miss({}, '$.constructor')).toBe("$ has no key 'constructor'.");
  });

  it('formats keys that need quoting in brackets', () => {
    expect(formatJsonPath(['sensors', 0, 'value'])).toBe('$.sensors[0].value');
    expect(formatJsonPath(['a.b', "it's", 'back\\slash', ''])).toBe("$['a.b']['it\\'s']['back\\\\slash']['']");
  });
});

const segment: fc.Arbitrary<JsonPathSegment> = fc.oneof(
  fc.string({ maxLength: 8, unit: 'grapheme' }).map((key) => ({ kind: 'key' as const, key })),
  fc.nat({ max: 50 }).map((index) => ({ kind: 'index' as const, index })),
);

// A document holding `leaf` at `segments`, with other keys and items around it.
function documentAt(segments: JsonPathSegment[], leaf: unknown): unknown {
  return segments.reduceRight<unknown>((inner, s) => {
    if (s.kind === 'index') return Array.from({ length: s.index + 1 }, (_, i) => (i === s.index ? inner : { filler: i }));
    return { ...(s.key === 'other' ? {} : { other: 1 }), [s.key]: inner };
  }, leaf);
}

describe('json paths on generated keys', () => {
  it('parse(format(segments)) gives the segments back', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        expect(parseJsonPath(formatJsonPath(segments))).toEqual({ ok: true, segments });
      }),
    );
  });

  it('a formatted path finds the value placed there', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.double({ noNaN: true }), (segments, leaf) => {
        const parsed = parseJsonPath(formatJsonPath(segments));
        if (!parsed.ok) throw new Error(parsed.problem);
        expect(lookupJsonPath(documentAt(segments, leaf), parsed.segments)).toEqual({ found: true, value: leaf });
      }),
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const r = parseJsonPath(`$${text}`);
        if (!r.ok) expect(r.problem).toMatch(/position \d+/);
      }),
    );
  });
});
