// The reference: a bare MQTT.js subscriber that only counts. Run as a child process.
// Prints "ready" once subscribed, then one JSON line when `expected` messages arrived or
// it was told to stop (a line on stdin): { received, firstMs, lastMs }.
import mqtt from 'mqtt';

const [url, filter, expectedArg, protocolArg, qosArg] = process.argv.slice(2);
const expected = Number(expectedArg);
const client = await mqtt.connectAsync(url, { protocolVersion: Number(protocolArg ?? 4), clean: true, reconnectPeriod: 0 });
let received = 0;
let firstMs = 0;
let lastMs = 0;
const finish = () => {
  process.stdout.write(`${JSON.stringify({ received, firstMs, lastMs })}\n`);
  client.end(true, () => process.exit(0));
};
client.on('message', () => {
  const now = performance.now() + performance.timeOrigin;
  if (received === 0) firstMs = now;
  lastMs = now;
  if (++received === expected) finish();
});
await client.subscribeAsync(filter, { qos: Number(qosArg ?? 0) });
process.stdout.write('ready\n');
process.stdin.on('data', finish);
