// A first run: the embedded broker with the demo devices fills the tree at once and
// keeps it moving; switching the demo off is remembered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { freePort } from '../helpers/free-port';
import { startWebMode, type WebMode } from '../helpers/web-mode';

let web: WebMode;
let browser: Browser;
let page: Page;
const uiTimeout = { timeout: 15_000 };

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-demo-'));

beforeAll(async () => {
  web = await startWebMode(['--broker-port', String(await freePort()), '--demo'], { dataDir });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(web.url);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const messagesUnder = async (name: string) => {
  const text = await page.getByRole('tree', { name: 'Topic tree' }).getByRole('treeitem', { name, exact: true }).innerText();
  return Number(/([\d,]+) msgs?/.exec(text)?.[1].replace(/,/g, '') ?? NaN);
};

describe('demo devices', () => {
  it('fill the tree within seconds, with hundreds of topics, and keep it live', async () => {
    const tree = page.getByRole('tree', { name: 'Topic tree' });
    const sensors = tree.getByRole('treeitem', { name: 'sensors', exact: true });
    await sensors.waitFor(uiTimeout);
    await expect.poll(async () => Number(/([\d,]+) topics/.exec(await sensors.innerText())?.[1].replace(/,/g, '')), uiTimeout).toBeGreaterThan(300);
    const before = await messagesUnder('sensors');
    await expect.poll(() => messagesUnder('sensors'), uiTimeout).toBeGreaterThan(before);
    await sensors.click();
    await sensors.press('ArrowRight');
    for (const site of ['austin-lab', 'berlin-plant', 'lyon-office']) await tree.getByRole('treeitem', { name: site, exact: true }).waitFor(uiTimeout);
  });

  it('can be switched off, and the choice is kept', async () => {
    const demo = page.getByRole('switch', { name: 'Demo devices' });
    expect(await demo.isChecked()).toBe(true);
    await demo.click();
    await expect.poll(() => demo.isChecked(), uiTimeout).toBe(false);
    // Started again without --demo, the app remembers the user's choice.
    await web.stop();
    web = await startWebMode(['--broker-port', String(await freePort())], { dataDir });
    await page.goto(web.url);
    const again = page.getByRole('switch', { name: 'Demo devices' });
    await again.waitFor(uiTimeout);
    await expect.poll(() => page.getByRole('status', { name: 'Connection status' }).innerText(), uiTimeout).toContain('Connected');
    expect(await again.isChecked()).toBe(false);
    expect(await page.getByRole('tree', { name: 'Topic tree' }).getByRole('treeitem', { name: 'sensors', exact: true }).count()).toBe(0);
  });
});
