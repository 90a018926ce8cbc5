// Where the built renderer lives, found the same way from the bundles in out/, from
// the TypeScript sources (tests) and from a packaged app: next to package.json.
import fs from 'node:fs';
import path from 'node:path';

export function findAppRoot(fromDir: string): string | null {
  let dir = path.resolve(fromDir);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function findRendererDir(fromDir: string): string | null {
  const root = findAppRoot(fromDir);
  return root ? path.join(root, 'out', 'renderer') : null;
}
