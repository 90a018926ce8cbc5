import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allParsed, parseMegabytes, parseWholeNumber, wholeNumber, type ParsedNumber } from './number-text';

const mb = 1024 * 1024;
const packets = { min: 100, max: 10_000_000 };

/** What a parser may give for any text: a whole number within the range, or a sentence saying what to type. */
function expectWholeInRangeOrProblem(parsed: ParsedNumber, min: number, max: number): void {
  if (parsed.ok) {
    expect(Number.isInteger(parsed.value)).toBe(true);
    expect(parsed.value).toBeGreaterThanOrEqual(min);
    expect(parsed.value).toBeLessThanOrEqual(max);
  } else {
    expect(parsed.problem).toMatch(/^[A-Z].*\.$/);
  }
}

describe('parseWholeNumber', () => {
  it('takes digits within the range, with or without grouping commas, around spaces', () => {
    expect(parseWholeNumber(' 42 ', { min: 0, max: 100 })).toEqual({ ok: true, value: 42 });
    expect(parseWholeNumber('10,000', packets)).toEqual({ ok: true, value: 10_000 });
    expect(parseWholeNumber('007', { min: 1, max: 10 })).toEqual({ ok: true, value: 7 });
  });

  it.each([
    ['', /^Enter a whole number from 100 to 10,000,000\.$/],
    ['   ', /^Enter a whole number/],
    ['99', /^Too small: enter a whole number from 100 to 10,000,000\.$/],
    ['-3', /^Too small/],
    ['10000001', /^Too large/],
    ['9'.repeat(400), /^Too large/],
    ['150.5', /^No fractions/],
    ['1e3', /^Use the digits 0-9 only/],
    ['0x10', /^Use the digits 0-9 only/],
    ['Infinity', /^Use the digits 0-9 only/],
    ['1,00', /^Use the digits 0-9 only/],
    ['abc', /^Use the digits 0-9 only/],
    ['+500', /^Use the digits 0-9 only/],
  ])('refuses %j with a message that says what to type', (text, message) => {
    const parsed = parseWholeNumber(text, packets);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(message);
  });

  it('names the unit after the range', () => {
    expect(parseWholeNumber('0', { min: 1, max: 600_000, unit: 'ms' })).toEqual({ ok: false, problem: 'Too small: enter a whole number from 1 to 600,000 ms.' });
  });

  it('for any text, never throws and gives a whole number in range or a message', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1e9 }), (text, min, span) => {
        expectWholeInRangeOrProblem(parseWholeNumber(text, { min, max: min + span }), min, min + span);
      }),
    );
  });

  it('reads back every whole number in range, written plainly or grouped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.boolean(), (n, grouped) => {
        const text = grouped ? n.toLocaleString('en-US') : String(n);
        expect(parseWholeNumber(text, { min: 0, max: Number.MAX_SAFE_INTEGER })).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('refuses every number outside the range, whatever its form', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }).filter((n) => n < 100 || n > 10_000_000 || !Number.isInteger(n)), (n) => {
        expect(parseWholeNumber(String(n), packets).ok).toBe(false);
      }),
    );
  });
});

describe('wholeNumber', () => {
  it('gives the number or null', () => {
    expect(wholeNumber(' 42 ', 0, 100)).toBe(42);
    expect(wholeNumber('1.5', 0, 100)).toBeNull();
    expect(wholeNumber('1e3', 0, 10_000)).toBeNull();
    expect(wholeNumber('101', 0, 100)).toBeNull();
    expect(wholeNumber('', 0, 100)).toBeNull();
  });
});

describe('parseMegabytes', () => {
  const perTopic = { minBytes: 1024, maxBytes: 4096 * mb };

  it('takes fractions of a megabyte and gives whole bytes', () => {
    expect(parseMegabytes('16', perTopic)).toEqual({ ok: true, value: 16 * mb });
    expect(parseMegabytes('0.5', perTopic)).toEqual({ ok: true, value: mb / 2 });
    expect(parseMegabytes('.25 ', perTopic)).toEqual({ ok: true, value: mb / 4 });
    expect(parseMegabytes('0.001', perTopic)).toEqual({ ok: true, value: 1049 });
  });

  it.each([
    ['', /^Enter a size from 0\.001 to 4,096 MB\.$/],
    ['0.0001', /^Too small/],
    ['5000', /^Too large/],
    ['1e3', /^Use digits and a decimal point only/],
    ['-1', /^Use digits and a decimal point only/],
    ['1,5', /^Use digits and a decimal point only/],
    ['1.2.3', /^Use digits and a decimal point only/],
  ])('refuses %j', (text, message) => {
    const parsed = parseMegabytes(text, perTopic);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(message);
  });

  it('for any text, never throws and gives whole bytes in range or a message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.double().map(String), fc.stringMatching(/^[0-9.]{0,12}$/)), (text) => {
        expectWholeInRangeOrProblem(parseMegabytes(text, perTopic), perTopic.minBytes, perTopic.maxBytes);
      }),
    );
  });
});

describe('allParsed', () => {
  it('gives every value when all fields parse, else the problem of each field that failed', () => {
    const range = { min: 1, max: 10 };
    expect(allParsed({ a: parseWholeNumber('1', range), b: parseWholeNumber('10', range) })).toEqual({ ok: true, values: { a: 1, b: 10 } });
    expect(allParsed({ a: parseWholeNumber('1', range), b: parseWholeNumber('11', range), c: parseWholeNumber('x', range) })).toEqual({
      ok: false,
      problems: { b: 'Too large: enter a whole number from 1 to 10.', c: 'Use the digits 0-9 only: enter a whole number from 1 to 10.' },
    });
  });
});
