import { describe, expect, it } from 'vitest';
import { prettyJson } from './pretty-json';

describe('prettyJson', () => {
  it('indents like JSON.stringify for ordinary documents', () => {
    const doc = { a: 1, b: [true, null, 'x'], c: { d: {} }, e: [] };
    expect(prettyJson(JSON.stringify(doc))).toBe(JSON.stringify(doc, null, 2));
  });

  it('keeps number literals exactly as sent', () => {
    expect(prettyJson('{"id":12345678901234567890,"t":21.50}')).toBe('{\n  "id": 12345678901234567890,\n  "t": 21.50\n}');
  });

  it('leaves strings alone, including escaped quotes and structural characters', () => {
    expect(prettyJson('["a\\"b,{c}:", "x y"]')).toBe('[\n  "a\\"b,{c}:",\n  "x y"\n]');
  });

  it('drops the original whitespace', () => {
    expect(prettyJson(' {\n\t"a" :  [ 1 ,2 ] } ')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
  });

  it('handles scalars', () => {
    expect(prettyJson('42')).toBe('42');
    expect(prettyJson('"s"')).toBe('"s"');
  });
});
