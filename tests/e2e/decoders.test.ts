// Decoders end to end, as a user drives them: web mode in Debian's Chromium with the
// embedded broker, messages published by MQTT.js clients of the test's own. A Sparkplug
// NBIRTH shows its metrics; a .proto uploaded and a message type picked for a filter
// decode the fields, and the choice survives a reload; a corrupted payload shows the
// reason and the hex; a 20 MB payload opens without freezing the page and says how much
// is shown. Elements are found by role and name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import protobuf from 'protobufjs';
import sparkplug from 'sparkplug-payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { freePort } from '../helpers/free-port';
import { openTopicInTree } from '../helpers/topic-tree-ui';
import { startWebMode, type WebMode } from '../helpers/web-mode';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'decoders');
const protoPath = path.join(fixtures, 'telemetry.proto');
const uiTimeout = { timeout: 15_000 };
const bigSize = 20 * 1024 * 1024;

let web: WebMode;
let browser: Browser;
let page: Page;
let client: MqttClient;
let brokerPort: number;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-decoders-e2e-'));

function frameBytes(): Uint8Array {
  const Frame = protobuf.parse(fs.readFileSync(protoPath, 'utf8'), { keepCase: true }).root.lookupType('acme.telemetry.Frame');
  return Frame.encode(Frame.fromObject({ device_id: 'pump-7', sequence: '18446744073709551615', temperature: 21.5, health: 1, readings: [{ sensor: 'inlet', value: 3.25 }] })).finish();
}

beforeAll(async () => {
  brokerPort = await freePort();
  // The embedded broker refuses packets over 1 MiB by default; the 20 MB payload needs more.
  fs.writeFileSync(
    path.join(dataDir, 'broker.json'),
    JSON.stringify({ format: 'mqtt-scope-broker', version: 1, host: '127.0.0.1', port: brokerPort, requireAuth: false, users: [], tls: { enabled: false, port: 8883, certFile: '', keyFile: '' }, limits: { maxPacketBytes: 64 * 1024 * 1024, maxInflight: 20, maxConnections: 100 } }),
  );
  web = await startWebMode(['--broker-port', String(brokerPort), '--no-demo'], { dataDir });
  client = await mqtt.connectAsync({ host: '127.0.0.1', port: brokerPort, clientId: 'e2e-decoders', reconnectPeriod: 0 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(web.url);
  await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: 'Connected' }).waitFor(uiTimeout);
});

