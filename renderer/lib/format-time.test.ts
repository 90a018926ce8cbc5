import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime } from './format-time';

describe('formatClock', () => {
  it('pads every part, milliseconds to three digits', () => {
    expect(formatClock(new Date(2024, 0, 2, 3, 4, 5, 6).getTime())).toBe('03:04:05.006');
  });

  it('shows the last millisecond of the day', () => {
    expect(formatClock(new Date(2024, 11, 31, 23, 59, 59, 999).getTime())).toBe('23:59:59.999');
  });
});

describe('formatDateTime', () => {
  it('puts the local date in front', () => {
    expect(formatDateTime(new Date(2024, 8, 7, 10, 20, 30, 400).getTime())).toBe('2024-09-07 10:20:30.400');
  });
});
