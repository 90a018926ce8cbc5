// Takes the README's screenshots: web mode with the demo devices, in headless Chromium:
// the topic tree (docs/screenshot.png), the timeline after the guided QoS 2 scenario
// (docs/timeline.png) and the packet inspector (docs/packets.png).
// Usage: npm run build && node scripts/screenshot.mjs
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const docs = path.join(root, 'docs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-shot-'));
const app = spawn(process.execPath, [path.join(root, 'out/web/cli.mjs'), '--port', '0', '--demo', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
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
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(url);
  const tree = page.getByRole('tree', { name: 'Topic tree' });
  const open = async (name) => {
    const item = tree.getByRole('treeitem', { name, exact: true }).first();
    await item.waitFor({ timeout: 15_000 });
    await item.click();
    await item.press('ArrowRight');
  };
  for (const level of ['sensors', 'berlin-plant', 'hall-a']) await open(level);
  // Let the devices publish for a while so counters and histories have some depth.
  await page.waitForTimeout(8000);
  const meter = tree.getByRole('treeitem', { name: /^power-meter-/ }).first();
  await meter.click();
  await meter.press('ArrowRight');
  const telemetry = tree.getByRole('treeitem', { name: 'telemetry', exact: true }).first();
  await telemetry.click();
  await page.getByRole('list', { name: 'Message history' }).getByRole('listitem').nth(1).click();
  await page.waitForTimeout(500);
  fs.mkdirSync(docs, { recursive: true });
  const save = async (name) => {
    await page.screenshot({ path: path.join(docs, name) });
    console.log(`Saved docs/${name}`);
  };
  await save('screenshot.png');

  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Run QoS 2 scenario' }).click();
  await page.getByRole('region', { name: 'Scenario report' }).getByText('The subscriber received the message once.').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  await save('timeline.png');

  await page.getByRole('tab', { name: 'Packets' }).click();
  await page.getByRole('group', { name: 'Packet types' }).getByRole('button', { name: 'PUBLISH', exact: true }).click();
  await page.getByRole('grid', { name: 'Packet log' }).getByRole('row').filter({ hasText: 'PUBLISH' }).nth(3).click();
  await page.getByRole('region', { name: 'Packet inspector' }).getByRole('table', { name: 'Packet bytes' }).waitFor({ timeout: 10_000 });
  await page.waitForTimeout(300);
  await save('packets.png');
} finally {
  await browser.close();
  app.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
