// The one window. Its webPreferences are the security defaults the design names;
// keep them in one place so the smoke test can check exactly these.
import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

export function mainWindowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    // webSecurity and allowRunningInsecureContent stay at their secure defaults.
    spellcheck: false,
    safeDialogs: true,
  };
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'MQTT Scope',
    show: false,
    webPreferences: mainWindowWebPreferences(preloadPath),
  });
  // Showing after the first paint avoids a white flash; the timeout keeps a broken page from hiding the window.
  const show = (): void => {
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  };
  window.once('ready-to-show', show);
  setTimeout(show, 3000).unref();
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
