import { describe, expect, it } from 'vitest';
import { isAllowedHost, isSameOrigin } from './origin-check';

describe('isAllowedHost', () => {
  it('answers a loopback-bound host only under loopback names and its own port (DNS rebinding)', () => {
    expect(isAllowedHost('127.0.0.1:8717', '127.0.0.1', 8717)).toBe(true);
    expect(isAllowedHost('localhost:8717', '127.0.0.1', 8717)).toBe(true);
    expect(isAllowedHost('[::1]:8717', '::1', 8717)).toBe(true);
    expect(isAllowedHost('evil.example:8717', '127.0.0.1', 8717)).toBe(false);
    expect(isAllowedHost('127.0.0.1:9999', '127.0.0.1', 8717)).toBe(false);
    expect(isAllowedHost(undefined, '127.0.0.1', 8717)).toBe(false);
  });

  it('leaves network-bound hosts to the token, since their names are unknown', () => {
    expect(isAllowedHost('scope.lan:8717', '0.0.0.0', 8717)).toBe(true);
  });
});

describe('isSameOrigin', () => {
  it('requires the Origin of a page served by this host', () => {
    expect(isSameOrigin('http://127.0.0.1:8717', '127.0.0.1:8717')).toBe(true);
    expect(isSameOrigin('http://evil.example', '127.0.0.1:8717')).toBe(false);
    expect(isSameOrigin('https://127.0.0.1:8717', '127.0.0.1:8717')).toBe(false);
    expect(isSameOrigin(undefined, '127.0.0.1:8717')).toBe(false);
    expect(isSameOrigin('null', '127.0.0.1:8717')).toBe(false);
  });
});
