// Takes the README's screenshots: web mode with the demo devices, in headless Chromium:
// the topic tree (docs/screenshot.png), the timeline after the guided QoS 2 scenario
// (docs/timeline.png), the packet inspector (docs/packets.png), the retained messages
// (docs/retained.png) and the publish panel with its sections open (docs/publish.png).
// Usage: npm run build && node scripts/screenshot.mjs
import fs from 'node:fs';
import path from 'node:path';
import { root, startScreenshotSession } from './screenshot-session.mjs';

const docs = path.join(root, 'docs');
const { url, browser, close } = await startScreenshotSession(['--demo']);
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(url);
  const tree = page.getByRole('tree', { name: 'Topic tree' });
  const open = async (name) => {
    const item = tree.getByRole('treeitem', { name, exact: true }).first();
    await item.waitFor({ timeout: 15_000 });
    await item.click();
    await item.press('ArrowRight');
  };
  for (const level of ['sensors', 'berlin-plant', 'hall-a']) await open(level);
  // Let the devices publish for a while so counters and histories have some depth.
  await page.waitForTimeout(8000);
  const meter = tree.getByRole('treeitem', { name: /^power-meter-/ }).first();
  await meter.click();
  await meter.press('ArrowRight');
  const telemetry = tree.getByRole('treeitem', { name: 'telemetry', exact: true }).first();
  await telemetry.click();
  await page.getByRole('list', { name: 'Message history' }).getByRole('listitem').nth(1).click();
  await page.waitForTimeout(500);
  fs.mkdirSync(docs, { recursive: true });
  const save = async (name) => {
    await page.screenshot({ path: path.join(docs, name) });
    console.log(`Saved docs/${name}`);
  };
  await save('screenshot.png');

  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Run QoS 2 scenario' }).click();
  await page.getByRole('region', { name: 'Scenario report' }).getByText('The subscriber received the message once.').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  await save('timeline.png');

  await page.getByRole('tab', { name: 'Packets' }).click();
  await page.getByRole('group', { name: 'Packet types' }).getByRole('button', { name: 'PUBLISH', exact: true }).click();
  await page.getByRole('grid', { name: 'Packet log' }).getByRole('row').filter({ hasText: 'PUBLISH' }).nth(3).click();
  await page.getByRole('region', { name: 'Packet inspector' }).getByRole('table', { name: 'Packet bytes' }).waitFor({ timeout: 10_000 });
  await page.waitForTimeout(300);
  await save('packets.png');

  await page.getByRole('tab', { name: 'Retained' }).click();
  await page.getByRole('button', { name: 'Scan', exact: true }).click();
  await page.getByRole('status', { name: 'Last scan' }).getByText(/^Found /).waitFor({ timeout: 15_000 });
  const retainedRows = page.getByRole('grid', { name: 'Retained messages' }).getByRole('row').filter({ hasText: '/status' });
  await retainedRows.nth(2).click();
  await page.getByRole('region', { name: 'Retained message' }).locator('pre').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(300);
  await save('retained.png');

  // Taller, so the panel shows two open sections under the message without scrolling.
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.getByRole('tab', { name: 'Topics' }).click();
  const publish = page.getByRole('region', { name: 'Publish' });
  await publish.getByRole('combobox', { name: 'Topic', exact: true }).fill('sensors/berlin-plant/hall-a/thermostat-111/set');
  await publish.getByRole('radiogroup', { name: 'Payload format' }).getByRole('radio', { name: 'JSON' }).check();
  await publish.getByRole('textbox', { name: 'Payload', exact: true }).fill('{"setpoint":21.5,"mode":"heat","until":"2026-01-10T18:00:00Z"}');
  await publish.getByRole('button', { name: 'Format JSON' }).click();
  await publish.getByRole('combobox', { name: 'QoS' }).selectOption('1');
  await publish.getByRole('button', { name: /^Properties/ }).click();
  const props = publish.getByRole('group', { name: 'MQTT 5.0 properties' });
  await props.getByRole('textbox', { name: 'Content type' }).fill('application/json');
  await props.getByRole('checkbox', { name: 'Payload is UTF-8' }).check();
  await props.getByRole('spinbutton', { name: 'Message expiry (s)' }).fill('300');
  await props.getByRole('button', { name: 'Add user property' }).click();
  await props.getByRole('textbox', { name: 'User property 1 name' }).fill('source');
  await props.getByRole('textbox', { name: 'User property 1 value' }).fill('mqtt-scope');
  await publish.getByRole('button', { name: 'Publish', exact: true }).click();
  await publish.getByRole('button', { name: 'Show handshake' }).waitFor({ timeout: 10_000 });
  await publish.getByRole('button', { name: /^Repeat/ }).click();
  const repeat = publish.getByRole('group', { name: 'Repeat' });
  await repeat.getByRole('spinbutton', { name: 'Every (ms)' }).fill('50');
  await repeat.getByRole('spinbutton', { name: 'Times' }).fill('40');
  await repeat.getByRole('button', { name: 'Start repeat' }).click();
  await repeat.getByText('sent 40 of 40').waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300);
  await save('publish.png');
} finally {
  await close();
}
