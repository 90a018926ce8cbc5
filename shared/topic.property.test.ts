// Topic names, filters and matching against the specification's rules (MQTT 3.1.1 and
// 5.0 §4.7), checked on generated topics rather than a handful of examples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterCoversFilter, topicFilterProblem, topicMatchesFilter, topicNameProblem } from './topic';

// Levels without wildcards or NUL; empty levels are legal ("a//b", "/a").
const level = fc.string({ maxLength: 6 }).filter((s) => !/[+#/\u0000]/.test(s));
const topic = fc.array(level, { minLength: 1, maxLength: 6 }).map((l) => l.join('/')).filter((t) => t.length > 0);

describe('topic names (§4.7.1, §4.7.3)', () => {
  it('every non-empty name without wildcards or NUL is valid', () => {
    fc.assert(
      fc.property(topic, (t) => {
        expect(topicNameProblem(t)).toBeNull();
      }),
    );
  });

  it('a name with + or # anywhere is refused', () => {
    fc.assert(
      fc.property(topic, fc.nat(), fc.constantFrom('+', '#'), (t, at, wildcard) => {
        const i = at % (t.length + 1);
        expect(topicNameProblem(t.slice(0, i) + wildcard + t.slice(i))).toMatch(/wildcards/);
      }),
    );
  });

  it('a NUL character is refused in names and filters', () => {
    fc.assert(
      fc.property(topic, fc.nat(), (t, at) => {
        const i = at % (t.length + 1);
        const withNul = `${t.slice(0, i)}\u0000${t.slice(i)}`;
        expect(topicNameProblem(withNul)).toMatch(/null character/);
        expect(topicFilterProblem(withNul)).toMatch(/null character/);
      }),
    );
  });
});

describe('topic filters (§4.7.1.2, §4.7.1.3)', () => {
  const filterLevel = fc.oneof(level, fc.constant('+'));
  const filter = fc
    .tuple(fc.array(filterLevel, { minLength: 1, maxLength: 6 }), fc.boolean())
    .map(([levels, multi]) => (multi ? [...levels, '#'] : levels).join('/'))
    .filter((f) => f.length > 0);

  it('+ as whole levels and # as the whole last level are valid', () => {
    fc.assert(
      fc.property(filter, (f) => {
        expect(topicFilterProblem(f)).toBeNull();
      }),
    );
  });

  it('# before the last level, or sharing a level, is refused; so is + sharing a level', () => {
    fc.assert(
      fc.property(fc.array(level, { minLength: 1, maxLength: 4 }), fc.nat(), (levels, at) => {
        const i = at % levels.length;
        const before = [...levels.slice(0, i), '#', ...levels.slice(i)].join('/');
        expect(topicFilterProblem(before)).not.toBeNull();
        const glued = levels.map((l, k) => (k === i ? `${l}x#` : l)).join('/');
        expect(topicFilterProblem(glued)).not.toBeNull();
        const plus = levels.map((l, k) => (k === i ? `${l}x+` : l)).join('/');
        expect(topicFilterProblem(plus)).not.toBeNull();
      }),
    );
  });
});

describe('matching (§4.7.1, §4.7.2)', () => {
  const plain = topic.filter((t) => !t.startsWith('$'));

  it('a name matches itself as a filter, and nothing that differs in one level', () => {
    fc.assert(
      fc.property(topic, fc.nat(), level, (t, at, other) => {
        expect(topicMatchesFilter(t, t)).toBe(true);
        const levels = t.split('/');
        const i = at % levels.length;
        if (levels[i] === other) return;
        const changed = levels.map((l, k) => (k === i ? other : l)).join('/');
        expect(topicMatchesFilter(changed, t)).toBe(false);
      }),
    );
  });

  it('+ stands for exactly one level, at any position', () => {
    fc.assert(
      fc.property(topic, fc.nat(), (t, at) => {
        const levels = t.split('/');
        const i = at % levels.length;
        const f = levels.map((l, k) => (k === i ? '+' : l)).join('/');
        if (!(i === 0 && t.startsWith('$'))) expect(topicMatchesFilter(f, t)).toBe(true);
        // One level more or fewer does not match.
        expect(topicMatchesFilter(f, `${t}/extra`)).toBe(false);
        if (levels.length > 1) expect(topicMatchesFilter(f, levels.slice(0, -1).join('/'))).toBe(false);
      }),
    );
  });

  it('prefix/# matches the prefix itself and everything below it', () => {
    fc.assert(
      fc.property(plain, fc.nat(), (t, at) => {
        const levels = t.split('/');
        const n = 1 + (at % levels.length);
        const prefix = levels.slice(0, n).join('/');
        expect(topicMatchesFilter(`${prefix}/#`, t)).toBe(true);
        expect(topicMatchesFilter(`${prefix}/#`, prefix)).toBe(true);
      }),
    );
  });

  it('# alone matches every name except those starting with $ (§4.7.2)', () => {
    fc.assert(
      fc.property(topic, (t) => {
        expect(topicMatchesFilter('#', t)).toBe(!t.startsWith('$'));
        expect(topicMatchesFilter(`+/${t}`, `$SYS/${t}`)).toBe(false);
        expect(topicMatchesFilter(`$SYS/${t}`, `$SYS/${t}`)).toBe(true);
      }),
    );
  });
});

describe('one filter covering another (the ACL test for SUBSCRIBE)', () => {
  // Small alphabets so that generated filters and topics often overlap.
  const smallLevel = fc.constantFrom('a', 'b', '', '$x');
  const anyFilter = fc
    .tuple(fc.array(fc.oneof(smallLevel, fc.constant('+')), { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([levels, hash]) => (hash ? [...levels, '#'] : levels).join('/'));
  const anyTopic = fc.array(smallLevel, { minLength: 1, maxLength: 5 }).map((l) => l.join('/'));

  it('when a pattern covers a filter, every topic the filter matches, the pattern matches', () => {
    fc.assert(
      fc.property(anyFilter, anyFilter, anyTopic, (pattern, filter, t) => {
        if (filterCoversFilter(pattern, filter) && topicMatchesFilter(filter, t)) expect(topicMatchesFilter(pattern, t)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('when a pattern does not cover a filter, some topic matches the filter and not the pattern', () => {
    // The witness: the filter with each + replaced by a level the pattern may not expect, # by one or no level.
    fc.assert(
      fc.property(anyFilter, anyFilter, (pattern, filter) => {
        if (filterCoversFilter(pattern, filter)) return;
        const witnesses = ['a', 'zz', '$x'].flatMap((fill) => {
          const base = filter.split('/');
          const hash = base[base.length - 1] === '#';
          const levels = (hash ? base.slice(0, -1) : base).map((l) => (l === '+' ? fill : l));
          return hash ? [levels, [...levels, fill], [...levels, fill, fill]].filter((l) => l.length > 0).map((l) => l.join('/')) : [levels.join('/')];
        });
        expect(witnesses.some((t) => topicMatchesFilter(filter, t) && !topicMatchesFilter(pattern, t))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('a filter covers itself, and # covers everything but $ topics', () => {
    fc.assert(
      fc.property(anyFilter, (f) => {
        expect(filterCoversFilter(f, f)).toBe(true);
        expect(filterCoversFilter('#', f)).toBe(!f.startsWith('$'));
      }),
    );
  });
});
