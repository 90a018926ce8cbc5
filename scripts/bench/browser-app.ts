// The app as the browser benchmarks drive it: web mode with its embedded broker and no
// demo (nothing but the load in the tree), one Chromium page on it with the probe
// installed, and the Topic tree found the way a user finds it, by role and name.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../tests/helpers/browser';
import { freePort } from '../../tests/helpers/free-port';
import { startWebMode, type WebMode } from '../../tests/helpers/web-mode';
import { installProbe } from './browser-probe';

export interface BrowserApp {
  browser: Browser;
  page: Page;
  web: WebMode;
  /** The embedded broker, for the load generators. */
  brokerUrl: string;
  /** The error with what web mode printed last, for a run that failed. */
  explain(err: unknown): Error;
  close(): Promise<void>;
}

const uiTimeout = 30_000;

export async function openApp(): Promise<BrowserApp> {
  const brokerPort = await freePort();
  const web = await startWebMode(['--broker-port', String(brokerPort), '--no-demo']);
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(installProbe);
    // For profiling and trying changes: BENCH_RENDERER_DIR serves the script and styles of
    // another renderer build (vite build --outDir DIR, say with --minify false so profiles
    // show function names) to this page only, leaving out/renderer to whoever else uses it.
    const other = process.env.BENCH_RENDERER_DIR;
    if (other) await serveRendererFrom(page, other);
    await page.goto(web.url);
    await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: 'Connected' }).waitFor({ timeout: uiTimeout });
    const b = browser;
    return {
      browser: b,
      page,
      web,
      brokerUrl: `mqtt://127.0.0.1:${brokerPort}`,
      explain: (err) => new Error(`${(err as Error).message ?? err}\nweb mode printed:\n${web.output().slice(-2000)}`),
      close: async () => {
        await b.close();
        await web.stop();
      },
    };
  } catch (err) {
    await browser?.close();
    await web.stop();
    throw err;
  }
}

export function treeItem(page: Page, name: string): Locator {
  return page.getByRole('tree', { name: 'Topic tree' }).getByRole('treeitem', { name, exact: true });
}

/** "N topics · M msgs" of a row (tree-row.tsx), as numbers. */
export async function rowCounts(row: Locator): Promise<{ topics: number; messages: number }> {
  const text = await row.locator('.tree-counts').innerText();
  const m = /^([\d,]+) topics? · ([\d,]+) msgs?$/.exec(text.trim());
  if (!m) throw new Error(`unexpected counts text "${text}"`);
  return { topics: Number(m[1].replace(/,/g, '')), messages: Number(m[2].replace(/,/g, '')) };
}

/** Polls a row's message count until it reaches `want`, stops moving for quietMs, or maxMs passed; returns the last count read. */
export async function waitForCount(row: Locator, want: number, quietMs: number, maxMs: number): Promise<number> {
  const deadline = Date.now() + maxMs;
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const { messages } = await rowCounts(row);
    if (messages >= want) return messages;
    if (messages !== last) {
      last = messages;
      lastChange = Date.now();
    }
    if (Date.now() - lastChange > quietMs || Date.now() > deadline) return messages;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Expands a row with its chevron unless it is expanded already. */
export async function expandRow(page: Page, name: string): Promise<void> {
  const row = treeItem(page, name);
  await row.waitFor({ timeout: uiTimeout });
  if ((await row.getAttribute('aria-expanded')) === 'true') return;
  await row.locator('.tree-chevron').click();
  await page.getByRole('tree', { name: 'Topic tree' }).getByRole('treeitem', { name, exact: true, expanded: true }).waitFor({ timeout: uiTimeout });
}

async function serveRendererFrom(page: Page, dir: string): Promise<void> {
  const assets = path.join(dir, 'assets');
  const files = fs.readdirSync(assets);
  for (const [ext, type] of [['js', 'text/javascript'], ['css', 'text/css']]) {
    const file = files.find((f) => f.endsWith(`.${ext}`));
    if (file) await page.route(`**/assets/*.${ext}`, (route) => route.fulfill({ path: path.join(assets, file), contentType: type }));
  }
}
