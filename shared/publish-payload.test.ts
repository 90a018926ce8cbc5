import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64, encodePublishPayload, isJsonText } from './publish-payload';

const bytesOf = (r: ReturnType<typeof encodePublishPayload>) => {
  if (!r.ok) throw new Error(r.problem);
  return [...r.bytes];
};

describe('encodePublishPayload', () => {
  it('text is UTF-8', () => {
    expect(bytesOf(encodePublishPayload('é', 'text'))).toEqual([0xc3, 0xa9]);
    expect(bytesOf(encodePublishPayload('', 'text'))).toEqual([]);
  });

  it('JSON goes on the wire as written, and invalid JSON is refused with the parser’s reason', () => {
    expect(bytesOf(encodePublishPayload('{ "a" : 1 }', 'json'))).toEqual([...new TextEncoder().encode('{ "a" : 1 }')]);
    const bad = encodePublishPayload('{"a":', 'json');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problem).toMatch(/^The payload is not valid JSON: /);
    const empty = encodePublishPayload('  ', 'json');
    expect(!empty.ok && empty.problem).toMatch(/empty/);
  });

  it('hex accepts spaces and either case, and refuses odd lengths and non-digits', () => {
    expect(bytesOf(encodePublishPayload('00 ff\n1A', 'hex'))).toEqual([0, 255, 26]);
    const odd = encodePublishPayload('abc', 'hex');
    expect(!odd.ok && odd.problem).toBe('The hex payload has an odd number of digits (3); every byte needs two.');
    const letter = encodePublishPayload('0g', 'hex');
    expect(!letter.ok && letter.problem).toMatch(/^'g' is not a hex digit/);
  });

  it('base64 round-trips every byte value, and malformed base64 is refused', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const text = encodeBase64(all);
    expect([...decodeBase64(text)]).toEqual([...all]);
    expect(bytesOf(encodePublishPayload(text, 'base64'))).toEqual([...all]);
    for (const bad of ['abc', 'YQ=', '!!!!', 'YQ==YQ==']) expect(encodePublishPayload(bad, 'base64').ok).toBe(false);
  });

  it('encodeBase64 handles payloads larger than one slice', () => {
    const big = new Uint8Array(100_000).map((_, i) => i * 7);
    expect([...decodeBase64(encodeBase64(big))]).toEqual([...big]);
  });
});

describe('isJsonText', () => {
  it('tells JSON from not', () => {
    expect(isJsonText('{"a":[1,2]}')).toBe(true);
    expect(isJsonText('12345678901234567890')).toBe(true);
    expect(isJsonText('{')).toBe(false);
  });
});
