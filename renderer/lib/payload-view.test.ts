import { describe, expect, it } from 'vitest';
import { base64ToBytes, decodePayload, defaultView, displayLimit, renderPayload, viewEnabled } from './payload-view';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('base64ToBytes', () => {
  it('decodes to the original bytes', () => {
    expect([...base64ToBytes('AAH/gA==')]).toEqual([0, 1, 255, 128]);
    expect(base64ToBytes('').length).toBe(0);
  });
});

describe('decodePayload / defaultView', () => {
  it('defaults to JSON when it parses', () => {
    const d = decodePayload(utf8('{"t":21.5}'));
    expect(d.format).toBe('json');
    expect(defaultView(d.format)).toBe('json');
    expect(viewEnabled(d, 'json')).toBe(true);
  });

  it('defaults to Text for UTF-8 that is not JSON, and disables JSON', () => {
    const d = decodePayload(utf8('ON'));
    expect(defaultView(d.format)).toBe('text');
    expect(viewEnabled(d, 'json')).toBe(false);
  });

  it('defaults to Hex for binary', () => {
    const d = decodePayload(new Uint8Array([0, 1, 2, 0xff]));
    expect(defaultView(d.format)).toBe('hex');
  });
});

describe('renderPayload', () => {
  it('pretty-prints JSON', () => {
    expect(renderPayload(decodePayload(utf8('{"a":1}')), 'json', false).body).toBe('{\n  "a": 1\n}');
  });

  it('shows binary as text with a note when asked', () => {
    const r = renderPayload(decodePayload(new Uint8Array([0x41, 0xff])), 'text', false);
    expect(r.body).toBe('A\uFFFD');
    expect(r.note).toMatch(/Not valid UTF-8/);
  });

  it('renders a hex dump', () => {
    expect(renderPayload(decodePayload(utf8('AB')), 'hex', false).body).toBe(`00000000  ${'41 42'.padEnd(47)}  AB`);
  });

  it('cuts at the display limit and says so, unless asked for all', () => {
    const big = new Uint8Array(displayLimit + 10).fill(0x61);
    const d = decodePayload(big);
    const cut = renderPayload(d, 'text', false);
    expect(cut.body.length).toBe(displayLimit);
    expect(cut.cut).toEqual({ shown: displayLimit, total: displayLimit + 10 });
    const all = renderPayload(d, 'text', true);
    expect(all.body.length).toBe(displayLimit + 10);
    expect(all.cut).toBeNull();
  });

  it('does not leave half a character at the cut', () => {
    const bytes = new Uint8Array(displayLimit + 2);
    bytes.fill(0x61);
    bytes.set(utf8('é'), displayLimit - 1); // two bytes straddling the limit
    const r = renderPayload(decodePayload(bytes), 'text', false);
    expect(r.body.endsWith('a')).toBe(true);
    expect(r.body.includes('\uFFFD')).toBe(false);
  });

  it('cuts hex by bytes', () => {
    const d = decodePayload(new Uint8Array(displayLimit + 1));
    expect(renderPayload(d, 'hex', false).cut).toEqual({ shown: displayLimit, total: displayLimit + 1 });
  });
});
