// Entry of out/main/main.cjs: the Electron shell around the core.
import { safeStorageCipher } from './safe-storage-cipher';
import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { optionsHelp, parseOptions, type ScopeOptions } from '../core/options';
import { ScopeCore } from '../core/scope-core';
import { findRendererDir } from '../web/app-paths';
import { buildAppMenu } from './app-menu';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { userArgs } from './electron-argv';
import { bindIpcTransport, type IpcTransport } from './ipc-transport';
import { createMainWindow } from './main-window';
import { guardSession, guardWebContents } from './web-contents-guards';

registerAppScheme();
// Every renderer sandboxed, whatever its webPreferences say: a window or frame created by
// mistake cannot come without it. Only possible before the app is ready.
app.enableSandbox();

const parsed = parseOptions(userArgs(process.argv, app.isPackaged, [__filename, __dirname, app.getAppPath()]), process.env);
if (!parsed.ok) {
  console.error(parsed.error);
  dialog.showErrorBox('MQTT Scope', parsed.error);
  app.exit(2);
} else if (parsed.options.help) {
  console.log(optionsHelp('npm start --'));
  app.exit(0);
} else {
  // Chromium's profile and the single-instance lock follow the data folder, so an
  // isolated --data-dir (tests) is a fully separate instance.
  app.setPath('userData', parsed.options.dataDir);
  if (!app.requestSingleInstanceLock()) {
    console.log('MQTT Scope is already running with this data folder: its window was brought to the front.');
    app.exit(0);
  } else {
    run(parsed.options).catch((err: unknown) => fatal(err));
  }
}

async function run(options: ScopeOptions): Promise<void> {
  let window: BrowserWindow | null = null;
  let transport: IpcTransport | null = null;

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  // Any session besides the default one (none today) gets the same refusals.
  app.on('session-created', (created) => guardSession(created));
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  await app.whenReady();

  const rendererDir = findRendererDir(__dirname);
  if (!rendererDir || !fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('The renderer is not built (out/renderer/index.html is missing): run `npm run build` first.');
  }

  Menu.setApplicationMenu(buildAppMenu(process.platform === 'darwin'));
  guardSession(session.defaultSession);
  serveAppProtocol(session.defaultSession, rendererDir);

  const core = await ScopeCore.start({
    dataDir: options.dataDir,
    brokerPort: options.brokerPort,
    brokerHost: options.brokerHost,
    brokerOverrides: options.brokerOverrides,
    demo: options.demo,
    shell: 'electron',
    secretCipher: safeStorageCipher(),
  });
  transport = bindIpcTransport(core);

  const openWindow = (): void => {
    window = createMainWindow(path.join(__dirname, 'preload.cjs'));
    transport?.trust(window.webContents);
    window.on('closed', () => (window = null));
  };
  openWindow();

  // macOS keeps apps running without windows; the dock icon brings the window back.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    // The broker and the MQTT connections say goodbye before the process ends.
    event.preventDefault();
    transport?.dispose();
    core
      .close()
      .catch((err: unknown) => console.error(`MQTT Scope did not shut down cleanly: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => app.exit(0));
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

function fatal(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`MQTT Scope could not start: ${message}`);
  dialog.showErrorBox('MQTT Scope could not start', message);
  app.exit(1);
}
