// Connection profiles end to end, as a user drives them: web mode in Chromium, a
// mosquitto that wants a password, and files imported through the file input.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { freePort } from '../helpers/free-port';
import { startMosquitto, type MosquittoBroker } from '../helpers/mosquitto';
import { startWebMode, type WebMode } from '../helpers/web-mode';

const user = 'lab-ops';
const password = 'pr0file-Secret-e2e-7781';
const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'profiles');

let mosquitto: MosquittoBroker;
let web: WebMode;
let browser: Browser;
let page: Page;
const uiTimeout = { timeout: 15_000 };

beforeAll(async () => {
  mosquitto = await startMosquitto({ passwordUsers: [{ user, password }] });
  web = await startWebMode(['--broker-port', String(await freePort()), '--no-demo']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  await page.goto(web.url);
  await page.getByRole('region', { name: 'Profiles' }).getByRole('button', { name: 'New profile' }).waitFor(uiTimeout);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await mosquitto?.stop();
});

const profiles = () => page.getByRole('list', { name: 'Profiles' });
const editor = () => page.getByRole('form', { name: 'Connection profile' });
const profileItem = (name: string) => profiles().getByRole('listitem', { name, exact: true });

async function messageOf(locator: ReturnType<Page['locator']>): Promise<string> {
  const id = await locator.getAttribute('aria-describedby');
  if (!id) throw new Error('the field has no aria-describedby');
  return page.locator(`[id="${id}"]`).innerText();
}

describe('connection profiles in Chromium', () => {
  it('creates a profile with a password, saves it without ever showing the password again, connects and shows the CONNACK', async () => {
    await page.getByRole('button', { name: 'New profile' }).click();
    const form = editor();
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Lab mosquitto');
    expect(await form.getByRole('combobox', { name: 'Protocol' }).inputValue()).toBe('mqtt');
    await form.getByRole('textbox', { name: 'Host' }).fill('127.0.0.1');
    await form.getByRole('spinbutton', { name: 'Port' }).fill(String(mosquitto.port));
    await form.getByRole('combobox', { name: 'MQTT version' }).selectOption('5');
    await form.getByRole('textbox', { name: 'Username' }).fill(user);
    await form.getByRole('textbox', { name: 'Password' }).fill(password);
    expect(await form.innerText()).toMatch(/Stored (encrypted|unencrypted)/);
    await form.getByRole('textbox', { name: 'Subscription filter 1' }).fill('lab/#');
    await form.getByRole('button', { name: 'Save profile' }).click();

    const item = profileItem('Lab mosquitto');
    await item.waitFor(uiTimeout);
    await expect.poll(() => editor().count(), uiTimeout).toBe(0);
    expect(await item.innerText()).toContain(`mqtt://${user}@127.0.0.1:${mosquitto.port}`);
    expect(await page.content()).not.toContain(password);

    await item.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.getByRole('status', { name: 'Connection status' }).innerText(), uiTimeout).toMatch(/^(?!.*Reconnecting).*Connected/s);
    const session = page.getByRole('group', { name: 'Session' });
    await expect.poll(() => session.innerText(), uiTimeout).toMatch(/Session present\s+no/);
    expect(await session.innerText()).toContain('Success (0x00)');
    // mosquitto 2 answers a 5.0 CONNECT with properties; the table shows them in words.
    expect(await session.getByRole('table').innerText()).toMatch(/Maximum QoS|Receive Maximum|Topic Alias Maximum/);
    const subscriptions = page.getByRole('list', { name: 'Subscriptions' });
    await expect.poll(() => subscriptions.innerText(), uiTimeout).toMatch(/lab\/#\s+QoS 2/);
    expect(await page.content()).not.toContain(password);

    // Editing shows that a password is set, never the password itself.
    await item.getByRole('button', { name: 'Edit' }).click();
    const form2 = editor();
    await form2.waitFor(uiTimeout);
    expect(await form2.getByRole('textbox', { name: 'Password' }).count()).toBe(0);
    expect(await form2.getByRole('group', { name: 'Password' }).innerText()).toContain('set');
    expect(await form2.getByRole('button', { name: 'Change the password' }).isVisible()).toBe(true);
    expect(await page.content()).not.toContain(password);
    await form2.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => editor().count(), uiTimeout).toBe(0);
  });

  it('shows a bad port and a wildcard in the middle of a filter at their fields, and saves nothing', async () => {
    const before = await profiles().getByRole('listitem').count();
    await page.getByRole('button', { name: 'New profile' }).click();
    const form = editor();
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Broken');
    await form.getByRole('textbox', { name: 'Host' }).fill('localhost');
    const port = form.getByRole('spinbutton', { name: 'Port' });
    await port.fill('70000');
    const filter = form.getByRole('textbox', { name: 'Subscription filter 1' });
    await filter.fill('a/#/b');
    // Live, before any Save.
    await expect.poll(() => port.getAttribute('aria-invalid'), uiTimeout).toBe('true');
    expect(await messageOf(port)).toContain('The port must be a whole number from 1 to 65535');
    expect(await filter.getAttribute('aria-invalid')).toBe('true');
    expect(await messageOf(filter)).toContain("'#' may only be the last level");

    await form.getByRole('button', { name: 'Save profile' }).click();
    expect(await form.getByRole('alert').innerText()).toMatch(/2 fields need attention/);
    expect(await page.locator(':focus').getAttribute('aria-invalid')).toBe('true');
    expect(await editor().count()).toBe(1);
    expect(await profiles().getByRole('listitem').count()).toBe(before);
    expect(await profileItem('Broken').count()).toBe(0);

    // Fixing the fields clears their messages.
    await port.fill('1883');
    await expect.poll(() => port.getAttribute('aria-invalid'), uiTimeout).toBeNull();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => editor().count(), uiTimeout).toBe(0);
    expect(await profileItem('Broken').count()).toBe(0);
  });

  it('imports an MQTTX export through the file input and lists its profiles, with what could not be mapped', async () => {
    await page.getByRole('button', { name: 'Import profiles…' }).click();
    await page.getByLabel('Profiles file').setInputFiles(path.join(fixtures, 'mqttx-export.json'));
    const importGroup = page.getByRole('group', { name: 'Import' });
    await expect.poll(() => importGroup.getByRole('status').innerText(), uiTimeout).toMatch(/Imported \d+ profiles from an MQTTX export/);
    expect(await importGroup.getByRole('list', { name: 'Import notes' }).innerText()).toContain('clientIdWithTime');
    await profileItem('EMQX Cloud (TLS, v5)').waitFor(uiTimeout);
    await profileItem('Local mosquitto (ws)').waitFor(uiTimeout);
    expect(await page.content()).not.toContain('mqttx-pass-7');
    await importGroup.getByRole('button', { name: 'Close' }).click();
  });

  it('exports without passwords unless asked', async () => {
    await page.getByRole('button', { name: 'Export profiles…' }).click();
    const exportGroup = page.getByRole('group', { name: 'Export' });
    const include = exportGroup.getByRole('checkbox', { name: 'Include passwords' });
    expect(await include.isChecked()).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download', uiTimeout), exportGroup.getByRole('button', { name: 'Download export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mqtt-scope-profiles-\d{4}-\d{2}-\d{2}\.json$/);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(text).profiles.map((p: { name: string }) => p.name)).toContain('Lab mosquitto');
    expect(text).not.toContain(password);
    await include.check();
    expect(await exportGroup.innerText()).toMatch(/plain text/);
    await exportGroup.getByRole('button', { name: 'Close' }).click();
  });

  it('duplicates and deletes a profile after confirming', async () => {
    await profileItem('Local mosquitto (ws)').getByRole('button', { name: 'Duplicate' }).click();
    const form = editor();
    expect(await form.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Local mosquitto (ws) (copy)');
    await form.getByRole('button', { name: 'Save profile' }).click();
    const copy = profileItem('Local mosquitto (ws) (copy)');
    await copy.waitFor(uiTimeout);
    await copy.getByRole('button', { name: 'Delete' }).click();
    await copy.getByRole('group').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => copy.count(), uiTimeout).toBe(0);
    expect(await profileItem('Local mosquitto (ws)').count()).toBe(1);
  });

  it('saves a one-off URL connection as a profile', async () => {
    await page.getByRole('button', { name: 'New connection' }).click();
    const quick = page.getByRole('form', { name: 'New connection' });
    await quick.getByRole('textbox', { name: 'Broker URL' }).fill(`mqtt://${user}@127.0.0.1:${mosquitto.port}`);
    await quick.getByRole('textbox', { name: 'Connection name' }).fill('Quick lab');
    await quick.getByRole('textbox', { name: 'Password' }).fill(password);
    await quick.getByRole('button', { name: 'Connect', exact: true }).click();
    const details = page.getByRole('region', { name: 'Connection details' });
    await expect.poll(() => details.innerText(), uiTimeout).toContain('Quick lab');
    await details.getByRole('button', { name: 'Save as profile' }).click();
    const form = editor();
    expect(await form.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Quick lab');
    expect(await form.getByRole('textbox', { name: 'Host' }).inputValue()).toBe('127.0.0.1');
    expect(await form.getByRole('spinbutton', { name: 'Port' }).inputValue()).toBe(String(mosquitto.port));
    expect(await form.getByRole('textbox', { name: 'Username' }).inputValue()).toBe(user);
    expect(await form.getByRole('textbox', { name: 'Password' }).inputValue()).toBe('');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await profileItem('Quick lab').waitFor(uiTimeout);
    await expect.poll(() => details.innerText(), uiTimeout).toMatch(/From profile Quick lab/);
  });

  it('marks the public test brokers', async () => {
    await page.getByText('Public test brokers').click();
    const presets = page.getByRole('list', { name: 'Public test brokers' });
    const first = presets.getByRole('listitem').first();
    await first.waitFor(uiTimeout);
    const badge = first.getByText('PUBLIC', { exact: true });
    expect(await badge.getAttribute('title')).toMatch(/anyone can subscribe/i);
  });
});

describe('a profiles file that cannot be read', () => {
  it('is reported prominently', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-profiles-bad-'));
    fs.copyFileSync(path.join(fixtures, 'profiles-corrupted.json'), path.join(dataDir, 'profiles.json'));
    const other = await startWebMode(['--broker-port', '0', '--no-demo'], { dataDir });
    const page2 = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page2.goto(other.url);
      const region = page2.getByRole('region', { name: 'Profiles' });
      await expect.poll(() => region.getByRole('alert').innerText(), uiTimeout).toMatch(/could not be used[\s\S]*moved to/);
    } finally {
      await page2.close();
      await other.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
