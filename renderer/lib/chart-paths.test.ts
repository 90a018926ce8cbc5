import { describe, expect, it } from 'vitest';
import { chartSuggestion, numericPaths } from './chart-paths';

describe('chartSuggestion', () => {
  it('plots a numeric payload as it is', () => {
    expect(chartSuggestion(' 21.5\n')).toEqual({ kind: 'number' });
    expect(chartSuggestion('-1e3')).toEqual({ kind: 'number' });
  });

  it('suggests the JSON paths that hold numbers', () => {
    expect(chartSuggestion(JSON.stringify({ id: 'x', temp: 20, ok: true, sensors: [{ value: 1, name: 'a' }], 'odd key': '3.5' }))).toEqual({
      kind: 'paths',
      paths: ['$.temp', '$.sensors[0].value', "$['odd key']"],
    });
  });

  it('suggests nothing for text or JSON without numbers', () => {
    expect(chartSuggestion('online')).toEqual({ kind: 'none' });
    expect(chartSuggestion('{"a":"b"}')).toEqual({ kind: 'none' });
  });

  it('stops at 50 paths', () => {
    expect(numericPaths(Array.from({ length: 80 }, (_, i) => i))).toHaveLength(50);
  });
});
