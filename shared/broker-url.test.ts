import { describe, expect, it } from 'vitest';
import { displayBrokerUrl, parseBrokerUrl } from './broker-url';

describe('parseBrokerUrl', () => {
  it('parses host, port, credentials and default ports', () => {
    expect(parseBrokerUrl('mqtt://user:p%40ss@broker.local:1884')).toEqual({
      ok: true,
      address: { protocol: 'mqtt', host: 'broker.local', port: 1884, path: '', username: 'user', password: 'p@ss' },
    });
    const tls = parseBrokerUrl('mqtts://example.com');
    expect(tls.ok && tls.address.port).toBe(8883);
    const ws = parseBrokerUrl('ws://127.0.0.1:9001');
    expect(ws.ok && [ws.address.port, ws.address.path]).toEqual([9001, '/mqtt']);
    const wss = parseBrokerUrl('wss://h/custom');
    expect(wss.ok && [wss.address.port, wss.address.path]).toEqual([443, '/custom']);
    const v6 = parseBrokerUrl('mqtt://[::1]:1883');
    expect(v6.ok && v6.address.host).toBe('::1');
  });

  it.each([
    ['', /Enter a broker URL/],
    ['localhost:1883', /no scheme/],
    ['http://x', /Unsupported scheme 'http/],
    ['mqtt://', /not a valid URL|no host/],
    ['mqtt://host:70000', /Port 70000 is out of range/],
  ])('explains what is wrong with %j', (input, message) => {
    const r = parseBrokerUrl(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(message);
  });

  it('never shows the password', () => {
    const r = parseBrokerUrl('mqtt://alice:secret@h:1');
    expect(r.ok && displayBrokerUrl(r.address)).toBe('mqtt://alice@h:1');
  });
});
