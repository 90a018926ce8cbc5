// The Retained view end to end, as a user drives it: web mode in Chromium, 30 retained
// topics seeded into a mosquitto with mosquitto_pub -r, a connection made from the UI.
// Scan, sort, search, clear a subtree after downloading its backup, restore that file,
// snapshot, change the broker, compare; every effect on the broker is checked from
// outside the app with mosquitto_sub --retained-only. Then the embedded broker, whose
// store is read directly and knows who set each message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { freePort } from '../helpers/free-port';
import { mosquittoPub, startMosquitto, startMosquittoSub, type MosquittoBroker } from '../helpers/mosquitto';
import { startWebMode, type WebMode } from '../helpers/web-mode';

interface Seeded {
  topic: string;
  qos: 0 | 1 | 2;
  payload: Buffer;
}

let mosquitto: MosquittoBroker;
let brokerPort: number;
let web: WebMode;
let browser: Browser;
let page: Page;
let tmp: string;
const pageErrors: string[] = [];
const ui = { timeout: 15_000 };

/** 30 topics, 15 under e2e/a and 15 under e2e/b; sizes 20 + 3i bytes (all different), text, JSON and binary, QoS 0–2. */
function seedPlan(): Seeded[] {
  return Array.from({ length: 30 }, (_, i) => {
    const size = 20 + 3 * i;
    const kind = i % 3;
    const payload =
      kind === 0
        ? Buffer.from(`state ${i} `.padEnd(size, '.'))
        : kind === 1
          ? Buffer.from(JSON.stringify({ i, pad: '' }).replace('""', `"${'x'.repeat(size - JSON.stringify({ i, pad: '' }).length)}"`))
          : Buffer.from(Array.from({ length: size }, (_, b) => (b === 0 ? 0 : b === 1 ? 0xff : (i * 7 + b) & 0xff)));
    return { topic: `e2e/${i < 15 ? 'a' : 'b'}/dev-${i}/state`, qos: (i % 3) as 0 | 1 | 2, payload };
  });
}
const seeded = seedPlan();
const underB = seeded.filter((s) => s.topic.startsWith('e2e/b/'));

async function publishRetained(port: number, s: Seeded, clientId?: string): Promise<void> {
  const file = path.join(tmp, `payload-${port}-${s.topic.replace(/\//g, '_')}.bin`);
  fs.writeFileSync(file, s.payload);
  await mosquittoPub(['-h', '127.0.0.1', '-p', String(port), '-r', '-q', String(s.qos), '-t', s.topic, '-f', file, ...(clientId ? ['-i', clientId] : [])]);
}

/** What the broker holds, seen from outside the app: mosquitto_sub --retained-only for 2 s. */
async function retainedOnBroker(port: number): Promise<Map<string, { qos: number; payload: Buffer }>> {
  const sub = startMosquittoSub(['-h', '127.0.0.1', '-p', String(port), '-V', 'mqttv311', '--retained-only', '-q', '2', '-F', '%q %x %t', '-W', '2', '-t', '#']);
  const done = await sub.done;
  // -W ends it with code 27 ("timed out"): the normal end here.
  if (done.code !== 27 && done.code !== 0) throw new Error(`mosquitto_sub failed (${done.code}): ${done.stderr}`);
  const seen = new Map<string, { qos: number; payload: Buffer }>();
  for (const line of done.messages) {
    const [qos, hex, ...topic] = line.toString('utf8').split(' ');
    seen.set(topic.join(' '), { qos: Number(qos), payload: Buffer.from(hex, 'hex') });
  }
  return seen;
}

function expectHolds(seen: Map<string, { qos: number; payload: Buffer }>, items: Seeded[]): void {
  for (const s of items) {
    const got = seen.get(s.topic);
    expect(got, s.topic).toBeDefined();
    expect(got!.payload.equals(s.payload), `${s.topic} bytes`).toBe(true);
    expect(got!.qos, `${s.topic} QoS`).toBe(s.qos);
  }
}

