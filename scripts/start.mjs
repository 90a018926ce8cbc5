// `npm start [-- options]`: build if stale, then open the Electron app. Where Electron
// cannot run (its binary was never downloaded, or there is no display), say so in one
// sentence and serve the same app in web mode instead.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, repoRoot } from './ensure-build.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const DOWNLOAD_TIMEOUT_MS = 60_000;
/** An offline machine should not wait for the download on every start: retry after a day. */
const DOWNLOAD_RETRY_MS = 24 * 60 * 60 * 1000;
const failureMarker = path.join(repoRoot, 'out', '.electron-download-failed');

ensureBuilt();

const fallback = whyNotElectron();
if (fallback) {
  console.log(`${fallback}, so MQTT Scope opens in web mode instead.`);
  await import(pathToFileURL(path.join(repoRoot, 'out', 'web', 'cli.mjs')).href);
} else {
  runElectron(electronBinary());
}

function whyNotElectron() {
  if (!electronBinary() && !recentlyFailedDownload()) tryDownloadOnce();
  if (!electronBinary()) return 'The Electron binary is not installed and could not be downloaded';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'There is no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  }
  return null;
}

/** The path Electron's package names, if that file exists (it does not until the download happened). */
function electronBinary() {
  try {
    delete require.cache[require.resolve('electron')];
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function recentlyFailedDownload() {
  try {
    return Date.now() - fs.statSync(failureMarker).mtimeMs < DOWNLOAD_RETRY_MS;
  } catch {
    return false;
  }
}

function tryDownloadOnce() {
  console.log('Downloading the Electron binary (first start only)...');
  // Output captured: on an offline machine it is a long stack trace that says less than our one sentence.
  const result = spawnSync(process.execPath, [path.join(path.dirname(require.resolve('electron/package.json')), 'install.js')], {
    cwd: repoRoot,
    timeout: DOWNLOAD_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0 || !electronBinary()) {
    fs.mkdirSync(path.dirname(failureMarker), { recursive: true });
    fs.writeFileSync(failureMarker, `${new Date().toISOString()}\n${String(result.stderr ?? result.error ?? '')}`);
  }
}

function runElectron(binary) {
  const switches = [];
  // Chromium refuses to start as root unless its OS sandbox is off; the renderer keeps
  // Electron's sandbox (no Node, contextIsolation) either way.
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    console.log('Running as root: starting Electron with --no-sandbox (Chromium requires it for root).');
    switches.push('--no-sandbox');
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [...switches, repoRoot, ...args], { cwd: repoRoot, stdio: 'inherit', env });
  // Ctrl+C reaches Electron through the terminal; a plain kill of this script should too.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
