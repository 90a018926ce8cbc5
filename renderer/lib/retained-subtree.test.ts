import { describe, expect, it } from 'vitest';
import { filterCovers, subtreeFilters } from './retained-subtree';

describe('subtree filters of a topic', () => {
  it('lists the topic’s own subtree first, then each parent level', () => {
    expect(subtreeFilters('site/berlin/dev-1/status')).toEqual(['site/berlin/dev-1/status/#', 'site/berlin/dev-1/#', 'site/berlin/#', 'site/#']);
    expect(subtreeFilters('single')).toEqual(['single/#']);
  });

  it('keeps empty levels as MQTT does', () => {
    expect(subtreeFilters('/a')).toEqual(['/a/#', '/#']);
  });
});

describe('whether a filter covers another', () => {
  it('# covers everything but $-topics', () => {
    expect(filterCovers('#', 'a/b/#')).toBe(true);
    expect(filterCovers('#', 'a')).toBe(true);
    expect(filterCovers('#', '$SYS/#')).toBe(false);
    expect(filterCovers('+/#', '$SYS/broker')).toBe(false);
    expect(filterCovers('$SYS/#', '$SYS/broker/uptime')).toBe(true);
  });

  it('a/# covers a itself and everything below, nothing beside', () => {
    expect(filterCovers('a/#', 'a')).toBe(true);
    expect(filterCovers('a/#', 'a/#')).toBe(true);
    expect(filterCovers('a/#', 'a/b/+/c')).toBe(true);
    expect(filterCovers('a/#', 'ab/#')).toBe(false);
    expect(filterCovers('a/#', '#')).toBe(false);
  });

  it('+ covers one level of any name, not a deeper #', () => {
    expect(filterCovers('a/+/c', 'a/b/c')).toBe(true);
    expect(filterCovers('a/+/c', 'a/+/c')).toBe(true);
    expect(filterCovers('a/+', 'a/b/#')).toBe(false);
    expect(filterCovers('a/+', 'a/b/c')).toBe(false);
    expect(filterCovers('a/b', 'a/+')).toBe(false);
  });

  it('plain topics cover only themselves', () => {
    expect(filterCovers('a/b', 'a/b')).toBe(true);
    expect(filterCovers('a/b', 'a/b/c')).toBe(false);
    expect(filterCovers('a/b/c', 'a/b')).toBe(false);
  });
});
