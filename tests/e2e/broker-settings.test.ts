// The embedded broker's settings end to end, as a user drives them: web mode in Chromium,
// the Broker settings dialog opened from the top bar, and real MQTT.js clients against
// the broker it configures: refused without a sign-in, accepted with one, and a publish
// outside the user's patterns refused and listed in the dialog's Refused list.
import fs from 'node:fs';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { freePort } from '../helpers/free-port';
import { startWebMode, type WebMode } from '../helpers/web-mode';

const username = 'sensor-7';
const password = 'e2e-Br0ker-pass-5521';
const passphrase = 'fixture-passphrase';
const tlsFile = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', 'profiles', 'tls', name);

let web: WebMode;
let brokerPort: number;
let browser: Browser;
let page: Page;
/** Everything the page was sent over the WebSocket: every API answer and push. */
const received: string[] = [];
const sent: string[] = [];
const pageProblems: string[] = [];
const clients: MqttClient[] = [];
const uiTimeout = { timeout: 15_000 };

beforeAll(async () => {
  brokerPort = await freePort();
  web = await startWebMode(['--broker-port', String(brokerPort), '--no-demo']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) => received.push(String(f.payload)));
    ws.on('framesent', (f) => sent.push(String(f.payload)));
  });
  page.on('console', (m) => {
    if (m.type() === 'error') pageProblems.push(m.text());
  });
  page.on('pageerror', (err) => pageProblems.push(err.message));
  await page.goto(web.url);
  await topBarBroker().getByRole('button', { name: 'Broker settings' }).waitFor(uiTimeout);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true)));
  await browser?.close();
  await web?.stop();
});

const topBarBroker = () => page.getByRole('group', { name: 'Embedded broker' });
const dialogForm = () => page.getByRole('form', { name: 'Broker settings' });
const brokerFile = () => path.join(web.dataDir, 'broker.json');

async function openDialog(): Promise<Locator> {
  await topBarBroker().getByRole('button', { name: 'Broker settings' }).click();
  const form = dialogForm();
  await form.waitFor(uiTimeout);
  return form;
}

async function closeDialog(): Promise<void> {
  await dialogForm().getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => dialogForm().count(), uiTimeout).toBe(0);
}

/** The message tied to an input by aria-describedby (its error, or its hint). */
async function messageOf(locator: Locator): Promise<string> {
  const id = await locator.getAttribute('aria-describedby');
  if (!id) throw new Error('the input has no message tied to it');
  return page.locator(`[id="${id}"]`).innerText();
}

async function connect(options: mqtt.IClientOptions): Promise<MqttClient> {
  const c = await mqtt.connectAsync({ host: '127.0.0.1', port: brokerPort, protocolVersion: 5, reconnectPeriod: 0, connectTimeout: 5000, ...options });
  clients.push(c);
  return c;
}

