// Web mode's HTTP server: the built renderer as static files and the contract on /ws,
// everything behind the token guard and the security headers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { isAllowedHost, isSameOrigin } from './origin-check';
import { SECURITY_HEADERS } from './security-headers';
import { serveStatic } from './static-files';
import { TokenGuard } from './token-guard';
import { AttemptLimiter, type AttemptLimits } from './attempt-limiter';
import { createWebSocketTransport, type SessionSource } from './websocket-transport';

export const WEBSOCKET_PATH = '/ws';

export interface WebHostOptions {
  sessions: SessionSource;
  rendererDir: string;
  host: string;
  /** 0 = any free port. */
  port: number;
  /** Move to a free port when `port` is taken (only sensible for the default port). */
  portFallback: boolean;
  token: string;
  /** Wrong tokens allowed per address before it is refused for a while (tests lower them). */
  attemptLimits?: AttemptLimits;
}

export interface WebHost {
  /** The address to open, token included. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const tooManyText = (ms: number) => `Too many requests with a wrong token from this address: try again in ${Math.ceil(ms / 1000)} s.\n`;

const FORBIDDEN_TEXT = 'Forbidden: open the address MQTT Scope printed when it started (it includes ?token=...).\n';

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const transport = createWebSocketTransport(options.sessions);
  // Known once listening; no request can arrive before then.
  let guard: TokenGuard | null = null;
  let port = 0;
  const limiter = new AttemptLimiter(options.attemptLimits);
  const address = (req: http.IncomingMessage) => req.socket.remoteAddress ?? 'unknown';

  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const locked = limiter.lockedFor(address(req));
    if (locked > 0) {
      res.writeHead(429, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': String(Math.ceil(locked / 1000)) }).end(tooManyText(locked));
      return;
    }
    const check = guard && isAllowedHost(req.headers.host, options.host, port) ? guard.check(req) : null;
    if (!check?.allowed) {
      limiter.failed(address(req));
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end(FORBIDDEN_TEXT);
      return;
    }
    if (check.setCookie) res.setHeader('Set-Cookie', check.setCookie);
    const pathname = new URL(req.url ?? '/', 'http://host.invalid').pathname;
    serveStatic(req, res, options.rendererDir, pathname).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error\n');
    });
  });

  server.on('upgrade', (req, socket: Duplex, head: Buffer) => {
    const pathname = new URL(req.url ?? '/', 'http://host.invalid').pathname;
    const locked = limiter.lockedFor(address(req));
    if (locked > 0) {
      socket.end(`HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${Math.ceil(locked / 1000)}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const allowed =
      guard !== null &&
      pathname === WEBSOCKET_PATH &&
      isAllowedHost(req.headers.host, options.host, port) &&
      isSameOrigin(req.headers.origin, req.headers.host) &&
      guard.check(req).allowed;
    if (!allowed) {
      limiter.failed(address(req));
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    transport.handleUpgrade(req, socket, head);
  });

  try {
    port = await listen(server, options.host, options.port, options.portFallback);
  } catch (err) {
    transport.close();
    throw err;
  }
  guard = new TokenGuard(options.token, port);

  return {
    url: `http://${displayHost(options.host)}:${port}/?token=${options.token}`,
    port,
    async close() {
      transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: http.Server, host: string, port: number, fallback: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      if (err.code === 'EADDRINUSE' && fallback && port !== 0) {
        server.removeListener('listening', onListening);
        resolve(listen(server, host, 0, false));
        return;
      }
      reject(err);
    };
    const onListening = (): void => {
      server.removeListener('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host.replace(/^\[|\]$/g, ''));
  });
}

/** Unspecified addresses cannot be browsed to; loopback reaches them from this machine. */
function displayHost(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === '0.0.0.0' || bare === '::') return '127.0.0.1';
  return bare.includes(':') ? `[${bare}]` : bare;
}
