import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { createToken, readCookies, TokenGuard, tokenCookieName, tokensEqual } from './token-guard';

function request(url: string, cookie?: string): IncomingMessage {
  return { url, headers: cookie ? { cookie } : {} } as IncomingMessage;
}

describe('createToken', () => {
  it('makes distinct URL-safe tokens of at least 128 bits', () => {
    const a = createToken();
    const b = createToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(a, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });
});

describe('tokensEqual', () => {
  it('accepts only the exact token, whatever the lengths', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abd')).toBe(false);
    expect(tokensEqual('abc', 'abcd')).toBe(false);
    expect(tokensEqual('abc', '')).toBe(false);
    expect(tokensEqual('abc', null)).toBe(false);
    expect(tokensEqual('abc', undefined)).toBe(false);
  });

  it('compares in constant time: equal-length digests through crypto.timingSafeEqual, whatever was sent', () => {
    const compare = vi.spyOn(crypto, 'timingSafeEqual');
    try {
      for (const given of ['abc', 'abd', 'a', 'x'.repeat(1000)]) tokensEqual('abc', given);
      expect(compare).toHaveBeenCalledTimes(4);
      for (const [a, b] of compare.mock.calls) expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
    } finally {
      compare.mockRestore();
    }
  });
});

describe('readCookies', () => {
  it('finds every value of one cookie name', () => {
    expect(readCookies('a=1; b=2;a=3', 'a')).toEqual(['1', '3']);
    expect(readCookies('ab=1', 'a')).toEqual([]);
    expect(readCookies(undefined, 'a')).toEqual([]);
  });
});

describe('TokenGuard', () => {
  const token = createToken();
  const guard = new TokenGuard(token, 8717);
  const cookie = tokenCookieName(8717);

  it('refuses a request with no token', () => {
    expect(guard.check(request('/'))).toEqual({ allowed: false, setCookie: null });
  });

  it('refuses a wrong token in the URL or the cookie', () => {
    expect(guard.check(request(`/?token=${token}x`)).allowed).toBe(false);
    expect(guard.check(request('/', `${cookie}=${token.slice(1)}`)).allowed).toBe(false);
    // A token cookie of another instance (another port) does not count.
    expect(guard.check(request('/', `${tokenCookieName(9000)}=${token}`)).allowed).toBe(false);
  });

  it('accepts the URL token and answers with a strict, HttpOnly cookie', () => {
    const check = guard.check(request(`/index.html?x=1&token=${token}`));
    expect(check.allowed).toBe(true);
    expect(check.setCookie).toBe(`${cookie}=${token}; Path=/; HttpOnly; SameSite=Strict`);
  });

  it('accepts the cookie alone, as asset requests and the WebSocket send it', () => {
    expect(guard.check(request('/assets/app.js', `other=1; ${cookie}=${token}`))).toEqual({ allowed: true, setCookie: null });
  });
});
