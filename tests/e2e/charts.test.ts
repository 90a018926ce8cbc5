// Charts and diffs end to end in Chromium (web mode, the embedded broker, an MQTT.js
// publisher of the test's own): N numbers published make a chart that says N points
// and a CSV of N rows; a JSON path series reads inside payloads and counts what is not
// a number; pause holds the picture; the diff of two JSON messages names the changed key.
import fs from 'node:fs';
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { freePort } from '../helpers/free-port';
import { openTopicInTree } from '../helpers/topic-tree-ui';
import { startWebMode, type WebMode } from '../helpers/web-mode';

let web: WebMode;
let browser: Browser;
let page: Page;
let client: MqttClient;
const uiTimeout = { timeout: 15_000 };

beforeAll(async () => {
  const brokerPort = await freePort();
  web = await startWebMode(['--broker-port', String(brokerPort), '--no-demo']);
  client = await mqtt.connectAsync({ host: '127.0.0.1', port: brokerPort, clientId: 'e2e-charts', reconnectPeriod: 0 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  await page.goto(web.url);
  await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: 'Connected' }).waitFor(uiTimeout);
});

afterAll(async () => {
  await browser?.close();
  await client?.endAsync().catch(() => undefined);
  await web?.stop();
});

const tab = (name: string) => page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name, exact: true });
const chart = () => page.getByRole('region', { name: 'Chart' });
const chartStatus = () => chart().getByRole('status', { name: 'Chart status' });
const history = () => page.getByRole('region', { name: 'History' });

async function publishAll(topic: string, payloads: string[]): Promise<void> {
  for (const p of payloads) await client.publishAsync(topic, p, { qos: 1 });
}

async function openTopic(levels: string[], messages: number): Promise<void> {
  await tab('Topics').click();
  await openTopicInTree(page, levels);
  await expect.poll(() => history().innerText(), uiTimeout).toContain(`${messages} ${messages === 1 ? 'message' : 'messages'} kept`);
}

async function download(button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), chart().getByRole('button', { name: button }).click()]);
  return fs.readFileSync(await file.path());
}

