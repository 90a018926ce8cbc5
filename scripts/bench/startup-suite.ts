// Start-up: from launching web mode to a usable page in Chromium (the status says
// Connected and the tree shows the demo devices), as a first run looks.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../tests/helpers/browser';
import { freePort } from '../../tests/helpers/free-port';
import type { Figure } from './figures';
import { median } from './figures';
import type { BenchOptions, Suite } from './suite';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

export const startupSuite: Suite = {
  name: 'startup',
  async run(options: BenchOptions): Promise<Figure[]> {
    const browser = await launchChromium();
    const times: number[] = [];
    try {
      for (let i = 0; i < (options.quick ? 3 : 5); i++) times.push(await once(browser));
    } finally {
      await browser.close();
    }
    const value = median(times);
    return [
      {
        suite: 'startup',
        name: 'web mode launched → usable page',
        value,
        unit: 'ms',
        reference: { label: 'target', value: 1500 },
        ratio: value / 1500,
        target: 'under 1.5 s',
        met: value < 1500,
        notes: `runs ${times.map(Math.round).join(', ')} ms (Chromium already open; "usable": Connected and the demo topics in the tree)`,
      },
    ];
  },
};

async function once(browser: Awaited<ReturnType<typeof launchChromium>>): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-startup-'));
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'out', 'web', 'cli.mjs'), '--port', '0', '--data-dir', dataDir, '--broker-port', String(await freePort())], { stdio: ['ignore', 'pipe', 'pipe'] });
  const page = await browser.newPage();
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL from web mode: ${output}`)), 20_000);
      child.stdout!.on('data', (d) => {
        output += d;
        const m = /MQTT Scope web mode: (http:\/\/\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    await page.goto(url);
    await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: 'Connected' }).waitFor({ timeout: 20_000 });
    await page.getByRole('tree', { name: 'Topic tree' }).getByRole('treeitem').first().waitFor({ timeout: 20_000 });
    return performance.now() - started;
  } finally {
    await page.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
