import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lengthProblem, mqttTextProblem } from './text-checks';

describe('mqttTextProblem', () => {
  it('takes any text MQTT can carry, empty and non-ASCII included', () => {
    for (const text of ['', 'sensor-1', 'Zählerstand 🌡', ' ', 'a\tb']) expect(mqttTextProblem(text, 'The client id')).toBeNull();
  });

  it.each([
    ['x\u0000y', 'The client id contains a null character (U+0000), which MQTT forbids.'],
    ['a\uD83C', 'The client id contains half of a character (a lone UTF-16 surrogate), which has no UTF-8 form.'],
    ['\uDF21b', 'The client id contains half of a character (a lone UTF-16 surrogate), which has no UTF-8 form.'],
    ['é'.repeat(32_768), 'The client id is longer than 65,535 bytes, the most MQTT can carry.'],
  ])('refuses %j', (text, message) => {
    expect(mqttTextProblem(text, 'The client id')).toBe(message);
  });

  it('for any text, never throws, and passes exactly what encodes to the same text within 65,535 bytes without U+0000', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) })), (text) => {
        const bytes = new TextEncoder().encode(text);
        const faithful = new TextDecoder().decode(bytes) === text;
        const fine = faithful && !text.includes('\u0000') && bytes.length <= 65_535;
        expect(mqttTextProblem(text, 'It') === null).toBe(fine);
      }),
    );
  });
});

describe('lengthProblem', () => {
  it('says the limit and how long the text is', () => {
    expect(lengthProblem('a'.repeat(200), 200, 'The name')).toBeNull();
    expect(lengthProblem('a'.repeat(1201), 200, 'The name')).toBe('The name is longer than 200 characters (it has 1,201).');
  });
});
