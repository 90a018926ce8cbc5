// Publishing end to end, as a user drives it: web mode in Debian's Chromium, a mosquitto
// started here, and MQTT.js clients of the test's own that watch what arrives (byte for
// byte, with the 5.0 properties) and answer requests. Elements are found by role and name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { freePort } from '../helpers/free-port';
import { startMosquitto, type MosquittoBroker } from '../helpers/mosquitto';
import { waitFor } from '../helpers/wait-for';
import { startWebMode, type WebMode } from '../helpers/web-mode';

interface Received {
  topic: string;
  payload: Buffer;
  packet: IPublishPacket;
}

let mosquitto: MosquittoBroker;
let web: WebMode;
let browser: Browser;
let page: Page;
let observer: MqttClient;
let responder5: MqttClient;
let responder311: MqttClient;
const received: Received[] = [];
const requests: { v5: IPublishPacket[]; v311: unknown[] } = { v5: [], v311: [] };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-publish-e2e-'));
const uiTimeout = { timeout: 15_000 };

beforeAll(async () => {
  mosquitto = await startMosquitto();
  web = await startWebMode(['--broker-port', String(await freePort()), '--no-demo']);

  // An independent 5.0 subscriber: what it receives is what the broker delivered.
  observer = await mqtt.connectAsync(mosquitto.url, { protocolVersion: 5, clientId: 'e2e-observer', reconnectPeriod: 0 });
  observer.on('message', (topic, payload, packet) => received.push({ topic, payload: Buffer.from(payload), packet }));
  await observer.subscribeAsync('pub/#', { qos: 2 });

  // Answers on the Response Topic with the request's Correlation Data (MQTT 5.0 style).
  responder5 = await mqtt.connectAsync(mosquitto.url, { protocolVersion: 5, clientId: 'e2e-responder-5', reconnectPeriod: 0 });
  responder5.on('message', (_topic, payload, packet) => {
    requests.v5.push(packet);
    const p = packet.properties ?? {};
    if (p.responseTopic) responder5.publish(p.responseTopic, `pong:${payload.toString()}`, { qos: 1, properties: { correlationData: p.correlationData, contentType: 'text/plain' } });
  });
  await responder5.subscribeAsync('svc/echo', { qos: 1 });

  // 3.1.1 style: the reply topic and correlation come inside the JSON payload.
  responder311 = await mqtt.connectAsync(mosquitto.url, { protocolVersion: 4, clientId: 'e2e-responder-311', reconnectPeriod: 0 });
  responder311.on('message', (_topic, payload) => {
    const body = JSON.parse(payload.toString()) as { replyTo: string; correlationId: string; n: number };
    requests.v311.push(body);
    responder311.publish(body.replyTo, JSON.stringify({ correlationId: body.correlationId, result: body.n * 2 }), { qos: 1 });
  });
  await responder311.subscribeAsync('svc311/echo', { qos: 1 });

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(web.url);
  await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: 'Connected' }).waitFor(uiTimeout);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([observer, responder5, responder311].map((c) => c?.endAsync().catch(() => undefined)));
  await web?.stop();
  await mosquitto?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const panel = () => page.getByRole('region', { name: 'Publish' });
const topicField = () => panel().getByRole('combobox', { name: 'Topic', exact: true });
const payloadField = () => panel().getByRole('textbox', { name: 'Payload', exact: true });
const publishButton = () => panel().getByRole('button', { name: 'Publish', exact: true });
const format = (name: 'Text' | 'JSON' | 'Hex' | 'Base64') => panel().getByRole('radiogroup', { name: 'Payload format' }).getByRole('radio', { name, exact: true });
const toggle = (name: RegExp) => panel().getByRole('button', { name });
const properties = () => panel().getByRole('group', { name: 'MQTT 5.0 properties' });

async function connectTo(url: string, version: '4' | '5'): Promise<void> {
  await page.getByRole('button', { name: 'New connection' }).click();
  const form = page.getByRole('form', { name: 'New connection' });
  await form.getByRole('textbox', { name: 'Broker URL' }).fill(url);
  await form.getByRole('combobox', { name: 'MQTT version' }).selectOption(version);
  await form.getByRole('textbox', { name: 'Subscription filter 1' }).fill('#');
  await form.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect.poll(() => page.getByRole('status', { name: 'Connection status' }).innerText(), uiTimeout).toMatch(/^(?!.*Reconnecting).*Connected/s);
  await expect.poll(() => panel().innerText(), uiTimeout).toContain(version === '5' ? 'MQTT 5.0' : 'MQTT 3.1.1');
}

