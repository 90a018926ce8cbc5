import { describe, expect, it } from 'vitest';
import { base64Size, shownText, trimCutCharacter } from './payload-shown';

describe('payload-shown', () => {
  it('says how much is shown of how much', () => {
    expect(shownText(1024 * 1024, 212.4 * 1024 * 1024)).toBe('Showing 1 MB of 212 MB');
    expect(shownText(1024 * 1024, 20 * 1024 * 1024)).toBe('Showing 1 MB of 20 MB');
  });

  it('sizes base64 text', () => {
    expect(base64Size('')).toBe(0);
    expect(base64Size('YQ==')).toBe(1);
    expect(base64Size('YWI=')).toBe(2);
    expect(base64Size('YWJj')).toBe(3);
  });

  it('drops the half of a character a cut leaves, and nothing else', () => {
    const euro = new TextEncoder().encode('a€'); // 61 e2 82 ac
    expect(Array.from(trimCutCharacter(euro.subarray(0, 3)))).toEqual([0x61]);
    expect(Array.from(trimCutCharacter(euro))).toEqual(Array.from(euro));
    expect(Array.from(trimCutCharacter(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff])))).toHaveLength(5);
  });
});
