// The guards as Electron calls them, with WebContents and Session replaced by small
// fakes (no Electron binary in unit tests): what each handler decides, and which URLs
// reach the OS browser. tests/electron-smoke.test.ts checks the same in a real window.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../web/security-headers';

const opened = vi.hoisted(() => [] as string[]);
vi.mock('electron', () => ({ shell: { openExternal: async (url: string) => void opened.push(url) } }));

const { guardSession, guardWebContents } = await import('./web-contents-guards');

const APP_URL = 'mqtt-scope://app/index.html';
type WindowOpenHandler = (details: { url: string }) => { action: string };

class FakeContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  /** Emits like Electron: returns whether a handler called preventDefault. */
  attempt(event: string, details: Record<string, unknown>, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { ...details, preventDefault: () => void (prevented = true) }, ...args);
    return prevented;
  }
}

type PermissionRequest = (contents: { getURL(): string }, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheck = (contents: null, permission: string, origin: string) => boolean;
type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void;

class FakeSession {
  request: PermissionRequest | null = null;
  check: PermissionCheck | null = null;
  device: (() => boolean) | null = null;
  headers: HeadersListener | null = null;
  setPermissionRequestHandler(handler: PermissionRequest): void {
    this.request = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheck): void {
    this.check = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.device = handler;
  }
  webRequest = { onHeadersReceived: (listener: HeadersListener) => void (this.headers = listener) };

  granted(permission: string, pageUrl: string): boolean {
    let answer: boolean | null = null;
    this.request!({ getURL: () => pageUrl }, permission, (granted) => (answer = granted));
    return answer!;
  }
  responseHeaders(url: string, responseHeaders: Record<string, string[]>): Record<string, string[]> | undefined {
    let out: Record<string, string[]> | undefined;
    this.headers!({ url, responseHeaders }, (response) => (out = response.responseHeaders));
    return out;
  }
}

describe('guardWebContents', () => {
  let contents: FakeContents;

  beforeEach(() => {
    opened.length = 0;
    contents = new FakeContents();
    guardWebContents(contents as never);
  });

  it('denies every new window, handing only allowlisted links to the OS browser', () => {
    expect(contents.windowOpenHandler!({ url: 'https://mqtt.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: APP_URL })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://mqtt.org/']);
  });

  it('blocks every navigation of the window, the app origin included, opening only allowlisted links outside', () => {
    for (const url of ['https://evil.example/', 'https://mqtt.org/', APP_URL, 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(contents.attempt('will-navigate', { url }, url), url).toBe(true);
    }
    expect(opened).toEqual(['https://mqtt.org/']);
  });

  it('keeps subframes on the app origin and leaves main-frame navigations to will-navigate', () => {
    expect(contents.attempt('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe(true);
    expect(contents.attempt('will-frame-navigate', { url: 'mqtt-scope://app/assets/x.html', isMainFrame: false })).toBe(false);
    expect(contents.attempt('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(opened).toEqual([]);
  });

  it('blocks redirects away from the app origin and every webview', () => {
    expect(contents.attempt('will-redirect', {}, 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-redirect', {}, 'mqtt-scope://app/index.html')).toBe(false);
    expect(contents.attempt('will-attach-webview', {}, { nodeIntegration: false }, { src: APP_URL })).toBe(true);
  });
});

describe('guardSession', () => {
  let session: FakeSession;

  beforeEach(() => {
    session = new FakeSession();
    guardSession(session as never);
  });

  it('refuses every permission request but clipboard writes from the app page', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb']) {
      expect(session.granted(permission, APP_URL), permission).toBe(false);
    }
    expect(session.granted('clipboard-sanitized-write', APP_URL)).toBe(true);
    expect(session.granted('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
  });

  it('answers permission checks and device requests the same way', () => {
    expect(session.check!(null, 'clipboard-sanitized-write', 'mqtt-scope://app')).toBe(true);
    expect(session.check!(null, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(session.check!(null, 'media', 'mqtt-scope://app')).toBe(false);
    expect(session.device!()).toBe(false);
  });

  it('puts our CSP on every response, replacing whatever policy it came with', () => {
    const headers = session.responseHeaders('https://evil.example/x.js', { 'content-security-policy': ["script-src 'unsafe-inline'"], 'X-Other': ['1'] });
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'X-Other': ['1'] });
    expect(session.responseHeaders(APP_URL, {})).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it("leaves DevTools' own pages their own policy", () => {
    expect(session.responseHeaders('devtools://devtools/bundled/inspector.html', { 'Content-Security-Policy': ['x'] })).toBeUndefined();
  });
});