/** The message under a field (its aria-describedby). */
async function messageOf(field: Locator): Promise<string> {
  const id = await field.getAttribute('aria-describedby');
  if (!id) throw new Error('the field has no aria-describedby');
  return page.locator(`[id="${id}"]`).innerText();
}

/** A new payload in another format: cleared first, since a switch keeps the bytes (and refuses to show non-text bytes as text). */
async function setPayload(name: 'Text' | 'JSON' | 'Hex' | 'Base64', text: string): Promise<void> {
  await payloadField().fill('');
  await format(name).check();
  await payloadField().fill(text);
}

async function openSection(name: RegExp): Promise<void> {
  const button = toggle(name);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

async function publishAndWait(topic: string): Promise<Received> {
  const before = received.length;
  await publishButton().click();
  await panel().getByText(new RegExp(`Published to ${topic.replace(/[/+]/g, '\\$&')} \\(`)).waitFor(uiTimeout);
  return waitFor(() => received.slice(before).find((m) => m.topic === topic), { what: `a message on ${topic} at the observer` });
}

describe('publishing in Chromium', () => {
  it('publishes JSON with 5.0 properties, which arrive byte for byte at an independent subscriber', async () => {
    await connectTo(mosquitto.url, '5');
    await topicField().fill('pub/json');
    await format('JSON').check();
    // A 64-bit id: Format JSON must re-indent it, not round it through a JavaScript number.
    await payloadField().fill('{"setpoint":21.5,"id":12345678901234567890,"tags":["a","b"]}');
    await panel().getByRole('button', { name: 'Format JSON' }).click();
    const formatted = '{\n  "setpoint": 21.5,\n  "id": 12345678901234567890,\n  "tags": [\n    "a",\n    "b"\n  ]\n}';
    expect(await payloadField().inputValue()).toBe(formatted);
    expect(await panel().innerText()).toContain(`${Buffer.byteLength(formatted)} bytes`);

    await openSection(/^Properties/);
    await properties().getByRole('textbox', { name: 'Content type' }).fill('application/json');
    await properties().getByRole('checkbox', { name: 'Payload is UTF-8' }).check();
    await properties().getByRole('spinbutton', { name: 'Message expiry (s)' }).fill('3600');
    await properties().getByRole('textbox', { name: 'Correlation data' }).fill('req-42');
    await properties().getByRole('button', { name: 'Add user property' }).click();
    await properties().getByRole('button', { name: 'Add user property' }).click();
    await properties().getByRole('textbox', { name: 'User property 1 name' }).fill('site');
    await properties().getByRole('textbox', { name: 'User property 1 value' }).fill('lab');
    await properties().getByRole('textbox', { name: 'User property 2 name' }).fill('owner');
    await properties().getByRole('textbox', { name: 'User property 2 value' }).fill('e2e ü');
    expect(await toggle(/^Properties/).innerText()).toContain('6 set');

    const m = await publishAndWait('pub/json');
    expect(m.payload.equals(Buffer.from(formatted, 'utf8'))).toBe(true);
    expect(m.packet.properties?.contentType).toBe('application/json');
    expect(m.packet.properties?.payloadFormatIndicator).toBe(true);
    expect(m.packet.properties?.messageExpiryInterval).toBeLessThanOrEqual(3600);
    expect(m.packet.properties?.userProperties).toEqual({ site: 'lab', owner: 'e2e ü' });
    expect(Buffer.from(m.packet.properties?.correlationData ?? []).toString('utf8')).toBe('req-42');
    expect(await panel().innerText()).toContain(`Published to pub/json (${Buffer.byteLength(formatted)} bytes)`);
  });

  it('publishes hex digits and a file as exactly their bytes', async () => {
    // The properties stay from before: a binary payload cannot be marked UTF-8, said at the checkbox.
    await topicField().fill('pub/hex');
    await format('Hex').check();
    await payloadField().fill('de ad be ef 00 ff 7f 80');
    const utf8 = properties().getByRole('checkbox', { name: 'Payload is UTF-8' });
    await expect.poll(() => utf8.getAttribute('aria-invalid'), uiTimeout).toBe('true');
    expect(await messageOf(utf8)).toContain('not valid UTF-8');
    await utf8.uncheck();
    expect(await utf8.getAttribute('aria-invalid')).toBeNull();
    expect(await panel().innerText()).toContain('8 bytes');
    const hex = await publishAndWait('pub/hex');
    expect(hex.payload.equals(Buffer.from('deadbeef00ff7f80', 'hex'))).toBe(true);

    const bytes = Buffer.alloc(3000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + (i >> 8)) & 0xff;
    const file = path.join(tmp, 'frame.bin');
    fs.writeFileSync(file, bytes);
    await topicField().fill('pub/file');
    await panel().getByLabel('Payload from file').setInputFiles(file);
    await expect.poll(() => format('Base64').isChecked(), uiTimeout).toBe(true);
    expect(await messageOf(payloadField())).toContain('frame.bin (3,000 bytes)');
    const fromFile = await publishAndWait('pub/file');
    expect(fromFile.payload.equals(bytes)).toBe(true);
    expect(await panel().innerText()).toContain('Published to pub/file (3,000 bytes)');
  });

  it('shows a wildcard topic, invalid JSON and odd hex at their fields and publishes nothing', async () => {
    const mark = received.length;
    await topicField().fill('pub/+/bad');
    // Switching a binary payload to Text is refused (it would change the bytes), and said.
    await format('Text').click();
    expect(await format('Base64').isChecked()).toBe(true);
    expect(await messageOf(payloadField())).toContain('not UTF-8 text');
    await setPayload('Text', 'never sent');
    // Live, before any Publish.
    await expect.poll(() => topicField().getAttribute('aria-invalid'), uiTimeout).toBe('true');
    expect(await messageOf(topicField())).toContain('cannot contain the wildcards');
    await publishButton().click();
    expect(await messageOf(topicField())).toContain('cannot contain the wildcards');

    await topicField().fill('pub/bad');
    expect(await topicField().getAttribute('aria-invalid')).toBeNull();
    await setPayload('JSON', '{"setpoint": 21.5,');
    await expect.poll(() => payloadField().getAttribute('aria-invalid'), uiTimeout).toBe('true');
    expect(await messageOf(payloadField())).toContain('not valid JSON');
    await publishButton().click();
    // Ctrl+Enter publishes too, and is refused the same way.
    await payloadField().press('Control+Enter');
    expect(await messageOf(payloadField())).toContain('not valid JSON');

    await setPayload('Hex', 'abc');
    await expect.poll(() => messageOf(payloadField()), uiTimeout).toContain('odd number of digits');
    await publishButton().click();
    expect(await payloadField().getAttribute('aria-invalid')).toBe('true');

    // The sentinel: once it is in, anything sent before it would be in too.
    await setPayload('Text', 'sentinel');
    await topicField().fill('pub/sentinel');
    await payloadField().press('Control+Enter');
    await waitFor(() => received.slice(mark).some((m) => m.topic === 'pub/sentinel'), { what: 'the sentinel at the observer' });
    expect(received.slice(mark).map((m) => `${m.topic} ${m.payload.toString()}`)).toEqual(['pub/sentinel sentinel']);
  });

  it('repeats a publish 20 times every 20 ms and counts them', async () => {
    await topicField().fill('pub/repeat');
    await payloadField().fill('tick');
    await openSection(/^Repeat/);
    const section = panel().getByRole('group', { name: 'Repeat' });
    await section.getByRole('spinbutton', { name: 'Every (ms)' }).fill('20');
    await section.getByRole('spinbutton', { name: 'Times' }).fill('20');
    const mark = received.length;
    await section.getByRole('button', { name: 'Start repeat' }).click();
    await expect.poll(() => section.innerText(), uiTimeout).toMatch(/Done\s+pub\/repeat: sent 20 of 20/);
    expect(await section.getByRole('progressbar').getAttribute('value')).toBe('20');
    await waitFor(() => received.slice(mark).filter((m) => m.topic === 'pub/repeat').length >= 20, { what: '20 repeats at the observer' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.slice(mark).filter((m) => m.topic === 'pub/repeat').length).toBe(20);
  });

  it('stops a long repeat with Stop', async () => {
    await topicField().fill('pub/long');
    const section = panel().getByRole('group', { name: 'Repeat' });
    await section.getByRole('spinbutton', { name: 'Every (ms)' }).fill('10');
    await section.getByRole('spinbutton', { name: 'Times' }).fill('100000');
    const count = () => received.filter((m) => m.topic === 'pub/long').length;
    await section.getByRole('button', { name: 'Start repeat' }).click();
    await expect.poll(() => section.innerText(), uiTimeout).toMatch(/Repeating\s+pub\/long: sent \d+ of 100,000/);
    // Closed, the section's toggle still shows the count.
    await expect.poll(() => toggle(/^Repeat/).innerText(), uiTimeout).toMatch(/sent \d+ of 100,000/);
    await waitFor(() => count() >= 10, { what: 'the long repeat under way at the observer' });
    await section.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => section.innerText(), uiTimeout).toMatch(/Stopped\s+pub\/long: sent [\d,]+ of 100,000/);
    expect(await section.getByRole('button', { name: 'Start repeat' }).isVisible()).toBe(true);
    // Whatever was sent before the stop arrives; then nothing more.
    const sentText = () => section.innerText().then((t) => Number(/sent ([\d,]+) of/.exec(t)![1].replace(/,/g, '')));
    await expect.poll(async () => count() === (await sentText()), uiTimeout).toBe(true);
    const settled = count();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(count()).toBe(settled);
    expect(settled).toBeLessThan(1000);
  });

  it('sends a request on a 5.0 connection with properties and shows the round trip and the reply', async () => {
    await topicField().fill('svc/echo');
    await setPayload('Text', 'ping');
    await openSection(/^Request/);
    const section = panel().getByRole('group', { name: 'Request and response' });
    expect(await section.getByRole('textbox', { name: 'Reply topic', exact: true }).inputValue()).toBe('svc/echo/reply');
    const correlation = await section.getByRole('textbox', { name: 'Correlation', exact: true }).inputValue();
    expect(correlation).toMatch(/^[0-9a-f]{16}$/);
    expect(await section.getByRole('radio', { name: 'MQTT 5 properties' }).isChecked()).toBe(true);
    await section.getByRole('button', { name: 'Send request' }).click();
    await expect.poll(() => section.innerText(), uiTimeout).toMatch(/Reply in \d+(\.\d)? ms on svc\/echo\/reply/);
    expect(await section.getByLabel('Reply payload').innerText()).toBe('pong:ping');
    expect(await section.getByRole('definition').allInnerTexts()).toContain(`0x${Buffer.from(correlation).toString('hex')}`);
    const request = requests.v5.at(-1)!;
    expect(request.properties?.responseTopic).toBe('svc/echo/reply');
    expect(Buffer.from(request.properties?.correlationData ?? []).toString()).toBe(correlation);
    expect(await toggle(/^Request/).innerText()).toMatch(/\d+(\.\d)? ms/);
  });

  it('sends a request on a 3.1.1 connection with JSON fields, where the properties are off and say why', async () => {
    await connectTo(mosquitto.url, '4');
    const off = toggle(/^Properties/);
    expect(await off.isDisabled()).toBe(true);
    expect(await off.innerText()).toContain('off: MQTT 3.1.1 has no properties');
    expect(await properties().count()).toBe(0);

    await topicField().fill('svc311/echo');
    await setPayload('JSON', '{"n": 21}');
    await openSection(/^Request/);
    const section = panel().getByRole('group', { name: 'Request and response' });
    expect(await section.getByRole('radio', { name: 'Fields in the JSON payload' }).isChecked()).toBe(true);
    expect(await section.getByRole('radio', { name: 'MQTT 5 properties' }).isDisabled()).toBe(true);
    expect(await section.getByRole('textbox', { name: 'Reply topic key' }).inputValue()).toBe('replyTo');
    expect(await section.getByRole('textbox', { name: 'Correlation key' }).inputValue()).toBe('correlationId');
    await section.getByRole('button', { name: 'New' }).click();
    const correlation = await section.getByRole('textbox', { name: 'Correlation', exact: true }).inputValue();
    await section.getByRole('button', { name: 'Send request' }).click();
    await expect.poll(() => section.innerText(), uiTimeout).toMatch(/Reply in \d+(\.\d)? ms on svc311\/echo\/reply/);
    expect(JSON.parse(await section.getByLabel('Reply payload').innerText())).toEqual({ correlationId: correlation, result: 42 });
    expect(requests.v311.at(-1)).toEqual({ n: 21, replyTo: 'svc311/echo/reply', correlationId: correlation });

    // Nobody answers here: the UI says how long it waited.
    await topicField().fill('svc311/nobody');
    await section.getByRole('spinbutton', { name: 'Timeout (ms)' }).fill('300');
    await section.getByRole('button', { name: 'Send request' }).click();
    await expect.poll(() => section.innerText(), uiTimeout).toContain('No reply within 300 ms');
  });

  it('opens the handshake of the last publish in the Timeline, and keeps the form', async () => {
    await topicField().fill('pub/handshake');
    await setPayload('Text', 'qos 1');
    await panel().getByRole('combobox', { name: 'QoS' }).selectOption('1');
    await publishAndWait('pub/handshake');
    await panel().getByRole('button', { name: 'Show handshake' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Timeline' }).getAttribute('aria-selected'), uiTimeout).toBe('true');
    const diagram = page.getByRole('figure', { name: /Sequence diagram .* on pub\/handshake/ });
    await diagram.waitFor(uiTimeout);
    const labels = (await diagram.locator('text').allTextContents()).join(' ');
    expect(labels).toContain('PUBLISH');
    expect(labels).toContain('PUBACK');

    await page.getByRole('tab', { name: 'Topics' }).click();
    expect(await topicField().inputValue()).toBe('pub/handshake');
    expect(await payloadField().inputValue()).toBe('qos 1');
    expect(await panel().innerText()).toContain('Published to pub/handshake');
  });

  it('suggests topics already seen on the connection as the topic is typed', async () => {
    await topicField().fill('svc311/');
    await expect
      .poll(() => panel().locator('datalist option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value)), uiTimeout)
      .toEqual(['svc311/echo', 'svc311/echo/reply', 'svc311/nobody']);
  });

  it('loads history entries and saved messages back into the form', async () => {
    await openSection(/^Library/);
    const section = panel().getByRole('group', { name: 'Library' });
    const history = section.getByRole('list', { name: 'Publish history' });
    // Newest first.
    await expect.poll(() => history.getByRole('listitem').first().innerText(), uiTimeout).toContain('pub/handshake');
    await history.getByRole('button').filter({ hasText: 'pub/json' }).first().click();
    expect(await topicField().inputValue()).toBe('pub/json');
    expect(await format('JSON').isChecked()).toBe(true);
    expect(await payloadField().inputValue()).toContain('"id": 12345678901234567890');

    // A payload larger than the history keeps: the entry and the form say so.
    const big = path.join(tmp, 'big.bin');
    fs.writeFileSync(big, Buffer.alloc(70 * 1024, 0x41));
    await topicField().fill('pub/big');
    await panel().getByLabel('Payload from file').setInputFiles(big);
    await publishAndWait('pub/big');
    const bigEntry = history.getByRole('listitem').first();
    await expect.poll(() => bigEntry.innerText(), uiTimeout).toContain('Payload not kept: 70 KB');
    await bigEntry.getByRole('button').click();
    expect(await topicField().inputValue()).toBe('pub/big');
    expect(await messageOf(payloadField())).toContain('The history did not keep this payload (70 KB)');
    // Publishing now would send an empty payload in its place: refused at the field.
    await publishButton().click();
    await expect.poll(() => payloadField().getAttribute('aria-invalid'), uiTimeout).toBe('true');
    expect(await messageOf(payloadField())).toContain('did not keep this payload');

    await topicField().fill('lab/lamp/set');
    await setPayload('Text', 'on');
    await section.getByRole('button', { name: 'Save as…' }).click();
    const saveForm = section.getByRole('form', { name: 'Save message' });
    await saveForm.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await messageOf(saveForm.getByRole('textbox', { name: 'Name' }))).toContain('Give the saved message a name');
    await saveForm.getByRole('textbox', { name: 'Name' }).fill('Lamp on');
    await saveForm.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = section.getByRole('list', { name: 'Saved messages' });
    await expect.poll(() => saved.innerText(), uiTimeout).toContain('Lamp on');

    await topicField().fill('elsewhere');
    await payloadField().fill('off');
    await saved.getByRole('button').filter({ hasText: 'Lamp on' }).click();
    expect(await topicField().inputValue()).toBe('lab/lamp/set');
    expect(await payloadField().inputValue()).toBe('on');

    await saved.getByRole('button', { name: 'Delete Lamp on' }).click();
    await expect.poll(() => saved.count(), uiTimeout).toBe(0);
    await section.getByRole('button', { name: 'Clear history' }).click();
    await expect.poll(() => section.innerText(), uiTimeout).toContain('Nothing published to this broker yet.');
  });
});
