// Web mode's access control: every HTTP request and every WebSocket upgrade must carry
// the random token, either in the URL (the first page load) or in the cookie that
// load sets (so the page's own asset requests and the WebSocket need no URL token).
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** 32 random bytes: 256 bits, 43 base64url characters. */
export function createToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison. Hashing first gives timingSafeEqual the equal-length
 * buffers it needs without leaking the token's length through an early return.
 */
export function tokensEqual(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = crypto.createHash('sha256').update(expected).digest();
  const b = crypto.createHash('sha256').update(given).digest();
  return crypto.timingSafeEqual(a, b);
}

/** Cookies are not scoped by port, so two instances on one host need different names. */
export function tokenCookieName(port: number): string {
  return `mqtt_scope_token_${port}`;
}

export function readCookies(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    values.push(part.slice(eq + 1).trim());
  }
  return values;
}

export interface TokenCheck {
  allowed: boolean;
  /** A Set-Cookie value to send when the token came in the URL. */
  setCookie: string | null;
}

export class TokenGuard {
  private readonly cookieName: string;

  constructor(private readonly token: string, port: number) {
    this.cookieName = tokenCookieName(port);
  }

  check(req: IncomingMessage): TokenCheck {
    const queryToken = new URL(req.url ?? '/', 'http://host.invalid').searchParams.get('token');
    if (tokensEqual(this.token, queryToken)) {
      // HttpOnly: page scripts never see it; SameSite=Strict: other sites cannot ride on it.
      return { allowed: true, setCookie: `${this.cookieName}=${this.token}; Path=/; HttpOnly; SameSite=Strict` };
    }
    const cookieTokens = readCookies(req.headers.cookie, this.cookieName);
    return { allowed: cookieTokens.some((value) => tokensEqual(this.token, value)), setCookie: null };
  }
}
