import { describe, expect, it } from 'vitest';
import { directionText, formatGap, formatLogDelta, formatWait, isFailureCode, reasonWords } from './capture-format';

describe('formatLogDelta', () => {
  it('always shows milliseconds with three decimals', () => {
    expect(formatLogDelta(0.4123)).toBe('+0.412 ms');
    expect(formatLogDelta(1234.5)).toBe('+1,234.500 ms');
    expect(formatLogDelta(null)).toBe('');
  });
});

describe('formatGap', () => {
  it('uses three decimals under 10 ms, one under a second, seconds above', () => {
    expect(formatGap(0.0815)).toBe('0.082 ms');
    expect(formatGap(9.9994)).toBe('9.999 ms');
    expect(formatGap(12.34)).toBe('12.3 ms');
    expect(formatGap(2500)).toBe('2.500 s');
  });

  it('never shows a negative time', () => {
    expect(formatGap(-0.001)).toBe('0.000 ms');
  });
});

describe('formatWait', () => {
  it('reads as seconds, then minutes', () => {
    expect(formatWait(12_900)).toBe('12 s');
    expect(formatWait(185_000)).toBe('3 min 5 s');
  });
});

describe('reasonWords', () => {
  it('reads a 3.1.1 CONNACK return code', () => {
    expect(reasonWords('CONNACK', 0, 4)).toBe('Connection accepted (0x00)');
    expect(reasonWords('CONNACK', 5, 4)).toBe('Connection refused: not authorised (0x05)');
  });

  it('reads 5.0 reason codes and SUBACK grants', () => {
    expect(reasonWords('PUBACK', 0x10, 5)).toBe('No matching subscribers (0x10)');
    expect(reasonWords('SUBACK', 1, 4)).toBe('Granted QoS 1');
    expect(reasonWords('PUBACK', null, 4)).toBe('');
  });

  it('tells failures apart', () => {
    expect(isFailureCode('CONNACK', 0, 4)).toBe(false);
    expect(isFailureCode('CONNACK', 4, 4)).toBe(true);
    expect(isFailureCode('PUBREC', 0x87, 5)).toBe(true);
    expect(isFailureCode('SUBACK', 0x80, 4)).toBe(true);
  });
});

describe('directionText', () => {
  it('names both ends', () => {
    expect(directionText(true)).toBe('client → broker');
    expect(directionText(false)).toBe('broker → client');
  });
});
