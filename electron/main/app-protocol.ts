// Serves the built renderer on mqtt-scope://app/ with the security headers, the way
// the web host serves it over HTTP (same path resolution, same CSP).
import fs from 'node:fs';
import { protocol, type Session } from 'electron';
import { SECURITY_HEADERS } from '../web/security-headers';
import { contentTypeFor, resolveStaticPath } from '../web/static-files';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Must run before the app is ready: privileges are fixed when Chromium starts. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: a real origin for 'self' and relative URLs; secure: a secure context.
      // corsEnabled lets Chromium load the page's module scripts (crossorigin) from this scheme.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

export function serveAppProtocol(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
    const file = await resolveStaticPath(rendererDir, url.pathname);
    if (!file) return notFound();
    const body = await fs.promises.readFile(file);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache', ...SECURITY_HEADERS },
    });
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
}
