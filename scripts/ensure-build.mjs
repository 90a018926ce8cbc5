// Rebuilds what `npm start` and `npm run web` run when it is missing or older than its
// sources, so a fresh checkout or an edit never runs stale code.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const parts = [
  {
    script: 'build:main',
    outputs: ['out/main/main.cjs', 'out/main/preload.cjs', 'out/web/cli.mjs'],
    sources: ['electron', 'shared', 'build/build-main.mjs', 'package.json'],
  },
  {
    script: 'build:renderer',
    outputs: ['out/renderer/index.html'],
    sources: ['renderer', 'shared', 'build/vite.renderer.config.ts', 'package.json'],
  },
];

export function ensureBuilt() {
  for (const part of parts) {
    const oldestOutput = Math.min(...part.outputs.map((file) => mtime(path.join(repoRoot, file))));
    const newestSource = Math.max(...part.sources.map((source) => newestMtime(path.join(repoRoot, source))));
    if (oldestOutput >= newestSource) continue;
    const result = runNpmScript(part.script);
    if (result.status !== 0) {
      console.error(`npm run ${part.script} failed, so MQTT Scope cannot start.`);
      process.exit(result.status ?? 1);
    }
  }
}

function runNpmScript(script) {
  // Under `npm start`, npm tells us where it lives; otherwise use the one on PATH.
  const npmCli = process.env.npm_execpath;
  if (npmCli && npmCli.endsWith('.js')) {
    return spawnSync(process.execPath, [npmCli, 'run', '--silent', script], { cwd: repoRoot, stdio: 'inherit' });
  }
  return spawnSync('npm', ['run', '--silent', script], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
}

/** -Infinity when missing, so a missing output is always stale. */
function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -Infinity;
  }
}

function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return -Infinity;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(target) ? -Infinity : stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}
