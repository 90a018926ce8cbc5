import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coveringFilters } from './covering-filters';
import { topicMatchesFilter } from './topic';

describe('coveringFilters', () => {
  it('one topic is its own filter; siblings share their parent with #', () => {
    expect(coveringFilters(['a/b/c'])).toEqual(['a/b/c']);
    expect(coveringFilters(['a/b/c', 'a/b/d', 'a/b'])).toEqual(['a/b/#']);
    expect(coveringFilters(['a/x', 'b/y', 'b/z/1'])).toEqual(['a/x', 'b/#']);
    expect(coveringFilters(['$SYS/a', '$SYS/b'])).toEqual(['$SYS/#']);
  });

  it('every topic is matched by one of the filters, and each filter stays under its first level', () => {
    const level = fc.stringMatching(/^[a-c$]{0,2}$/);
    const topic = fc.array(level, { minLength: 1, maxLength: 4 }).map((l) => l.join('/')).filter((t) => t.length > 0);
    fc.assert(
      fc.property(fc.array(topic, { minLength: 1, maxLength: 30 }), (topics) => {
        const filters = coveringFilters(topics);
        for (const t of topics) expect(filters.some((f) => topicMatchesFilter(f, t))).toBe(true);
        expect(filters.length).toBeLessThanOrEqual(new Set(topics.map((t) => t.split('/')[0])).size);
      }),
    );
  });
});
