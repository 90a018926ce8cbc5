import { describe, expect, it } from 'vitest';
import { checkPayload, convertPayload, utf8Text } from './publish-payload-text';

describe('convertPayload', () => {
  it('shows the same bytes in the new format, so a switch never changes what is sent', () => {
    expect(convertPayload('hi é', 'text', 'hex')).toEqual({ ok: true, text: '68 69 20 c3 a9' });
    expect(convertPayload('68 69 20 c3 a9', 'hex', 'text')).toEqual({ ok: true, text: 'hi é' });
    expect(convertPayload('hi', 'text', 'base64')).toEqual({ ok: true, text: 'aGk=' });
    expect(convertPayload('aGk=', 'base64', 'hex')).toEqual({ ok: true, text: '68 69' });
    expect(convertPayload('de ad', 'hex', 'base64')).toEqual({ ok: true, text: '3q0=' });
  });

  it('keeps the characters between Text and JSON', () => {
    expect(convertPayload('{"a": 1}', 'text', 'json')).toEqual({ ok: true, text: '{"a": 1}' });
    expect(convertPayload('not json', 'json', 'text')).toEqual({ ok: true, text: 'not json' });
  });

  it('leaves text that is invalid in its old format as typed: there are no bytes to keep', () => {
    expect(convertPayload('abc', 'hex', 'base64')).toEqual({ ok: true, text: 'abc' });
    expect(convertPayload('', 'text', 'hex')).toEqual({ ok: true, text: '' });
  });

  it('refuses to show bytes that are not UTF-8 as text', () => {
    const r = convertPayload('ff fe', 'hex', 'text');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toContain('2 bytes are not UTF-8 text');
    expect(convertPayload('/w==', 'base64', 'json')).toMatchObject({ ok: false });
  });
});

describe('checkPayload', () => {
  it('counts the bytes as the core will send them', () => {
    expect(checkPayload('é', 'text')).toMatchObject({ ok: true, size: 2 });
    expect(checkPayload('00 01 02', 'hex')).toMatchObject({ ok: true, size: 3 });
    expect(checkPayload('{', 'json')).toMatchObject({ ok: false });
  });
});

describe('utf8Text', () => {
  it('decodes strictly', () => {
    expect(utf8Text(new Uint8Array([0x68, 0x69]))).toBe('hi');
    expect(utf8Text(new Uint8Array([0xff]))).toBeNull();
  });
});
