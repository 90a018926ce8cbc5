// Takes docs/broker-settings.png: the embedded broker's settings dialog in web mode, with
// three users, sign-in required, the TLS listener running on the test fixtures'
// certificate, and a few refusals from real clients in the Refused list. The top bar
// above the dialog shows the broker's badges.
// Usage: npm run build && node scripts/broker-screenshot.mjs
import fs from 'node:fs';
import path from 'node:path';
import mqtt from 'mqtt';
import { freePort, root, startScreenshotSession } from './screenshot-session.mjs';

const tlsFile = (name) => path.join(root, 'tests', 'fixtures', 'profiles', 'tls', name);

const brokerPort = await freePort();
const tlsPort = await freePort();
const { url, browser, close } = await startScreenshotSession(['--demo', '--broker-port', String(brokerPort)]);
const clients = [];
try {
  // Tall enough for the whole dialog, Refused list included, without scrolling.
  const page = await browser.newPage({ viewport: { width: 1400, height: 1340 }, deviceScaleFactor: 1 });
  await page.goto(url);
  const openSettings = async () => {
    await page.getByRole('group', { name: 'Embedded broker' }).getByRole('button', { name: 'Broker settings' }).click();
    await form.waitFor({ timeout: 10_000 });
  };
  const form = page.getByRole('form', { name: 'Broker settings' });
  await openSettings();
  const users = [
    ['sensor-7', 'devices/%u/#\nsensors/+/%u/#', 'cmd/%u/#'],
    ['gateway-berlin', 'sensors/berlin-plant/#', 'cmd/berlin-plant/#\nconfig/gateways/#'],
    ['dashboard', '', 'sensors/#\ndevices/#'],
  ];
  for (const [i, [name, publish, subscribe]] of users.entries()) {
    await form.getByRole('button', { name: 'Add user' }).click();
    await form.getByRole('textbox', { name: `User ${i + 1} username` }).fill(name);
    await form.getByRole('textbox', { name: `User ${i + 1} password` }).fill(`screenshot-${i}`);
    await form.getByRole('textbox', { name: `User ${i + 1} publish patterns` }).fill(publish);
    await form.getByRole('textbox', { name: `User ${i + 1} subscribe patterns` }).fill(subscribe);
  }
  await form.getByRole('switch', { name: 'Require sign-in' }).check();
  await form.getByRole('switch', { name: 'Listen for TLS connections (mqtts://)' }).check();
  await form.getByRole('spinbutton', { name: 'TLS port' }).fill(String(tlsPort));
  await form.getByRole('textbox', { name: 'Certificate file' }).fill(tlsFile('client.pem'));
  await form.getByRole('textbox', { name: 'Key file' }).fill(tlsFile('client-key.pem'));
  await form.getByRole('textbox', { name: 'Key passphrase' }).fill('fixture-passphrase');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('status').filter({ hasText: 'Saved at' }).waitFor({ timeout: 10_000 });

  // What a debugging day brings: a device without credentials, one retrying an old
  // password, and one publishing and subscribing outside its patterns.
  const options = { host: '127.0.0.1', port: brokerPort, protocolVersion: 5, reconnectPeriod: 0, connectTimeout: 3000 };
  await mqtt.connectAsync({ ...options, clientId: 'thermostat-112' }).catch(() => undefined);
  for (let i = 0; i < 6; i++) await mqtt.connectAsync({ ...options, clientId: `gw-berlin-${i}`, username: 'gateway-berlin', password: 'old-password' }).catch(() => undefined);
  const device = await mqtt.connectAsync({ ...options, clientId: 'sensor-7-fw', username: 'sensor-7', password: 'screenshot-0' });
  clients.push(device);
  await device.publishAsync('devices/sensor-7/temp', '21.4', { qos: 1 });
  await device.publishAsync('devices/sensor-8/temp', '21.4', { qos: 1 }).catch(() => undefined);
  await device.subscribeAsync('sensors/#').catch(() => undefined);
  // The burst of wrong passwords is written once its second is over.
  await page.waitForTimeout(1500);

  await form.getByRole('button', { name: 'Close' }).click();
  await openSettings();
  await page.waitForTimeout(300);
  fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
  await page.screenshot({ path: path.join(root, 'docs', 'broker-settings.png') });
  console.log('Saved docs/broker-settings.png');
} finally {
  await Promise.all(clients.map((c) => c.endAsync(true)));
  await close();
}
