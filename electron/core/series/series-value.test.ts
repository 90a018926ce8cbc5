// What a message gives a series: the number, or the reason it gives none.
import { describe, expect, it } from 'vitest';
import { parseJsonPath } from '../../../shared/json-path';
import { seriesValue } from './series-value';

const bytes = (text: string) => new TextEncoder().encode(text);
const path = (text: string) => {
  const p = parseJsonPath(text);
  if (!p.ok) throw new Error(p.problem);
  return p.segments;
};

describe('seriesValue', () => {
  it('reads a payload that is a number, spaces around it allowed', () => {
    expect(seriesValue(bytes('21.5'), null)).toEqual({ ok: true, value: 21.5 });
    expect(seriesValue(bytes(' -3e2\n'), null)).toEqual({ ok: true, value: -300 });
    expect(seriesValue(bytes('.5'), null)).toEqual({ ok: true, value: 0.5 });
  });

  it('refuses text that only starts like a number, hex, Infinity and overflow', () => {
    expect(seriesValue(bytes('21.5 C'), null)).toEqual({ ok: false, reason: '"21.5 C" is not a number' });
    expect(seriesValue(bytes('0x10'), null)).toEqual({ ok: false, reason: '"0x10" is not a number' });
    expect(seriesValue(bytes('Infinity'), null)).toEqual({ ok: false, reason: '"Infinity" is not a number' });
    expect(seriesValue(bytes('1e999'), null)).toEqual({ ok: false, reason: '"1e999" is out of range' });
    expect(seriesValue(bytes(''), null)).toEqual({ ok: false, reason: '"" is not a number' });
  });

  it('says a binary payload is binary', () => {
    expect(seriesValue(new Uint8Array([0, 1, 2]), null)).toEqual({ ok: false, reason: 'a binary payload of 3 bytes' });
  });

  it('reads a number or a numeric string at a JSON path, and says why anything else is skipped', () => {
    const doc = bytes(JSON.stringify({ t: 20, s: ' 21 ', b: true, n: null, o: { x: 1 } }));
    expect(seriesValue(doc, path('$.t'))).toEqual({ ok: true, value: 20 });
    expect(seriesValue(doc, path('$.s'))).toEqual({ ok: true, value: 21 });
    expect(seriesValue(doc, path('$.b'))).toEqual({ ok: false, reason: 'true is not a number' });
    expect(seriesValue(doc, path('$.n'))).toEqual({ ok: false, reason: 'null is not a number' });
    expect(seriesValue(doc, path('$.o'))).toEqual({ ok: false, reason: '{"x":1} is not a number' });
    expect(seriesValue(doc, path('$.missing'))).toEqual({ ok: false, reason: "$ has no key 'missing'." });
    expect(seriesValue(bytes(`{"broken": ${'x'.repeat(60)}`), path('$.t'))).toEqual({ ok: false, reason: `not JSON: "{\\"broken\\": ${'x'.repeat(29)}…"` });
  });
});
