// The window's webPreferences: the security defaults the design names, each spelled out
// even where it is Electron's default, so a reader (and window-preferences.test.ts) sees
// every one of them in one place. Type-only import: unit-testable without Electron.
import type { WebPreferences } from 'electron';

export function mainWindowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    // The page and the preload live in separate JavaScript worlds; the page sees only window.scope.
    contextIsolation: true,
    // Chromium's sandbox: the renderer has no Node, and the preload only a few Electron APIs.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    // The preload (and so IPC) exists in the main frame only, never in an iframe.
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // A file dropped on the window must not navigate it away from the app.
    navigateOnDragDrop: false,
    spellcheck: false,
    // A page that opens dialogs in a loop gets a checkbox to stop them.
    safeDialogs: true,
  };
}
