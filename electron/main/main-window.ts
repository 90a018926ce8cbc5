// The one window, with the security defaults of window-preferences.ts, on the app origin.
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { mainWindowWebPreferences } from './window-preferences';

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
