// The Electron shell for real: the built app in the Electron binary, driven by
// Playwright, and Electron's security checklist checked in the running window. Where
// the binary was never downloaded (.npmrc has ignore-scripts, so `npm ci` does not run
// Electron's download) or there is no display, the suite is reported as skipped with
// the reason in its title; the same rules are then covered by the unit tests beside
// electron/main/*, tests/electron-hardening-rules.test.ts, and in Chromium through web
// mode (tests/e2e/content-security.test.ts).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { APP_ENTRY_URL } from '../electron/main/app-origin';
import { mainWindowWebPreferences } from '../electron/main/window-preferences';
import { CONTENT_SECURITY_POLICY } from '../electron/web/security-headers';
import { requestNames } from '../shared/contract';
import { freePort } from './helpers/free-port';
import { expectEvalRefused, expectInlineScriptRefused, NO_NODE_GLOBALS, nodeGlobalsInPage } from './helpers/page-security-probes';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const mainBundle = path.join(repoRoot, 'out', 'main', 'main.cjs');
const preloadBundle = path.join(repoRoot, 'out', 'main', 'preload.cjs');

/** The binary's path, or why there is none (the electron package's own words, plus ours). */
function findElectronBinary(): { binary: string } | { missing: string } {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    if (typeof binary === 'string' && fs.existsSync(binary)) return { binary };
    return { missing: `the Electron binary is not at ${String(binary)}` };
  } catch (err) {
    return { missing: `require('electron') says "${err instanceof Error ? err.message : String(err)}"` };
  }
}

const electron = findElectronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skipReason =
  'missing' in electron
    ? `${electron.missing}: node_modules/electron/dist was never downloaded, since .npmrc sets ignore-scripts and npm ci skips Electron's postinstall (\`npm start\` or \`node node_modules/electron/install.js\` downloads it where the network allows)`
    : noDisplay
      ? 'there is no display: neither DISPLAY nor WAYLAND_DISPLAY is set (run under xvfb-run)'
      : null;
if (skipReason) console.log(`Electron smoke test skipped: ${skipReason}.`);

// Page-side code runs in the browser; this project has no DOM types, hence the loose view of globalThis.
type PageGlobals = Record<string, any>;