describe('charts in Chromium', () => {
  const n = 24;
  const values = Array.from({ length: n }, (_, i) => Math.round((20 + Math.sin(i / 3) * 4) * 100) / 100);

  it('N numeric messages charted from the history show N points, and the CSV has N rows', async () => {
    await publishAll('lab/temp', values.map(String));
    await openTopic(['lab', 'temp'], n);
    await history().getByRole('button', { name: 'Chart lab/temp' }).click();
    expect(await tab('Charts').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => chartStatus().innerText(), uiTimeout).toBe(`${n} points`);

    const csv = (await download('Export CSV')).toString('utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe('time,epoch_ms,lab/temp');
    expect(csv).toHaveLength(n + 1);
    expect(csv.slice(1).map((line) => Number(line.split(',')[2]))).toEqual(values);

    const png = await download('Export PNG');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('a JSON path series reads inside the payloads, live, and counts a value that is not a number', async () => {
    const form = chart().getByRole('form', { name: 'Add a series' });
    await form.getByRole('combobox', { name: 'Topic' }).fill('lab/device');
    await form.getByRole('combobox', { name: 'JSON path' }).fill('$.sensors[0].value');
    await form.getByRole('button', { name: 'Add series' }).click();
    const item = chart().getByRole('list', { name: 'Series' }).getByRole('listitem').filter({ hasText: 'lab/device' });
    await item.waitFor(uiTimeout);
    await publishAll('lab/device', [1, 2, 3, 4, 5].map((v) => JSON.stringify({ id: 'd1', sensors: [{ value: v * 1.5 }] })));
    await publishAll('lab/device', [JSON.stringify({ id: 'd1', sensors: [{ value: 'broken' }] })]);
    await expect.poll(() => item.innerText(), uiTimeout).toMatch(/5 points\s*1 not a number \(last: "broken" is not a number\)/);
    await expect.poll(() => chartStatus().innerText(), uiTimeout).toBe(`${n + 5} points, 1 message not a number`);
    const csv = (await download('Export CSV')).toString('utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe('time,epoch_ms,lab/temp,lab/device $.sensors[0].value');
    expect(csv.slice(1).map((line) => line.split(',')[3]).filter((v) => v !== '')).toEqual(['1.5', '3', '4.5', '6', '7.5']);
  });

  it('refuses an unsupported JSON path at its field', async () => {
    const form = chart().getByRole('form', { name: 'Add a series' });
    await form.getByRole('combobox', { name: 'Topic' }).fill('lab/device');
    const path = form.getByRole('combobox', { name: 'JSON path' });
    await path.fill('$.sensors[*].value');
    await form.getByRole('button', { name: 'Add series' }).click();
    await expect.poll(() => path.getAttribute('aria-invalid'), uiTimeout).toBe('true');
    expect(await form.innerText()).toMatch(/Filters, slices and wildcards are not supported at position 11/);
    expect(await chart().getByRole('list', { name: 'Series' }).getByRole('listitem').count()).toBe(2);
  });

  it('pause holds the picture while points keep arriving; resume shows them', async () => {
    const pause = chart().getByRole('button', { name: 'Pause' });
    await pause.click();
    await publishAll('lab/temp', ['30', '31']);
    await expect.poll(() => chartStatus().innerText(), uiTimeout).toBe(`${n + 5} points, 1 message not a number — paused, 2 new waiting`);
    await chart().getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => chartStatus().innerText(), uiTimeout).toBe(`${n + 7} points, 1 message not a number`);
  });

  it('dragging across the chart zooms in; double-click shows all points again', async () => {
    const reset = chart().getByRole('button', { name: 'Reset zoom' });
    expect(await reset.isDisabled()).toBe(true);
    const plot = chart().locator('.u-over');
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => reset.isDisabled(), uiTimeout).toBe(false);
    await plot.dblclick();
    await expect.poll(() => reset.isDisabled(), uiTimeout).toBe(true);
  });

  it('removing a series takes its points off the chart', async () => {
    await chart().getByRole('button', { name: 'Remove series lab/device $.sensors[0].value' }).click();
    await expect.poll(() => chartStatus().innerText(), uiTimeout).toBe(`${n + 2} points`);
  });
});

describe('diff in Chromium', () => {
  it('compares a JSON message with the previous one, naming the changed, added and removed keys', async () => {
    await publishAll('lab/config', [JSON.stringify({ mode: 'auto', target: 21, fan: { speed: 2 }, legacy: true }), JSON.stringify({ mode: 'auto', target: 22.5, fan: { speed: 3 }, battery: 97 })]);
    await openTopic(['lab', 'config'], 2);
    await history().getByRole('button', { name: 'Compare with previous' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare messages' });
    const table = dialog.getByRole('table', { name: 'Changed JSON values' });
    await table.waitFor(uiTimeout);
    expect(await dialog.getByRole('paragraph').filter({ hasText: 'Before:' }).innerText()).toMatch(/Before: #0 at [\d:.]+ \(\d+ B\)\s*→\s*After: #1 at/);
    expect(await dialog.getByRole('status').innerText()).toBe('JSON: 4 values differ — 2 changed, 1 added, 1 removed.');
    const row = (path: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: path, exact: true }) });
    expect(await row('$.target').innerText()).toMatch(/changed\s+21\s+22\.5/);
    expect(await row('$.fan.speed').innerText()).toMatch(/changed\s+2\s+3/);
    expect(await row('$.battery').innerText()).toMatch(/added\s+97/);
    expect(await row('$.legacy').innerText()).toMatch(/removed\s+true/);
    expect(await row('$.target').getAttribute('class')).toBe('diff-changed');
    await dialog.getByRole('button', { name: 'Close comparison' }).click();
    await dialog.waitFor({ state: 'detached', ...uiTimeout });
  });

  it('"Compare with…" lets the user pick the other message in the list', async () => {
    await publishAll('lab/config', ['plain text\nsecond line']);
    const list = history().getByRole('list', { name: 'Message history' });
    await expect.poll(() => list.getByRole('listitem').count(), uiTimeout).toBe(3);
    await list.getByRole('listitem').first().click();
    await history().getByRole('button', { name: 'Compare with…' }).click();
    await list.getByRole('listitem').nth(2).click();
    const dialog = page.getByRole('dialog', { name: 'Compare messages' });
    await dialog.getByRole('list', { name: 'Changed lines' }).waitFor(uiTimeout);
    expect(await dialog.getByRole('status').innerText()).toBe('Text: 2 lines added, 1 line removed.');
    expect(await dialog.innerText()).toMatch(/Before: #0 .*After: #2/s);
  });
});
