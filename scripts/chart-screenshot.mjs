// Takes docs/chart.png (two live series on one chart: a plain number and a JSON path)
// and docs/diff.png (two JSON messages compared), in web mode with a publisher of its own.
// Usage: npm run build && node scripts/chart-screenshot.mjs [outDir]
import path from 'node:path';
import mqtt from 'mqtt';
import { freePort, root, startScreenshotSession } from './screenshot-session.mjs';

const outDir = process.argv[2] ?? path.join(root, 'docs');

const brokerPort = await freePort();
const { url, browser, close } = await startScreenshotSession(['--no-demo', '--broker-port', String(brokerPort)]);
const client = await mqtt.connectAsync({ host: '127.0.0.1', port: brokerPort, clientId: 'chart-screenshot', reconnectPeriod: 0 });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: 'Connected' }).waitFor({ timeout: 15_000 });

  // A boiler warming up and its pump's power, a reading every 100 ms for 12 s.
  const start = Date.now();
  for (let i = 0; i < 120; i++) {
    const t = i / 10;
    const temp = 18 + 52 * (1 - Math.exp(-t / 3)) + Math.sin(t * 2.5) * 1.5;
    const watts = 120 + 80 * Math.sin(t / 1.6) + (i % 7) * 3;
    await client.publishAsync('plant/boiler-1/temperature', temp.toFixed(2), { qos: 0 });
    await client.publishAsync('plant/boiler-1/pump', JSON.stringify({ state: 'on', power: { watts: Math.round(watts), volts: 230 } }), { qos: 0 });
    await new Promise((r) => setTimeout(r, Math.max(0, start + (i + 1) * 100 - Date.now())));
  }

  await page.getByRole('tab', { name: 'Charts' }).click();
  const chart = page.getByRole('region', { name: 'Chart' });
  const form = chart.getByRole('form', { name: 'Add a series' });
  for (const [topic, jsonPath] of [
    ['plant/boiler-1/temperature', ''],
    ['plant/boiler-1/pump', '$.power.watts'],
  ]) {
    await form.getByRole('combobox', { name: 'Topic' }).fill(topic);
    await form.getByRole('combobox', { name: 'JSON path' }).fill(jsonPath);
    await form.getByRole('button', { name: 'Add series' }).click();
    await chart.getByRole('list', { name: 'Series' }).getByRole('listitem').filter({ hasText: topic }).waitFor({ timeout: 10_000 });
  }
  await chart.getByRole('status', { name: 'Chart status' }).filter({ hasText: '240 points' }).waitFor({ timeout: 10_000 });
  await page.mouse.move(900, 520);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(outDir, 'chart.png') });

  // Two configurations of a thermostat, compared key by key.
  await client.publishAsync('plant/thermostat-3/config', JSON.stringify({ mode: 'auto', target: 21, schedule: [{ at: '06:00', target: 20 }, { at: '22:00', target: 17 }], fan: { speed: 2, quiet: false }, firmware: '1.4.2', legacy: true }, null, 2), { qos: 1 });
  await client.publishAsync('plant/thermostat-3/config', JSON.stringify({ mode: 'auto', target: 22.5, schedule: [{ at: '06:30', target: 20 }, { at: '22:00', target: 17 }], fan: { speed: 3, quiet: false }, firmware: '1.5.0', battery: 97 }, null, 2), { qos: 1 });
  await page.getByRole('tab', { name: 'Topics' }).click();
  for (const level of ['plant', 'thermostat-3']) {
    const item = page.getByRole('tree', { name: 'Topic tree' }).getByRole('treeitem', { name: level, exact: true });
    await item.waitFor({ timeout: 10_000 });
    if ((await item.getAttribute('aria-expanded')) !== 'true') await item.press('ArrowRight');
  }
  await page.getByRole('tree', { name: 'Topic tree' }).getByRole('treeitem', { name: 'config', exact: true }).click();
  const history = page.getByRole('region', { name: 'History' });
  await history.getByText('2 messages kept').waitFor({ timeout: 10_000 });
  await history.getByRole('list', { name: 'Message history' }).getByRole('listitem').first().click();
  await history.getByRole('button', { name: 'Compare with previous' }).click();
  await page.getByRole('dialog', { name: 'Compare messages' }).getByRole('table').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(outDir, 'diff.png') });
} finally {
  await client.endAsync();
  await close();
}
