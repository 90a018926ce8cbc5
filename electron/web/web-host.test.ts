// The web host end to end over real sockets, with a stand-in session source: what is
// under test is access control and the wire format, not the core behind them.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { requestNames } from '../../shared/contract';
import type { RequestHandlers } from '../../shared/rpc';
import type { EventPush, ScopeSession } from '../core/scope-core';
import { tokenCookieName } from './token-guard';
import { startWebHost, type WebHost } from './web-host';

const token = 'T'.repeat(43);
let rendererDir: string;
let host: WebHost;
const pushes: EventPush[] = [];
let openSessions = 0;

function stubHandlers(): RequestHandlers {
  const handlers = Object.fromEntries(requestNames.map((name) => [name, async () => undefined])) as unknown as RequestHandlers;
  return { ...handlers, getAppInfo: async () => ({ version: '9.9.9' }) as never };
}

const sessions = {
  openSession(push: EventPush): ScopeSession {
    pushes.push(push);
    openSessions++;
    return { handlers: stubHandlers(), close: () => void openSessions-- };
  },
};

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(urlPath: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: host.port, path: urlPath, headers }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

function openSocket(query: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
}

const origin = (): string => `http://127.0.0.1:${host.port}`;

beforeAll(async () => {
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-web-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>scope</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  host = await startWebHost({ sessions, rendererDir, host: '127.0.0.1', port: 0, portFallback: false, token });
});

afterAll(async () => {
  await host.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

describe('web host over HTTP', () => {
  it('prints an address with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${token}`);
  });

  it('answers 403 without the token, still with the security headers', async () => {
    const reply = await get('/');
    expect(reply.status).toBe(403);
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect((await get('/assets/app.js')).status).toBe(403);
    expect((await get(`/?token=${token.slice(1)}`)).status).toBe(403);
  });

  it('asks for the token before anything else: unknown paths and other methods get 403, not 404', async () => {
    expect((await get('/no-such-file')).status).toBe(403);
    expect((await get('/..%2f..%2fetc%2fpasswd')).status).toBe(403);
    const post = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, path: '/', method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('x');
    });
    expect(post).toBe(403);
  });

  it('serves the page for the URL token and sets the cookie that later requests use', async () => {
    const page = await get(`/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<title>scope</title>');
    const setCookie = page.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);

    const asset = await get('/assets/app.js', { cookie: setCookie.split(';')[0] });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses foreign Host names even with the token (DNS rebinding)', async () => {
    expect((await get(`/?token=${token}`, { host: `evil.example:${host.port}` })).status).toBe(403);
  });

  it('does not serve files outside the renderer', async () => {
    expect((await get(`/..%2f..%2fetc%2fpasswd?token=${token}`)).status).toBe(404);
  });
});

describe('web host over WebSocket', () => {
  const cookie = (): string => `${tokenCookieName(host.port)}=${token}`;

  it('refuses upgrades without the token, from another origin, or without an origin', async () => {
    await expect(openSocket('', { origin: origin() })).rejects.toThrow('HTTP 403');
    await expect(openSocket(`?token=${token}`, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(openSocket(`?token=${token}`, {})).rejects.toThrow('HTTP 403');
  });

  it('upgrades only /ws, even with the token and the right origin', async () => {
    const upgrade = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/other?token=${token}`, { headers: { origin: origin() } });
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => resolve(101));
      ws.once('error', () => undefined);
    });
    expect(upgrade).toBe(403);
  });

  it('answers requests with the RpcResult envelope and pushes events to the socket session', async () => {
    const ws = await openSocket('', { origin: origin(), cookie: cookie() });
    expect(openSessions).toBe(1);

    ws.send(JSON.stringify({ id: 1, name: 'getAppInfo' }));
    expect(await nextMessage(ws)).toEqual({ id: 1, result: { ok: true, value: { version: '9.9.9' } } });

    ws.send(JSON.stringify({ id: 'b', name: 'subscribe', arg: { connectionId: 'c', filter: 'a/#', qos: 7 } }));
    const invalid = (await nextMessage(ws)) as { id: string; result: { ok: boolean; error: { field: string } } };
    expect(invalid.id).toBe('b');
    expect(invalid.result.ok).toBe(false);
    expect(invalid.result.error.field).toBe('qos');

    ws.send(JSON.stringify({ id: 3, name: 'noSuchRequest' }));
    expect(await nextMessage(ws)).toMatchObject({ id: 3, result: { ok: false } });

    const pushed = nextMessage(ws);
    pushes.at(-1)!('connections', []);
    expect(await pushed).toEqual({ event: 'connections', payload: [] });

    const closed = new Promise((resolve) => ws.once('close', resolve));
    ws.close();
    await closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openSessions).toBe(0);
  });

  it('closes the socket on messages that are not requests', async () => {
    const ws = await openSocket(`?token=${token}`, { origin: origin() });
    const code = new Promise((resolve) => ws.once('close', (c) => resolve(c)));
    ws.send('not json');
    expect(await code).toBe(1008);
  });
});

describe('web host ports', () => {
  it('moves to a free port when the default one is taken, and fails when an explicit one is', async () => {
    const fallback = await startWebHost({ sessions, rendererDir, host: '127.0.0.1', port: host.port, portFallback: true, token });
    try {
      expect(fallback.port).not.toBe(host.port);
    } finally {
      await fallback.close();
    }
    await expect(startWebHost({ sessions, rendererDir, host: '127.0.0.1', port: host.port, portFallback: false, token })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

describe('wrong tokens', () => {
  it('past the limit, the address is refused for a while, the right token included, on HTTP and the WebSocket', async () => {
    const limited = await startWebHost({ sessions, rendererDir, host: '127.0.0.1', port: 0, portFallback: false, token, attemptLimits: { max: 3, windowMs: 60_000, lockMs: 60_000 } });
    const at = (p: string) =>
      new Promise<Reply>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: limited.port, path: p }, (res) => {
            let body = '';
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
          })
          .on('error', reject);
      });
    try {
      expect((await at(`/?token=${token}`)).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await at(`/?token=wrong-${i}`)).status).toBe(403);
      const refused = await at(`/?token=${token}`);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('60');
      expect(refused.body).toMatch(/^Too many requests with a wrong token from this address: try again in 60 s/);
      const upgrade = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${limited.port}/ws?token=${token}`, { headers: { origin: `http://127.0.0.1:${limited.port}` } });
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('open', () => resolve(101));
        ws.once('error', () => undefined);
      });
      expect(upgrade).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
