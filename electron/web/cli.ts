// Entry of out/web/cli.mjs (`npm run web`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWebMode } from './web-mode';

const moduleDir = path.dirname(fileURLToPath(import.meta.url));

runWebMode(process.argv.slice(2), process.env, moduleDir).then(
  (exitCode) => {
    if (exitCode !== null) process.exit(exitCode);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
