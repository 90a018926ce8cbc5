// Defence in depth next to the token: a loopback-bound host answers only to loopback
// Host names (DNS rebinding), and a WebSocket upgrade must come from a page of our own
// origin (a browser always sends Origin; other sites' pages cannot forge it).
import { isLoopbackHost } from '../core/options';

export function isAllowedHost(hostHeader: string | undefined, bindHost: string, port: number): boolean {
  if (!hostHeader) return false;
  if (!isLoopbackHost(bindHost)) return true;
  const host = hostHeader.toLowerCase();
  const names = ['127.0.0.1', 'localhost', '[::1]', bindHost.includes(':') ? `[${bindHost.replace(/^\[|\]$/g, '')}]` : bindHost];
  // Browsers leave the default port out of Host.
  return names.some((name) => host === `${name}:${port}` || (port === 80 && host === name));
}

export function isSameOrigin(originHeader: string | undefined, hostHeader: string | undefined): boolean {
  if (!originHeader || !hostHeader) return false;
  return originHeader.toLowerCase() === `http://${hostHeader.toLowerCase()}`;
}
