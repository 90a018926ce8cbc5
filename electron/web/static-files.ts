// Maps a URL path to a file under the built renderer, refusing anything that could
// step outside it (.., encoded separators, symlinks pointing elsewhere, dotfiles).
// Shared by the web host and the Electron custom protocol.
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** The real path of the file `urlPath` names inside `rootDir`, or null when there is none or it is off limits. */
export async function resolveStaticPath(rootDir: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.endsWith('/')) decoded += 'index.html';

  const segments = decoded.split('/').filter((s) => s !== '');
  // ':' would let Windows reach other drives or alternate data streams.
  if (segments.some((s) => s.startsWith('.') || s.includes(':'))) return null;

  try {
    const root = await fs.promises.realpath(rootDir);
    const real = await fs.promises.realpath(path.join(root, ...segments));
    if (!isInside(root, real)) return null;
    const stat = await fs.promises.stat(real);
    return stat.isFile() ? real : null;
  } catch {
    return null;
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Answers a GET or HEAD for a file of the renderer; the caller has already checked access. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, rootDir: string, urlPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  const file = await resolveStaticPath(rootDir, urlPath);
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  const stat = await fs.promises.stat(file);
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': stat.size,
    // index.html is fetched with the token; assets carry content hashes but revalidating is cheap on loopback.
    'Cache-Control': file.endsWith('.html') ? 'no-store' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
