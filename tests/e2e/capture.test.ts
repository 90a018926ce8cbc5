// The packets and the handshakes in the UI, end to end in Chromium: a QoS 2 publish
// appears as a four-step flow, the inspector words a CONNACK's return code, and the
// guided QoS 2 scenario tells what happened.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { freePort } from '../helpers/free-port';
import { mosquittoPub } from '../helpers/mosquitto';
import { startWebMode, type WebMode } from '../helpers/web-mode';

let web: WebMode;
let browser: Browser;
let page: Page;
let brokerPort: number;
const uiTimeout = { timeout: 15_000 };

beforeAll(async () => {
  brokerPort = await freePort();
  web = await startWebMode(['--broker-port', String(brokerPort), '--no-demo']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(web.url);
  await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: 'Connected' }).waitFor(uiTimeout);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('packets and handshakes in Chromium', () => {
  it('draws a QoS 2 publish as a four-step flow', async () => {
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(brokerPort), '-i', 'e2e-qos2', '-t', 'e2e/qos2', '-m', 'exactly once', '-q', '2']);
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const timeline = page.getByRole('search', { name: 'Flow filters' });
    await timeline.getByRole('searchbox', { name: 'Topic filter' }).fill('e2e/qos2');
    const flows = page.getByRole('list', { name: 'Flows' });
    const publisherFlow = flows.getByRole('listitem', { name: /e2e\/qos2, QoS 2/ }).first();
    await publisherFlow.waitFor(uiTimeout);
    await publisherFlow.click();
    const diagram = page.getByRole('figure', { name: /Sequence diagram/ });
    await diagram.waitFor(uiTimeout);
    const labels = await diagram.locator('text').allTextContents();
    const handshake = labels.join(' ');
    for (const step of ['PUBLISH', 'PUBREC', 'PUBREL', 'PUBCOMP']) expect(handshake).toContain(step);
    // The publisher's leg alone has exactly the four QoS 2 steps.
    expect(await publisherFlow.getAttribute('aria-label')).toMatch(/Steps: .*PUBLISH.*PUBREC.*PUBREL.*PUBCOMP/);
  });

  it("shows a CONNACK's return code in words in the inspector", async () => {
    await page.getByRole('tab', { name: 'Packets' }).click();
    await page.getByRole('group', { name: 'Packet types' }).getByRole('button', { name: 'CONNACK', exact: true }).click();
    const log = page.getByRole('grid', { name: 'Packet log' });
    const row = log.getByRole('row').filter({ hasText: 'CONNACK' }).first();
    await row.waitFor(uiTimeout);
    await row.click();
    const inspector = page.getByRole('region', { name: 'Packet inspector' });
    await expect.poll(() => inspector.innerText(), uiTimeout).toMatch(/Connection accepted \(0x00\)|Success \(0x00\)/);
    await expect.poll(() => inspector.getByRole('table', { name: 'Packet bytes' }).innerText(), uiTimeout).toMatch(/^0000\s+20/);
  });

  it('shows how much the capture keeps, and changes the limit where it is shown', async () => {
    await page.getByRole('tab', { name: 'Packets' }).click();
    const status = page.getByRole('status', { name: 'Packet capture' });
    await expect.poll(() => status.innerText(), uiTimeout).toMatch(/buffer holds 200,000/);
    await status.getByRole('button', { name: 'Change limit…' }).click();
    const form = page.getByRole('form', { name: 'Packet capture limit' });
    await form.getByRole('spinbutton', { name: 'Packets to keep' }).fill('50');
    await form.getByRole('button', { name: 'Apply' }).click();
    expect(await form.getByRole('alert').innerText()).toContain('100 to 10,000,000');
    await form.getByRole('spinbutton', { name: 'Packets to keep' }).fill('150');
    await form.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => status.innerText(), uiTimeout).toMatch(/buffer holds 150\)/);
  });

  it('stops and resumes recording with the switch beside the count', async () => {
    await page.getByRole('tab', { name: 'Packets' }).click();
    const status = page.getByRole('status', { name: 'Packet capture' });
    const captured = async () => Number(/^([\d,]+) packets? captured/.exec(await status.innerText())![1].replace(/,/g, ''));
    const recording = status.getByRole('switch', { name: 'Record packets' });
    expect(await recording.isChecked()).toBe(true);
    await recording.click();
    await expect.poll(() => status.innerText(), uiTimeout).toContain('Recording is off');
    const before = await captured();
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(brokerPort), '-t', 'e2e/unrecorded', '-m', 'x', '-q', '1']);
    await new Promise((r) => setTimeout(r, 500));
    expect(await captured()).toBe(before);
    await recording.click();
    await expect.poll(() => status.innerText(), uiTimeout).not.toContain('Recording is off');
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(brokerPort), '-t', 'e2e/recorded', '-m', 'x', '-q', '1']);
    await expect.poll(captured, uiTimeout).toBeGreaterThan(before);
  });

  it('runs the guided QoS 2 scenario and explains it', async () => {
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByRole('button', { name: 'Run QoS 2 scenario' }).click();
    const report = page.getByRole('region', { name: 'Scenario report' });
    await expect.poll(() => report.innerText(), { timeout: 30_000 }).toContain('The subscriber received the message once.');
    expect(await report.innerText()).toMatch(/exactly once/);
    const labels = (await page.getByRole('figure', { name: /Sequence diagram/ }).locator('text').allTextContents()).join(' ');
    expect(labels).toMatch(/dropped/i);
  });
});