/** A document of another origin, as an attacker's page would be. */
async function startOtherOrigin(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Elsewhere</title><p>Elsewhere</p>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

describe.skipIf(skipReason !== null)(`Electron shell${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;
  let mainWindowId: number;

  const windowCount = (): Promise<number> => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  /** Marks the current document, so a later check can tell whether it was replaced. */
  const markDocument = (): Promise<void> => page.evaluate(() => void ((globalThis as PageGlobals).__sameDocument = true));
  const sameDocument = (): Promise<boolean> => page.evaluate(() => (globalThis as PageGlobals).__sameDocument === true);

  beforeAll(async () => {
    if (!fs.existsSync(mainBundle)) throw new Error('out/main/main.cjs is missing: run `npm run build` first.');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-electron-'));
    // Chromium refuses to run as root with its OS sandbox (as scripts/start.mjs does for npm start).
    const switches = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await _electron.launch({
      executablePath: 'binary' in electron ? electron.binary : undefined,
      args: [...switches, mainBundle, '--data-dir', dataDir, '--broker-port', String(await freePort()), '--no-demo'],
      cwd: repoRoot,
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    mainWindowId = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].id);
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens one window on the app origin (a custom scheme, not file://) and shows the topic tree', async () => {
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toBe(APP_ENTRY_URL);
    await page.getByRole('tree', { name: 'Topic tree' }).waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('runs the window with exactly the webPreferences of window-preferences.ts', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }, id) => {
      // getLastWebPreferences is Electron's own (undocumented) view of what the window runs with.
      const contents = BrowserWindow.fromId(id)!.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> };
      return contents.getLastWebPreferences?.() ?? null;
    }, mainWindowId);
    expect(prefs).not.toBeNull();
    const { preload: _preload, ...expected } = mainWindowWebPreferences(preloadBundle);
    expect(prefs).toMatchObject(expected);
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false });
    expect(prefs?.enableBlinkFeatures ?? '').toBe('');
    expect(path.basename(String(prefs?.preload))).toBe('preload.cjs');
  });

  it('is the Electron major that package.json asks for', async () => {
    const declared = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).devDependencies.electron as string;
    const running = await app.evaluate(() => process.versions.electron);
    expect(running.split('.')[0]).toBe(/\d+/.exec(declared)![0]);
  });

  it('gives the page no Node and no ipcRenderer, only the contract on window.scope', async () => {
    expect(await nodeGlobalsInPage(page)).toEqual(NO_NODE_GLOBALS);
    const scope = await page.evaluate(() => {
      const s = (globalThis as PageGlobals).scope ?? {};
      return { keys: Object.keys(s).sort(), kinds: [...new Set(Object.values(s).map((v) => typeof v))], ipc: [typeof s.ipcRenderer, typeof s.invoke, typeof s.send, typeof s.sendSync] };
    });
    expect(scope).toEqual({ keys: [...requestNames, 'on'].sort(), kinds: ['function'], ipc: ['undefined', 'undefined', 'undefined', 'undefined'] });
  });

  it('gives an iframe no window.scope: the preload runs in the main frame only', async () => {
    const inFrame = await page.evaluate(() => {
      const g = globalThis as PageGlobals;
      const frame = g.document.createElement('iframe');
      g.document.body.appendChild(frame);
      try {
        return { scope: typeof frame.contentWindow.scope, require: typeof frame.contentWindow.require };
      } finally {
        frame.remove();
      }
    });
    expect(inFrame).toEqual({ scope: 'undefined', require: 'undefined' });
  });

  it('answers the contract over IPC and validates arguments', async () => {
    const answers = await page.evaluate(async () => {
      const scope = (globalThis as PageGlobals).scope;
      return { info: await scope.getAppInfo(), bad: await scope.subscribe({ connectionId: 'x', filter: 'a', qos: 9 }) };
    });
    expect(answers.info).toMatchObject({ ok: true, value: { shell: 'electron' } });
    expect(answers.bad).toMatchObject({ ok: false, error: { field: 'qos' } });
  });

  it('blocks an inline script injected into the page, reported under the served CSP', async () => {
    await expectInlineScriptRefused(page, CONTENT_SECURITY_POLICY);
  });

  it('blocks eval and new Function', async () => {
    await expectEvalRefused(page, CONTENT_SECURITY_POLICY);
  });

  it('cannot read local files: fetch of file:// fails', async () => {
    const outcome = await page.evaluate(async () => {
      try {
        await (globalThis as PageGlobals).fetch('file:///etc/hosts');
        return 'read';
      } catch (err) {
        return (err as { name: string }).name;
      }
    });
    expect(outcome).toBe('TypeError');
  });

  it('denies permission requests (notifications)', async () => {
    const answer = await page.evaluate(() => (globalThis as PageGlobals).Notification.requestPermission());
    expect(answer).toBe('denied');
  });

  it('stays on the app when the page sets location.href to another origin', async () => {
    await markDocument();
    for (const url of ['https://example.com/', 'file:///etc/hosts']) {
      await page.evaluate((target) => void ((globalThis as PageGlobals).location.href = target), url);
      await page.waitForTimeout(500);
      expect(page.url(), url).toBe(APP_ENTRY_URL);
    }
    expect(await sameDocument()).toBe(true);
  });

  it('stays on the app when a link to another origin is clicked', async () => {
    await markDocument();
    await page.evaluate(() => {
      const g = globalThis as PageGlobals;
      const link = g.document.createElement('a');
      link.href = 'https://example.com/';
      link.textContent = 'Injected link elsewhere';
      // Above the app's full-window layout. Styles through the CSSOM: the CSP refuses inline style attributes.
      Object.assign(link.style, { position: 'fixed', top: '0', left: '0', zIndex: '2147483647', background: 'white', padding: '8px' });
      g.document.body.append(link);
    });
    await page.getByRole('link', { name: 'Injected link elsewhere' }).click();
    await page.waitForTimeout(500);
    expect(page.url()).toBe(APP_ENTRY_URL);
    expect(await sameDocument()).toBe(true);
    await page.evaluate(() => (globalThis as PageGlobals).document.querySelector('a[href="https://example.com/"]')?.remove());
  });

  it('denies window.open: it returns null and no window appears', async () => {
    const popups = await page.evaluate(() => ['https://example.com/', 'mqtt-scope://app/index.html', 'about:blank'].map((url) => (globalThis as PageGlobals).open(url) === null));
    expect(popups).toEqual([true, true, true]);
    await page.waitForTimeout(500);
    expect(await windowCount()).toBe(1);
    expect(app.windows()).toHaveLength(1);
  });

  it('refuses IPC from a window it did not open, even one showing the app with the preload', async () => {
    // A window the app never trusted (as a bug or a compromised main-process module might
    // make): same preload, same origin, its own WebContents.
    const appeared = app.waitForEvent('window');
    const strangerId = await app.evaluate(({ BrowserWindow }, { preload, url }) => {
      const stranger = new BrowserWindow({ show: false, webPreferences: { preload, sandbox: true, contextIsolation: true } });
      void stranger.loadURL(url);
      return stranger.id;
    }, { preload: preloadBundle, url: APP_ENTRY_URL });
    try {
      const stranger = await appeared;
      await stranger.waitForLoadState('domcontentloaded');
      expect(stranger.url()).toBe(APP_ENTRY_URL);
      const answer = await stranger.evaluate(() => (globalThis as PageGlobals).scope.getAppInfo());
      expect(answer).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Refused/) } });
    } finally {
      await app.evaluate(({ BrowserWindow }, id) => BrowserWindow.fromId(id)?.destroy(), strangerId);
    }
  });

  it("refuses IPC from the app's own window once its main frame shows another origin", async () => {
    // Only the main process can put another origin there (navigation from the page is
    // blocked above): loadURL does, and the preload runs in that document too.
    const other = await startOtherOrigin();
    try {
      await app.evaluate(({ BrowserWindow }, { id, url }) => BrowserWindow.fromId(id)!.webContents.loadURL(url), { id: mainWindowId, url: other.url });
      await page.waitForURL(other.url);
      const refused = await page.evaluate(() => (globalThis as PageGlobals).scope.getAppInfo());
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Refused/) } });
    } finally {
      other.close();
      await app.evaluate(({ BrowserWindow }, { id, url }) => BrowserWindow.fromId(id)!.webContents.loadURL(url), { id: mainWindowId, url: APP_ENTRY_URL });
    }
    // Back on the app, the same window is answered again: the refusal was about the origin.
    await page.waitForURL(APP_ENTRY_URL);
    await page.waitForLoadState('domcontentloaded');
    const answered = await page.evaluate(() => (globalThis as PageGlobals).scope.getAppInfo());
    expect(answered).toMatchObject({ ok: true, value: { shell: 'electron' } });
  });
});
