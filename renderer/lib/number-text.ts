// Numbers as the user types them. The form keeps the text as typed; these say whether
// it is a number the field takes and, when it is not, what to type instead. Only plain
// digits count: Number() would also take '1e3', '0x10', ' ' and 'Infinity', which no
// one means as a count of packets.
import { formatCount } from './format-number';

export type ParsedNumber = { ok: true; value: number } | { ok: false; problem: string };

export interface NumberRange {
  min: number;
  max: number;
  /** Said after the range: 'ms' gives "from 1 to 600,000 ms". */
  unit?: string;
}

// Digits, optionally grouped by commas as the messages print them ("10,000").
const digits = /^\d+$|^\d{1,3}(,\d{3})+$/;
const signedDecimal = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function rangeText({ min, max, unit }: NumberRange, format: (n: number) => string = formatCount): string {
  return `from ${format(min)} to ${format(max)}${unit ? ` ${unit}` : ''}`;
}

export function parseWholeNumber(text: string, range: NumberRange): ParsedNumber {
  const t = text.trim();
  const wanted = `a whole number ${rangeText(range)}`;
  if (t === '') return { ok: false, problem: `Enter ${wanted}.` };
  if (digits.test(t)) return inRange(Number(t.replace(/,/g, '')), range, wanted);
  // '-3', '1.5', '+7': a number, but not one to take as it is.
  if (signedDecimal.test(t)) {
    const outside = inRange(Number(t), range, wanted);
    if (!outside.ok) return outside;
    if (!Number.isInteger(Number(t))) return { ok: false, problem: `No fractions: enter ${wanted}.` };
  }
  return { ok: false, problem: `Use the digits 0-9 only: enter ${wanted}.` };
}

/** A whole number within limits, or null: for callers with a message of their own. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  const parsed = parseWholeNumber(text, { min, max });
  return parsed.ok ? parsed.value : null;
}

/** A size in megabytes, fractions allowed ('0.5'), as whole bytes within limits. */
export function parseMegabytes(text: string, range: { minBytes: number; maxBytes: number }): ParsedNumber {
  const t = text.trim();
  const mb = 1024 * 1024;
  const wanted = `a size ${rangeText({ min: range.minBytes / mb, max: range.maxBytes / mb, unit: 'MB' }, megabytes)}`;
  if (t === '') return { ok: false, problem: `Enter ${wanted}.` };
  // A sign is the only thing signedDecimal allows beyond an unsigned decimal.
  if (!signedDecimal.test(t) || /^[+-]/.test(t)) return { ok: false, problem: `Use digits and a decimal point only: enter ${wanted}.` };
  return inRange(Math.round(Number(t) * mb), { min: range.minBytes, max: range.maxBytes }, wanted);
}

/** Several fields at once: all their values, or the problem of each field that has one. */
export function allParsed<T extends Partial<Record<string, ParsedNumber>>>(parsed: T): { ok: true; values: { [K in keyof T]: number } } | { ok: false; problems: Record<string, string> } {
  const values: Record<string, number> = {};
  const problems: Record<string, string> = {};
  for (const [key, field] of Object.entries(parsed)) {
    if (field?.ok) values[key] = field.value;
    else if (field) problems[key] = field.problem;
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, values: values as { [K in keyof T]: number } };
}

function inRange(n: number, range: Pick<NumberRange, 'min' | 'max'>, wanted: string): ParsedNumber {
  if (n < range.min) return { ok: false, problem: `Too small: enter ${wanted}.` };
  if (n > range.max) return { ok: false, problem: `Too large: enter ${wanted}.` };
  return { ok: true, value: n };
}

// 1/1024 MB reads "0.001" rather than "0".
function megabytes(n: number): string {
  return n >= 1 ? formatCount(n) : String(Math.round(n * 1000) / 1000);
}
