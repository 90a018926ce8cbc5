import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, plural } from './format-number';

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(3410)).toBe('3,410');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect(plural(1, 'msg', 'msgs')).toBe('1 msg');
    expect(plural(0, 'msg', 'msgs')).toBe('0 msgs');
    expect(plural(3410, 'msg', 'msgs')).toBe('3,410 msgs');
  });
});

describe('formatBytes', () => {
  it('shows bytes below 1 KB exactly', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(1023)).toBe('1,023 B');
  });

  it('keeps one decimal below 10 and drops it above', () => {
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(3482)).toBe('3.4 KB');
    expect(formatBytes(150 * 1024)).toBe('150 KB');
    expect(formatBytes(16 * 1024 * 1024)).toBe('16 MB');
    expect(formatBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
    expect(formatBytes(4 * 1024 ** 3)).toBe('4 GB');
  });

  it('moves to the next unit instead of printing 1024', () => {
    expect(formatBytes(1024 * 1024 - 100)).toBe('1 MB');
  });
});