describe('the embedded broker’s settings in Chromium', () => {
  it('shows a bad filter and a duplicate username at their fields, and saves nothing', async () => {
    const form = await openDialog();
    expect(await form.getByRole('textbox', { name: 'Bind address' }).inputValue()).toBe('127.0.0.1');
    // --broker-port on the command line wins over the saved port, and the dialog says so.
    expect(await form.getByRole('region', { name: 'Address' }).innerText()).toMatch(/command line sets the port this time \(--broker-port\)/);

    await form.getByRole('button', { name: 'Add user' }).click();
    await form.getByRole('textbox', { name: 'User 1 username' }).fill(username);
    await form.getByRole('textbox', { name: 'User 1 password' }).fill(password);
    const publish = form.getByRole('textbox', { name: 'User 1 publish patterns' });
    await publish.fill('devices/%u/#\ndevices/#/status');
    await form.getByRole('button', { name: 'Add user' }).click();
    const second = form.getByRole('textbox', { name: 'User 2 username' });
    await second.fill(username);

    // Live, before any Save: each message at its own input.
    await expect.poll(() => publish.getAttribute('aria-invalid'), uiTimeout).toBe('true');
    expect(await messageOf(publish)).toBe("Line 2: '#' may only be the last level of a filter; 'devices/#/status' has levels after it.");
    expect(await second.getAttribute('aria-invalid')).toBe('true');
    expect(await messageOf(second)).toBe(`"${username}" is listed twice.`);
    // The %u hint is on the table, for every row.
    expect(await form.getByRole('table', { name: 'Users' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(await form.getByRole('region', { name: 'Sign-in' }).innerText()).toMatch(/%u stands for the username/);

    await form.getByRole('button', { name: 'Save' }).click();
    expect(await form.getByRole('alert').filter({ hasText: 'need attention' }).innerText()).toMatch(/fields need attention; nothing was saved/);
    expect(await page.locator(':focus').getAttribute('aria-invalid')).toBe('true');
    expect(fs.existsSync(brokerFile())).toBe(false);
    expect(sent.some((f) => f.includes('saveBrokerSettings'))).toBe(false);
    // Nothing typed is lost.
    expect(await publish.inputValue()).toBe('devices/%u/#\ndevices/#/status');
    expect(await form.getByRole('textbox', { name: 'User 1 password' }).inputValue()).toBe(password);
  });

  it('saves a user with patterns and sign-in required; the broker then refuses and accepts as it says', async () => {
    const form = dialogForm();
    await form.getByRole('button', { name: /^Remove user 2/ }).click();
    await form.getByRole('textbox', { name: 'User 1 publish patterns' }).fill('devices/%u/#');
    await form.getByRole('textbox', { name: 'User 1 subscribe patterns' }).fill('cmd/%u/#');
    await form.getByRole('switch', { name: 'Require sign-in' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByRole('status').filter({ hasText: 'Saved at' }).count(), uiTimeout).toBe(1);

    // The first save request of this page (the failed Save above sent none).
    expect(sent.filter((f) => f.includes('"name":"saveBrokerSettings"'))).toHaveLength(1);
    const stored = JSON.parse(fs.readFileSync(brokerFile(), 'utf8'));
    expect(stored).toMatchObject({ requireAuth: true, users: [{ username, publish: ['devices/%u/#'], subscribe: ['cmd/%u/#'] }] });
    // What was typed is gone from the form: the password now reads "unchanged".
    const passwordInput = form.getByRole('textbox', { name: 'User 1 password' });
    expect(await passwordInput.inputValue()).toBe('');
    expect(await passwordInput.getAttribute('placeholder')).toBe('unchanged');
    const badges = topBarBroker().getByRole('list', { name: 'Broker security' });
    await badges.getByRole('listitem', { name: 'Sign-in required' }).waitFor(uiTimeout);

    const anonymous = await mqtt.connectAsync({ host: '127.0.0.1', port: brokerPort, protocolVersion: 5, reconnectPeriod: 0, connectTimeout: 5000 }).then(
      (c) => {
        clients.push(c);
        return null;
      },
      (err: Error & { code?: number }) => err,
    );
    expect(anonymous?.code).toBe(0x86);

    const device = await connect({ clientId: 'e2e-sensor-7', username, password });
    await device.publishAsync(`devices/${username}/temp`, '21.5', { qos: 1 });
    const refused = await device.publishAsync('factory/line-1/temp', 'forged', { qos: 1 }).then(
      () => null,
      (err: Error & { code?: number }) => err,
    );
    expect(refused?.code).toBe(0x87);

    const list = form.getByRole('list', { name: 'Refused' });
    await expect.poll(() => list.innerText(), uiTimeout).toMatch(/publish denied\s+client "e2e-sensor-7" \(user "sensor-7"\) from 127\.0\.0\.1:\d+ may not publish to "factory\/line-1\/temp"/);
    expect(await list.innerText()).toMatch(/sign-in\s+refused client .* no username/);
    expect(await form.getByRole('region', { name: 'Refused' }).innerText()).toMatch(/\d+ refusals? since the broker started/);
    // The top bar counts them too, and the count opens the list.
    await expect.poll(() => badges.getByRole('button', { name: /refusals?: show them/ }).count(), uiTimeout).toBe(1);

    expect(await page.content()).not.toContain(password);
    expect(received.some((f) => f.includes('"users"'))).toBe(true);
    expect(received.filter((f) => f.includes(password))).toEqual([]);
  });

  it('shows the user again with its password unchanged, and keeps it on a save that does not touch it', async () => {
    await closeDialog();
    await topBarBroker().getByRole('button', { name: /refusals?: show them/ }).click();
    const form = dialogForm();
    await form.waitFor(uiTimeout);
    expect(await form.getByRole('textbox', { name: 'User 1 username' }).inputValue()).toBe(username);
    expect(await form.getByRole('textbox', { name: 'User 1 password' }).getAttribute('placeholder')).toBe('unchanged');
    expect(await form.getByRole('textbox', { name: 'User 1 publish patterns' }).inputValue()).toBe('devices/%u/#');
    expect(await form.getByRole('switch', { name: 'Require sign-in' }).isChecked()).toBe(true);

    await form.getByRole('spinbutton', { name: 'In-flight messages per client' }).fill('10');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByRole('status').filter({ hasText: 'Saved at' }).count(), uiTimeout).toBe(1);
    expect(JSON.parse(fs.readFileSync(brokerFile(), 'utf8')).limits.maxInflight).toBe(10);
    await connect({ clientId: 'e2e-sensor-7-again', username, password });
  });

  it('shows the TLS listener’s problem in its section and the top bar, and its port once it runs', async () => {
    const form = dialogForm();
    await form.getByRole('switch', { name: 'Listen for TLS connections (mqtts://)' }).check();
    const tls = form.getByRole('region', { name: 'TLS listener' });
    const tlsPort = await freePort();
    await tls.getByRole('spinbutton', { name: 'TLS port' }).fill(String(tlsPort));
    await tls.getByRole('textbox', { name: 'Certificate file' }).fill(tlsFile('client.pem'));
    await tls.getByRole('textbox', { name: 'Key file' }).fill(tlsFile('client-key.pem'));
    // An encrypted key without its passphrase: saved, but the listener cannot start.
    await form.getByRole('button', { name: 'Save' }).click();
    const problem = tls.getByRole('alert');
    await expect.poll(() => problem.count(), uiTimeout).toBe(1);
    expect(await problem.innerText()).toMatch(/passphrase is missing or wrong/);
    const badges = topBarBroker().getByRole('list', { name: 'Broker security' });
    expect(await badges.getByRole('listitem', { name: /^TLS listener not running/ }).innerText()).toBe('TLS failed');

    await tls.getByRole('textbox', { name: 'Key passphrase' }).fill(passphrase);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => problem.count(), uiTimeout).toBe(0);
    await expect.poll(() => badges.getByRole('listitem', { name: `TLS listener on port ${tlsPort}` }).count(), uiTimeout).toBe(1);
    expect(await badges.getByRole('listitem', { name: `TLS listener on port ${tlsPort}` }).innerText()).toBe(`TLS :${tlsPort}`);
    expect(await tls.getByRole('group', { name: 'Key passphrase' }).innerText()).toContain('set');
    expect(await page.content()).not.toContain(passphrase);
    expect(received.filter((f) => f.includes(passphrase))).toEqual([]);
  });

  it('warns about a bind address other machines can reach, and says it applies at the next start', async () => {
    const form = dialogForm();
    const address = form.getByRole('region', { name: 'Address' });
    await address.getByRole('textbox', { name: 'Bind address' }).fill('0.0.0.0');
    expect(await address.getByRole('note').innerText()).toMatch(/^Other machines can reach this broker\. Only the users below can sign in\./);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => address.getByRole('status').innerText(), uiTimeout).toMatch(/applies when MQTT Scope starts again; until then the broker listens on 127\.0\.0\.1:\d+/);
    // Still on loopback until then.
    expect(await topBarBroker().getByRole('listitem', { name: /Reachable from other machines/ }).count()).toBe(0);
    await closeDialog();
  });

  it('keeps unsaved changes on Escape and says so; Discard changes drops them', async () => {
    const form = await openDialog();
    const connections = form.getByRole('spinbutton', { name: 'Maximum connections' });
    expect(await connections.inputValue()).toBe('2000');
    await connections.fill('50');
    await page.keyboard.press('Escape');
    await expect.poll(() => form.getByRole('status').filter({ hasText: 'Unsaved changes' }).count(), uiTimeout).toBe(1);
    expect(await connections.inputValue()).toBe('50');
    await form.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => dialogForm().count(), uiTimeout).toBe(0);
    expect(await (await openDialog()).getByRole('spinbutton', { name: 'Maximum connections' }).inputValue()).toBe('2000');
    // Unchanged, Escape just closes.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogForm().count(), uiTimeout).toBe(0);
  });

  it('logged nothing to the console', () => {
    expect(pageProblems).toEqual([]);
  });
});
