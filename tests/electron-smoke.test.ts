// The Electron shell for real: the built app in the Electron binary, driven by
// Playwright. Where the binary was never downloaded (offline installs: .npmrc has
// ignore-scripts) or there is no display, the suite is reported as skipped with the
// reason in its title; the same UI is then covered in Chromium through web mode.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { requestNames } from '../shared/contract';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const mainBundle = path.join(repoRoot, 'out', 'main', 'main.cjs');
const APP_ENTRY_URL = 'mqtt-scope://app/index.html';

function findElectronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electronPath = findElectronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skipReason = !electronPath
  ? 'the Electron binary is not installed (node_modules/electron/dist is missing; `npm start` tries to download it once)'
  : noDisplay
    ? 'there is no display (set DISPLAY, e.g. run under xvfb-run)'
    : null;
if (skipReason) console.log(`Electron smoke test skipped: ${skipReason}.`);

// Page-side code runs in the browser; this project has no DOM types, hence the loose view of globalThis.
type PageGlobals = Record<string, any>;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(skipReason !== null)(`Electron shell${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    if (!fs.existsSync(mainBundle)) throw new Error('out/main/main.cjs is missing: run `npm run build` first.');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-electron-'));
    app = await _electron.launch({
      args: [mainBundle, '--data-dir', dataDir, '--broker-port', String(await freePort()), '--no-demo'],
      cwd: repoRoot,
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens one window on the app origin and shows the topic tree', async () => {
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toBe(APP_ENTRY_URL);
    await page.locator('[role="tree"]').first().waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('runs the window with contextIsolation, sandbox, no nodeIntegration and webSecurity on', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences is Electron's own (undocumented) view of what the window runs with.
      const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> };
      return contents.getLastWebPreferences?.() ?? null;
    });
    expect(prefs).not.toBeNull();
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(prefs?.webSecurity).not.toBe(false);
  });

  it('gives the page no Node and no ipcRenderer, only the contract on window.scope', async () => {
    const seen = await page.evaluate(() => {
      const g = globalThis as PageGlobals;
      return {
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
        Buffer: typeof g.Buffer,
        ipcRenderer: typeof g.ipcRenderer,
        electron: typeof g.electron,
        scopeKeys: Object.keys(g.scope ?? {}).sort(),
        scopeIpc: typeof g.scope?.ipcRenderer,
      };
    });
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
      scopeKeys: [...requestNames, 'on'].sort(),
      scopeIpc: 'undefined',
    });
  });

  it('answers the contract over IPC and validates arguments', async () => {
    const answers = await page.evaluate(async () => {
      const scope = (globalThis as PageGlobals).scope;
      return { info: await scope.getAppInfo(), bad: await scope.subscribe({ connectionId: 'x', filter: 'a', qos: 9 }) };
    });
    expect(answers.info).toMatchObject({ ok: true, value: { shell: 'electron' } });
    expect(answers.bad).toMatchObject({ ok: false, error: { field: 'qos' } });
  });

  it('blocks inline scripts (CSP), navigation away and new windows', async () => {
    const result = await page.evaluate(async () => {
      const g = globalThis as PageGlobals;
      const script = g.document.createElement('script');
      script.textContent = 'globalThis.__inlineRan = true';
      g.document.head.appendChild(script);
      const popup = g.open('https://example.com/');
      return { inlineRan: g.__inlineRan === true, popupOpened: popup !== null };
    });
    expect(result).toEqual({ inlineRan: false, popupOpened: false });

    await page.evaluate(() => {
      (globalThis as PageGlobals).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(APP_ENTRY_URL);
    expect(app.windows()).toHaveLength(1);
  });
});
