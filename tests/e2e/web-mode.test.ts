// The UI end to end, as a user drives it: web mode in Debian's Chromium, the embedded
// broker, and a mosquitto started here. Elements are found by role and accessible name.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { freePort } from '../helpers/free-port';
import { mosquittoPub, startMosquitto, startMosquittoSub, type MosquittoBroker } from '../helpers/mosquitto';
import { startWebMode, type WebMode } from '../helpers/web-mode';

let mosquitto: MosquittoBroker;
let web: WebMode;
let browser: Browser;
let page: Page;
const uiTimeout = { timeout: 15_000 };

beforeAll(async () => {
  mosquitto = await startMosquitto();
  web = await startWebMode(['--broker-port', String(await freePort()), '--no-demo']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleErrors: string[] = [];
  page.on('pageerror', (err) => consoleErrors.push(err.message));
  await page.goto(web.url);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await mosquitto?.stop();
});

async function connectTo(url: string, filter = '#'): Promise<void> {
  await page.getByRole('button', { name: 'New connection' }).click();
  const form = page.getByRole('form', { name: 'New connection' });
  await form.getByRole('textbox', { name: 'Broker URL' }).fill(url);
  await form.getByRole('combobox', { name: 'MQTT version' }).selectOption('4');
  await form.getByRole('textbox', { name: 'Subscription filter 1' }).fill(filter);
  await form.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect.poll(() => page.getByRole('status', { name: 'Connection status' }).innerText(), uiTimeout).toMatch(/^(?!.*Reconnecting).*Connected/s);
}

async function openTopic(levels: string[]): Promise<void> {
  const tree = page.getByRole('tree', { name: 'Topic tree' });
  for (const [i, level] of levels.entries()) {
    const item = tree.getByRole('treeitem', { name: level, exact: true });
    await item.waitFor(uiTimeout);
    if (i < levels.length - 1) {
      if ((await item.getAttribute('aria-expanded')) !== 'true') {
        await item.click();
        await item.press('ArrowRight');
      }
    } else {
      await item.click();
    }
  }
}

describe('web mode in Chromium', () => {
  it('refuses requests without the token and serves the page with it', async () => {
    expect((await fetch(`${web.origin}/`)).status).toBe(403);
    expect((await fetch(`${web.origin}/?token=wrong-token-of-enough-length`)).status).toBe(403);
    expect((await fetch(web.url)).status).toBe(200);
  });

  it('shows the embedded broker connected, with its port', async () => {
    const port = new RegExp(`127\\.0\\.0\\.1:\\d+`);
    await expect.poll(() => page.getByRole('group', { name: 'Embedded broker' }).innerText(), uiTimeout).toMatch(port);
    await expect.poll(() => page.getByRole('status', { name: 'Connection status' }).innerText(), uiTimeout).toContain('Connected');
  });

  it('shows a message sent with mosquitto_pub in the tree and in the topic history', async () => {
    await connectTo(mosquitto.url);
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(mosquitto.port), '-t', 'e2e/lab/temp', '-m', '{"value": 21.5}', '-q', '1']);
    await openTopic(['e2e', 'lab', 'temp']);
    const history = page.getByRole('list', { name: 'Message history' });
    const entry = history.getByRole('listitem').first();
    await expect.poll(() => entry.innerText(), uiTimeout).toContain('{"value": 21.5}');
    expect(await entry.innerText()).toMatch(/QoS 1/);
    await entry.click();
    const payload = page.getByRole('region', { name: 'Payload' });
    await expect.poll(() => payload.innerText(), uiTimeout).toMatch(/"value": 21\.5/);
    expect(await payload.getByRole('radio', { name: 'JSON' }).isChecked()).toBe(true);
  });

  it('publishes from the UI to mosquitto_sub', async () => {
    const mark = mosquitto.log().length;
    const sub = startMosquittoSub(['-h', '127.0.0.1', '-p', String(mosquitto.port), '-t', 'e2e/cmd/#', '-C', '1', '-W', '20', '-v', '-i', 'e2e-sub']);
    try {
      await mosquitto.waitForLog(/Sending SUBACK to e2e-sub/, 'the SUBACK to mosquitto_sub', { from: mark });
      const publish = page.getByRole('region', { name: 'Publish' });
      await publish.getByRole('combobox', { name: 'Topic' }).fill('e2e/cmd/light');
      await publish.getByRole('textbox', { name: 'Payload' }).fill('on at 80%');
      await publish.getByRole('combobox', { name: 'QoS' }).selectOption('2');
      await publish.getByRole('button', { name: 'Publish' }).click();
      await expect.poll(() => publish.innerText(), uiTimeout).toContain('Published to e2e/cmd/light');
      const [line] = await sub.waitForMessages(1, 15_000);
      expect(line.toString('utf8')).toBe('e2e/cmd/light on at 80%');
    } finally {
      await sub.kill();
    }
  });

  it('flags a retained message published before the app subscribed', async () => {
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(mosquitto.port), '-t', 'e2e-retained/door/state', '-m', 'closed', '-r', '-q', '1']);
    await connectTo(mosquitto.url, 'e2e-retained/#');
    await openTopic(['e2e-retained', 'door', 'state']);
    const entry = page.getByRole('list', { name: 'Message history' }).getByRole('listitem').first();
    await expect.poll(() => entry.innerText(), uiTimeout).toContain('closed');
    expect(await entry.innerText()).toContain('RETAIN');
  });

  it('says what is wrong at the field for a bad URL and a wildcard in a publish topic', async () => {
    await page.getByRole('button', { name: 'New connection' }).click();
    const form = page.getByRole('form', { name: 'New connection' });
    const url = form.getByRole('textbox', { name: 'Broker URL' });
    await url.fill('htp://broker');
    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect.poll(() => url.getAttribute('aria-invalid'), uiTimeout).toBe('true');
    const urlMessage = await page.locator(`#${await url.getAttribute('aria-describedby')}`).innerText();
    expect(urlMessage).toContain("Unsupported scheme 'htp://'");
    await form.getByRole('button', { name: 'Cancel' }).click();

    const publish = page.getByRole('region', { name: 'Publish' });
    const topic = publish.getByRole('combobox', { name: 'Topic' });
    await topic.fill('e2e/+/bad');
    await publish.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => topic.getAttribute('aria-invalid'), uiTimeout).toBe('true');
    const topicMessage = await page.locator(`#${await topic.getAttribute('aria-describedby')}`).innerText();
    expect(topicMessage).toContain('cannot contain the wildcards');
  });
});