afterAll(async () => {
  await browser?.close();
  await client?.endAsync().catch(() => undefined);
  await web?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const payload = () => page.getByRole('region', { name: 'Payload' });
const decoder = () => payload().getByRole('combobox', { name: 'Decoder' });

/** Opens the topic and its newest message. */
async function openTopic(levels: string[]): Promise<void> {
  await openTopicInTree(page, levels);
  await page.getByRole('list', { name: 'Message history' }).getByRole('listitem').first().click();
}

describe('decoders in Chromium', () => {
  it('a Sparkplug NBIRTH shows as a node birth certificate with its metrics', async () => {
    const nbirth = sparkplug.get('spBv1.0')!.encodePayload({
      timestamp: 1_700_000_000_000,
      seq: 0,
      metrics: [
        { name: 'bdSeq', type: 'UInt64', value: 3 },
        { name: 'Temperature', type: 'Float', value: 21.5, timestamp: 1_700_000_000_000 },
        { name: 'Offset', type: 'Int16', value: -42 },
      ],
    });
    await client.publishAsync('spBv1.0/plant/NBIRTH/edge-1', Buffer.from(nbirth), { qos: 1 });
    await openTopic(['spBv1.0', 'plant', 'NBIRTH', 'edge-1']);
    const metrics = payload().getByRole('table', { name: 'Sparkplug metrics' });
    await metrics.waitFor(uiTimeout);
    expect(await decoder().locator('option:checked').innerText()).toBe('Automatic (Sparkplug B)');
    expect(await payload().innerText()).toContain('NBIRTH · Node birth certificate');
    const row = (name: string) => metrics.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    expect(await row('Temperature').innerText()).toMatch(/Float\s+21\.5\s+22:13:20\.000/);
    expect(await row('Offset').innerText()).toMatch(/Int16\s+-42/);
    expect(await row('bdSeq').innerText()).toMatch(/UInt64\s+3/);
  });

  it('a .proto uploaded and a message type picked for a filter decode the fields, and a reload remembers it', async () => {
    await client.publishAsync('factory/p1/frame', Buffer.from(frameBytes()), { qos: 1 });
    await openTopic(['factory', 'p1', 'frame']);
    await decoder().selectOption('protobuf');
    const section = payload().getByRole('region', { name: 'Protobuf' });
    await expect.poll(() => payload().getByRole('alert').innerText(), uiTimeout).toBe('Protobuf needs a .proto file: add one and pick it for this topic.');

    // A file that does not parse is refused with protobufjs's message, at the upload.
    await section.getByLabel('Add .proto file').setInputFiles(path.join(fixtures, 'broken.proto'));
    await expect.poll(() => section.getByRole('alert').innerText(), uiTimeout).toMatch(/^broken\.proto does not parse: illegal token 'int32'/);

    await section.getByLabel('Add .proto file').setInputFiles(protoPath);
    await expect.poll(() => section.getByRole('combobox', { name: '.proto file' }).inputValue(), uiTimeout).toBe('telemetry.proto');
    await section.getByRole('combobox', { name: 'Message type' }).selectOption('acme.telemetry.Frame');
    const fields = payload().getByRole('tree', { name: 'Decoded fields' });
    await expect.poll(() => fields.innerText(), uiTimeout).toMatch(/device_id:\s*"pump-7"/);
    expect(await fields.innerText()).toMatch(/sequence:\s*18446744073709551615/);
    expect(await fields.innerText()).toMatch(/health:\s*"OK"/);

    await payload().getByRole('textbox', { name: 'Remember for' }).fill('factory/#');
    await payload().getByRole('button', { name: 'Remember', exact: true }).click();
    await expect.poll(() => payload().getByRole('status').filter({ hasText: 'Remembered' }).innerText(), uiTimeout).toBe('Remembered: Protobuf for factory/#');

    await page.reload();
    await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: 'Connected' }).waitFor(uiTimeout);
    await openTopic(['factory', 'p1', 'frame']);
    await expect.poll(() => payload().getByRole('tree', { name: 'Decoded fields' }).innerText(), uiTimeout).toMatch(/device_id:\s*"pump-7"/);
    expect(await decoder().locator('option:checked').innerText()).toBe('As remembered (Protobuf)');
    expect(await payload().innerText()).toContain('remembered for factory/#');
  });

  it('a corrupted payload under the rule shows the reason in words and the bytes in hex', async () => {
    const bytes = frameBytes();
    await client.publishAsync('factory/p2/broken', Buffer.from(bytes.subarray(0, bytes.length - 4)), { qos: 1 });
    await openTopic(['factory', 'p2', 'broken']);
    await expect.poll(() => payload().getByRole('alert').innerText(), uiTimeout).toMatch(/^Not valid Protobuf \(Frame\): .*offset \d+/);
    const hex = payload().getByRole('table', { name: 'Payload bytes' });
    expect(await hex.getByRole('row').first().innerText()).toMatch(/^0000\s+0a 06 70 75 6d 70 2d 37/);
  });

  it('a 20 MB payload opens without freezing the page and says how much is shown', async () => {
    const big = Buffer.alloc(bigSize);
    for (let i = 0; i < big.length; i += 4) big.writeUInt32LE((i * 2654435761) >>> 0, i);
    await client.publishAsync('big/blob', big, { qos: 1 });
    // The page's longest main-thread task while the payload opens (a script string: no DOM types here).
    await page.evaluate(`window.longest = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration); }).observe({ type: 'longtask' });`);
    await openTopic(['big', 'blob']);
    // A click elsewhere answers while the payload opens.
    const started = Date.now();
    const properties = page.getByRole('region', { name: 'Publish' }).getByRole('button', { name: /Properties/ });
    await properties.click();
    await expect.poll(() => properties.getAttribute('aria-expanded'), { timeout: 2000 }).toBe('true');
    expect(Date.now() - started).toBeLessThan(2000);
    const notice = payload().getByRole('note', { name: 'Payload shown' });
    await expect.poll(() => notice.innerText(), uiTimeout).toMatch(/^Showing 1 MB of 20 MB/);
    const hex = payload().getByRole('table', { name: 'Payload bytes' });
    expect(await hex.getAttribute('aria-rowcount')).toBe(String((1024 * 1024) / 16));
    expect(await hex.getByRole('row').count()).toBeLessThan(200);

    await notice.getByRole('button', { name: 'Load all' }).click();
    await expect.poll(() => hex.getAttribute('aria-rowcount'), { timeout: 30_000 }).toBe(String(bigSize / 16));
    expect(await payload().getByRole('note', { name: 'Payload shown' }).count()).toBe(0);
    const longest = (await page.evaluate('window.longest')) as number;
    expect(longest).toBeLessThan(1000);
  });
});
