import { describe, expect, it } from 'vitest';
import { topicFilterProblem, topicMatchesFilter, topicNameProblem } from './topic';

describe('topicNameProblem', () => {
  it.each(['a', 'a/b', '/a', 'a//b', 'sensors/lab/temp', '$SYS/broker/uptime', 'ünïcode/😀'])('accepts %s', (t) => {
    expect(topicNameProblem(t)).toBeNull();
  });
  it('rejects empty topics, wildcards and null characters with a reason', () => {
    expect(topicNameProblem('')).toMatch(/empty/);
    expect(topicNameProblem('a/+/b')).toMatch(/wildcards/);
    expect(topicNameProblem('a/#')).toMatch(/wildcards/);
    expect(topicNameProblem('a\u0000b')).toMatch(/null character/);
    expect(topicNameProblem('x'.repeat(65536))).toMatch(/65,535 bytes/);
  });
});

describe('topicFilterProblem', () => {
  it.each(['#', '+', 'a/#', 'a/+/b', '+/+', '/#', 'a/b'])('accepts %s', (f) => {
    expect(topicFilterProblem(f)).toBeNull();
  });
  it.each([
    ['a/#/b', /last level/],
    ['a/b#', /whole level/],
    ['a+/b', /whole level/],
    ['', /empty/],
  ])('rejects %s', (f, message) => {
    expect(topicFilterProblem(f)).toMatch(message);
  });
});

describe('topicMatchesFilter', () => {
  it.each([
    ['#', 'a/b/c', true],
    ['a/#', 'a', true],
    ['a/#', 'a/b/c', true],
    ['a/+', 'a/b', true],
    ['a/+', 'a/b/c', false],
    ['+/+', '/a', true],
    ['a/b', 'a/b', true],
    ['a/b', 'a/c', false],
    ['#', '$SYS/x', false],
    ['+/x', '$SYS/x', false],
    ['$SYS/#', '$SYS/x', true],
  ])('%s matches %s: %s', (filter, topic, expected) => {
    expect(topicMatchesFilter(filter, topic)).toBe(expected);
  });
});