/** Saves a download under its own name, as a user's downloads folder would. */
async function keep(download: Download): Promise<string> {
  const file = path.join(tmp, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

async function messageOf(control: Locator): Promise<string> {
  const id = await control.getAttribute('aria-describedby');
  if (!id) throw new Error('the control has no aria-describedby');
  return page.locator(`[id="${id}"]`).innerText();
}

const grid = () => page.getByRole('grid', { name: 'Retained messages' });
const dataRows = () => grid().getByRole('row').filter({ has: page.getByRole('gridcell') });
const filterField = () => page.getByRole('textbox', { name: 'Filter', exact: true });
const lastScan = () => page.getByRole('status', { name: 'Last scan' });
const count = () => page.getByRole('status', { name: 'Retained count' });
const report = (name: string) => page.getByRole('region', { name });

async function scan(expected: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Scan', exact: true }).click();
  await expect.poll(() => lastScan().innerText(), ui).toMatch(expected);
}

async function applyFilter(filter: string, countText: RegExp): Promise<void> {
  await filterField().fill(filter);
  await expect.poll(() => count().innerText(), ui).toMatch(countText);
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'retained-e2e-'));
  mosquitto = await startMosquitto();
  for (let i = 0; i < seeded.length; i += 10) await Promise.all(seeded.slice(i, i + 10).map((s) => publishRetained(mosquitto.port, s)));
  brokerPort = await freePort();
  web = await startWebMode(['--broker-port', String(brokerPort), '--no-demo']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(web.url);
  await page.getByRole('button', { name: 'New connection' }).waitFor(ui);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await mosquitto?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the Retained view against mosquitto', () => {
  it('connects from the UI and opens the Retained tab, which knows nothing before a scan', async () => {
    await page.getByRole('button', { name: 'New connection' }).click();
    const form = page.getByRole('form', { name: 'New connection' });
    await form.getByRole('textbox', { name: 'Broker URL' }).fill(mosquitto.url);
    await form.getByRole('combobox', { name: 'MQTT version' }).selectOption('5');
    // A subscription that receives none of the seeded topics: the scan has to find them.
    await form.getByRole('textbox', { name: 'Subscription filter 1' }).fill('unrelated/#');
    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect.poll(() => page.getByRole('status', { name: 'Connection status' }).innerText(), ui).toMatch(/^(?!.*Reconnecting).*Connected/s);

    await page.getByRole('tab', { name: 'Retained' }).click();
    expect(await filterField().inputValue()).toBe('#');
    await expect.poll(() => count().innerText(), ui).toBe('0 of 0 retained');
    expect(await lastScan().innerText()).toMatch(/Not scanned yet/);
  });

  it('shows a bad filter at the field and scans nothing', async () => {
    await filterField().fill('e2e/#/x');
    await expect.poll(() => filterField().getAttribute('aria-invalid'), ui).toBe('true');
    expect(await messageOf(filterField())).toContain("'#' may only be the last level");
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    expect(await lastScan().innerText()).toMatch(/Not scanned yet/);
    await filterField().fill('#');
    await expect.poll(() => filterField().getAttribute('aria-invalid'), ui).toBeNull();
  });

  it('scans: finds the 30 seeded topics, says the scan was complete, lists them by topic', async () => {
    await scan(/Found 30 under #.*complete: nothing more arrived/s);
    await expect.poll(() => count().innerText(), ui).toBe('30 of 30 retained');
    const first = dataRows().first();
    await expect.poll(() => first.innerText(), ui).toMatch(/e2e\/a\/dev-0\/state\s+20 B\s+0\s+state 0 \.+/);
    // Numeric order: dev-2 before dev-10.
    expect(await dataRows().nth(2).innerText()).toContain('e2e/a/dev-2/state');
    expect(await dataRows().nth(10).innerText()).toContain('e2e/a/dev-10/state');
    // Not the embedded broker: nobody known set them.
    expect(await first.getByRole('gridcell').nth(5).innerText()).toBe('—');
    expect(await grid().getByRole('columnheader', { name: 'Topic' }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('sorts by size, largest first, then smallest first', async () => {
    const size = grid().getByRole('columnheader', { name: 'Size' });
    await size.getByRole('button').click();
    await expect.poll(() => size.getAttribute('aria-sort'), ui).toBe('descending');
    await expect.poll(() => dataRows().first().innerText(), ui).toMatch(/e2e\/b\/dev-29\/state\s+107 B/);
    expect(await dataRows().nth(1).innerText()).toMatch(/e2e\/b\/dev-28\/state\s+104 B/);
    await size.getByRole('button').click();
    await expect.poll(() => size.getAttribute('aria-sort'), ui).toBe('ascending');
    await expect.poll(() => dataRows().first().innerText(), ui).toMatch(/e2e\/a\/dev-0\/state\s+20 B/);
    await grid().getByRole('columnheader', { name: 'Topic' }).getByRole('button').click();
    await expect.poll(() => grid().getByRole('columnheader', { name: 'Topic' }).getAttribute('aria-sort'), ui).toBe('ascending');
  });

  it('shows a selected message in full, with its 5.0 properties', async () => {
    await dataRows().filter({ hasText: 'e2e/a/dev-1/state' }).click();
    const detail = page.getByRole('region', { name: 'Retained message' });
    await expect.poll(() => detail.innerText(), ui).toContain('e2e/a/dev-1/state');
    // JSON is shown pretty-printed.
    expect(await detail.locator('pre').innerText()).toMatch(/^\{\n {2}"i": 1,/);
    expect(await detail.innerText()).toMatch(/23 bytes\s+QoS 1/);
    expect(await detail.getByRole('table', { name: 'Properties' }).innerText()).toContain('none');
    await detail.getByRole('radio', { name: 'Hex' }).check();
    expect(await detail.locator('pre').innerText()).toMatch(/^00000000 {2}7b 22 69 22/);
  });

  it('searches topics by substring', async () => {
    await page.getByRole('searchbox', { name: 'Search topics' }).fill('DEV-1');
    await expect.poll(() => count().innerText(), ui).toBe('11 of 30 retained');
    const texts = await dataRows().allInnerTexts();
    expect(texts).toHaveLength(11);
    for (const t of texts) expect(t).toMatch(/^e2e\/[ab]\/dev-1\d?\/state/);
    await page.getByRole('searchbox', { name: 'Search topics' }).fill('');
    await expect.poll(() => count().innerText(), ui).toBe('30 of 30 retained');
  });

  let backupFile: string;

  it('clears a subtree after downloading its backup, and the broker keeps exactly the others', async () => {
    await applyFilter('e2e/b/#', /^15 of 30 retained$/);
    await page.getByRole('button', { name: 'Clear all under…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm clear' });
    await dialog.getByRole('heading', { name: 'Clear 15 retained messages?' }).waitFor(ui);
    const listed = await dialog.getByRole('list', { name: 'Topics to clear' }).getByRole('listitem').allInnerTexts();
    expect(listed).toEqual(underB.map((s) => s.topic));
    // The scan of # covers e2e/b/#: the list can be trusted.
    expect(await dialog.innerText()).toContain('Listed from the scan of #');

    const [download] = await Promise.all([page.waitForEvent('download', ui), dialog.getByRole('button', { name: 'Save a backup first' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^retained-backup-e2e_b-.*\.json$/);
    backupFile = await keep(download);
    const backup = JSON.parse(fs.readFileSync(backupFile, 'utf8'));
    expect(backup).toMatchObject({ format: 'mqtt-scope-retained', version: 1, filter: 'e2e/b/#' });
    expect(backup.broker).toContain(`127.0.0.1:${mosquitto.port}`);
    expect(backup.messages.map((m: { topic: string }) => m.topic)).toEqual(underB.map((s) => s.topic));
    for (const s of underB) {
      const m = backup.messages.find((x: { topic: string }) => x.topic === s.topic);
      expect(Buffer.from(m.payloadBase64, 'base64').equals(s.payload), s.topic).toBe(true);
      expect(m.qos).toBe(s.qos);
    }
    await expect.poll(() => dialog.getByRole('status').innerText(), ui).toMatch(/Backup saved: retained-backup-e2e_b-.*\(15 messages\)/);

    await dialog.getByRole('button', { name: 'Clear 15 retained messages' }).click();
    // The check after the clear subscribes and waits for quiet (a second at least): the bar shows meanwhile.
    await page.getByRole('progressbar', { name: 'Clear progress' }).waitFor({ timeout: 10_000 });
    const cleared = report('Clear report');
    await expect.poll(() => cleared.innerText(), ui).toMatch(/Cleared 15 of 15\s+0 failed\s+0 still retained after the check/);
    expect(await cleared.innerText()).toContain('Checked by subscribing again to e2e/b/#.');
    await expect.poll(() => count().innerText(), ui).toBe('0 of 15 retained');

    const seen = await retainedOnBroker(mosquitto.port);
    expect([...seen.keys()].sort()).toEqual(seeded.filter((s) => s.topic.startsWith('e2e/a/')).map((s) => s.topic).sort());
    expectHolds(seen, seeded.filter((s) => s.topic.startsWith('e2e/a/')));
  });

  it('says what is wrong with a file that is not a backup, at the restore control', async () => {
    const restore = page.getByLabel('Restore from file');
    await restore.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
    await expect.poll(() => restore.getAttribute('aria-invalid'), ui).toBe('true');
    expect(await messageOf(restore)).toMatch(/^notes\.json: This is not a retained-messages file of MQTT Scope/);
    await restore.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
    await expect.poll(() => messageOf(restore), ui).toMatch(/^broken\.json: The file is not JSON/);
  });

  it('restores the backup through the file input, byte for byte', async () => {
    const restore = page.getByLabel('Restore from file');
    await restore.setInputFiles(backupFile);
    const restored = report('Restore report');
    await expect.poll(() => restored.innerText(), { timeout: 20_000 }).toMatch(/Restored 15 of 15\s+0 failed\s+0 missing\s+0 different/);
    expect(await restore.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => count().innerText(), ui).toBe('15 of 30 retained');
    const seen = await retainedOnBroker(mosquitto.port);
    expect(seen.size).toBe(30);
    expectHolds(seen, seeded);
  });

  let snapshotFile: string;

  it('saves a snapshot, and compares it with the broker after a change and an addition', async () => {
    await applyFilter('#', /^30 of 30 retained$/);
    await scan(/Found 30 under #/);
    await page.getByRole('tab', { name: 'Snapshots' }).click();
    await page.getByRole('textbox', { name: 'Snapshot name' }).fill('before the update');
    await page.getByRole('button', { name: 'Save snapshot' }).click();
    const item = page.getByRole('list', { name: 'Saved snapshots' }).getByRole('listitem', { name: 'before the update' });
    await expect.poll(() => item.innerText(), ui).toMatch(/30 messages/);

    const [download] = await Promise.all([page.waitForEvent('download', ui), item.getByRole('button', { name: 'Download' }).click()]);
    snapshotFile = await keep(download);
    const snapshot = JSON.parse(fs.readFileSync(snapshotFile, 'utf8'));
    expect(snapshot).toMatchObject({ format: 'mqtt-scope-retained', name: 'before the update', filter: '#' });
    expect(snapshot.messages).toHaveLength(30);

    await mosquittoPub(['-h', '127.0.0.1', '-p', String(mosquitto.port), '-r', '-q', '1', '-t', 'e2e/a/dev-3/state', '-m', 'firmware 2.0']);
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(mosquitto.port), '-r', '-q', '0', '-t', 'e2e/c/new', '-m', 'brand new']);

    await item.getByRole('button', { name: 'Compare' }).click();
    const compared = report('Compare result');
    await expect.poll(() => compared.innerText(), { timeout: 20_000 }).toMatch(/1 added\s+0 removed\s+1 changed\s+29 unchanged/);
    expect(await compared.getByRole('heading', { level: 3 }).innerText()).toBe('Compare with snapshot “before the update”');
    const added = await compared.getByRole('list', { name: 'Added' }).getByRole('listitem').allInnerTexts();
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/e2e\/c\/new[\s\S]*none[\s\S]*9 B\s+QoS 0\s+brand new/);
    const changed = await compared.getByRole('list', { name: 'Changed' }).getByRole('listitem').allInnerTexts();
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/e2e\/a\/dev-3\/state\s+payload and QoS changed[\s\S]*29 B\s+QoS 0\s+state 3 \.+[\s\S]*12 B\s+QoS 1\s+firmware 2\.0/);
    expect(await compared.innerText()).toMatch(/Removed \(0\)\s+None/i);
  });

  it('compares with a file: the downloaded snapshot, and the backup that was restored', async () => {
    const compareFile = page.getByLabel('Compare with file');
    await compareFile.setInputFiles(snapshotFile);
    const compared = report('Compare result');
    await expect.poll(() => compared.innerText(), { timeout: 20_000 }).toMatch(/Compare with file retained-snapshot-.*\.json/);
    expect(await compared.innerText()).toMatch(/1 added\s+0 removed\s+1 changed\s+29 unchanged/);

    await compareFile.setInputFiles(backupFile);
    await expect.poll(() => compared.innerText(), { timeout: 20_000 }).toMatch(/Compare with file retained-backup-[\s\S]*No differences\s+15 unchanged/);
  });

  it('deletes one message from its row, after confirming', async () => {
    await page.getByRole('searchbox', { name: 'Search topics' }).fill('e2e/c/');
    await expect.poll(() => count().innerText(), ui).toBe('1 of 31 retained');
    await dataRows().first().click();
    await dataRows().first().getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm clear' });
    await dialog.getByRole('heading', { name: 'Clear 1 retained message?' }).waitFor(ui);
    expect(await dialog.getByRole('list', { name: 'Topics to clear' }).innerText()).toBe('e2e/c/new');
    await dialog.getByRole('button', { name: 'Clear 1 retained message' }).click();
    await expect.poll(() => report('Clear report').innerText(), ui).toMatch(/Clear of e2e\/c\/new[\s\S]*Cleared 1 of 1/);
    await expect.poll(() => count().innerText(), ui).toBe('0 of 30 retained');
    const seen = await retainedOnBroker(mosquitto.port);
    expect(seen.has('e2e/c/new')).toBe(false);
    expect(seen.size).toBe(30);
    await page.getByRole('searchbox', { name: 'Search topics' }).fill('');
  });
});

describe('the Retained view on the embedded broker', () => {
  it('reads the broker’s store and shows who set each message', async () => {
    await publishRetained(brokerPort, { topic: 'lab/door/state', qos: 1, payload: Buffer.from('open') }, 'e2e-door-sensor');
    await page.getByRole('listbox', { name: 'Connections' }).getByRole('option', { name: /Embedded broker/ }).click();
    await page.getByRole('tab', { name: 'Retained' }).click();
    await page.getByRole('searchbox', { name: 'Search topics' }).fill('');
    await filterField().fill('#');
    await scan(/Found 1 under #.*read from the broker's store \(complete/s);
    const row = dataRows().filter({ hasText: 'lab/door/state' });
    await expect.poll(() => row.getByRole('gridcell').nth(5).innerText(), ui).toBe('e2e-door-sensor');
    expect(await row.getByRole('gridcell').nth(6).innerText()).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(pageErrors).toEqual([]);
  });
});
