// What the screenshot scripts share: web mode from the build in a throwaway data folder,
// and Debian's headless Chromium. close() ends both and removes the folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const root = path.resolve(import.meta.dirname, '..');

/** A port free on loopback now, for the embedded broker of a screenshot. */
export const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export async function startScreenshotSession(args) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-shot-'));
  const app = spawn(process.execPath, [path.join(root, 'out/web/cli.mjs'), '--port', '0', '--data-dir', dataDir, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no URL from web mode:\n${text}`)), 20_000);
    app.stdout.on('data', (d) => {
      text += d;
      const m = /MQTT Scope web mode: (\S+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    url,
    browser,
    close: async () => {
      await browser.close();
      app.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
