// Web mode's page under attack, in Debian's Chromium: what an injected script could try
// (inline code, eval, Node), another site framing the app or opening its WebSocket, and a
// browser without the token. The same CSP serves the Electron window (app-protocol.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/web/security-headers';
import { launchChromium } from '../helpers/browser';
import { expectEvalRefused, expectInlineScriptRefused, NO_NODE_GLOBALS, nodeGlobalsInPage, webSocketFromPage } from '../helpers/page-security-probes';
import { startWebMode, type WebMode } from '../helpers/web-mode';

let web: WebMode;
let browser: Browser;
let page: Page;
/** A page of another site: serves one HTML document with whatever body a test gives it. */
let otherSite: { server: http.Server; origin: string; body: string };

const webSocketUrl = (withToken: boolean): string => `${web.origin.replace(/^http/, 'ws')}/ws${withToken ? `?token=${web.token}` : ''}`;

beforeAll(async () => {
  web = await startWebMode(['--broker-port', '0', '--no-demo']);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(web.url);
  await page.getByRole('button', { name: 'New connection' }).waitFor({ timeout: 15_000 });
  const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(otherSite.body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // localhost, not 127.0.0.1: another host name as well as another port.
  otherSite = { server, origin: `http://localhost:${(server.address() as AddressInfo).port}`, body: '' };
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  otherSite?.server.close();
});

describe("web mode's Content-Security-Policy in Chromium", () => {
  it('blocks an inline script injected into the page, reported under the served policy', async () => {
    await expectInlineScriptRefused(page, CONTENT_SECURITY_POLICY);
  });

  it('blocks eval and new Function', async () => {
    await expectEvalRefused(page, CONTENT_SECURITY_POLICY);
  });

  it('gives the page no require, process, module or Buffer', async () => {
    expect(await nodeGlobalsInPage(page)).toEqual(NO_NODE_GLOBALS);
  });

  it('refuses to be framed by another site, even at the address with the token', async () => {
    otherSite.body = `<!doctype html><title>Other site</title><iframe title="framed app" src="${web.url}"></iframe>`;
    const other = await browser.newPage();
    try {
      const refusals: string[] = [];
      other.on('console', (message) => refusals.push(message.text()));
      await other.goto(otherSite.origin);
      const frame = other.mainFrame().childFrames()[0];
      // Chromium replaces a refused frame with its error page.
      await expect.poll(() => frame.url(), { timeout: 10_000 }).toMatch(/^chrome-error:/);
      expect(refusals.join('\n')).toContain(`violates the following Content Security Policy directive: "frame-ancestors 'none'"`);
      expect(await other.frameLocator('iframe[title="framed app"]').getByRole('button', { name: 'New connection' }).count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe("web mode's WebSocket from a browser", () => {
  it("opens from the app's own page", async () => {
    expect(await webSocketFromPage(page, webSocketUrl(false))).toBe('open');
  });

  it('refuses a page of another site, even one that knows the token', async () => {
    otherSite.body = '<!doctype html><title>Other site</title>';
    const other = await browser.newPage();
    try {
      await other.goto(otherSite.origin);
      expect(await webSocketFromPage(other, webSocketUrl(true))).toBe('closed 1006');
    } finally {
      await other.close();
    }
  });

  it('refuses a browser without the token, on the right origin', async () => {
    // A fresh context has no token cookie: its page at the bare address gets 403 and its socket too.
    const context = await browser.newContext();
    try {
      const stranger = await context.newPage();
      const response = await stranger.goto(`${web.origin}/`);
      expect(response?.status()).toBe(403);
      expect(await webSocketFromPage(stranger, webSocketUrl(false))).toBe('closed 1006');
    } finally {
      await context.close();
    }
  });
});
