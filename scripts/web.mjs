// `npm run web [-- options]`: build if stale, then serve the app to a browser.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, repoRoot } from './ensure-build.mjs';

ensureBuilt();
// In-process, so Ctrl+C reaches the web host directly; it reads process.argv.slice(2), our args.
await import(pathToFileURL(path.join(repoRoot, 'out', 'web', 'cli.mjs')).href);
