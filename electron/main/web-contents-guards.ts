// The Electron security defaults that are not webPreferences: no navigation, no new
// windows, no webviews, no permissions, the CSP on every response, and allowlisted
// external links handed to the OS browser.
import { shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../web/security-headers';
import { isAppUrl } from './app-origin';
import { isAllowedExternalUrl } from './external-links';

/** Applied to every WebContents the app creates (app 'web-contents-created'). */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
  // A plain link click navigates the window away from the app: never; allowlisted links open outside.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternalIfAllowed(url);
  });
  // Subframes (the main frame is covered by will-navigate): none of ours ever leaves the app origin.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function guardSession(session: Session): void {
  // Everything is refused but writing to the clipboard from our own page (the Copy
  // buttons); reading the clipboard stays refused.
  session.setPermissionRequestHandler((contents, permission, callback) => callback(isClipboardWrite(permission, contents.getURL())));
  session.setPermissionCheckHandler((_contents, permission, origin) => isClipboardWrite(permission, origin));
  session.setDevicePermissionHandler(() => false);
  // The custom protocol already sends the CSP; this covers any other response the window could get.
  session.webRequest.onHeadersReceived((details, callback) => {
    // DevTools is Chromium's own page with its own policy.
    if (details.url.startsWith('devtools:')) {
      callback({});
      return;
    }
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}

function openExternalIfAllowed(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

function isClipboardWrite(permission: string, url: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(url);
}
