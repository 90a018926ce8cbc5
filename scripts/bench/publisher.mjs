// A load generator, run as a child process so it does not share the measured process's
// event loop: publishes `count` QoS 0 messages of `size` bytes over `topics` topics, as
// fast as the socket takes them (rate 0) or paced at `rate` messages a second.
// Prints one JSON line when done: { sent, ms, startedAt } (startedAt: epoch ms, sub-millisecond).
import mqtt from 'mqtt';

const [url, countArg, topicsArg, sizeArg, rateArg, prefix, qosArg] = process.argv.slice(2);
const count = Number(countArg);
const topics = Number(topicsArg);
const size = Number(sizeArg);
const rate = Number(rateArg);
const qos = Number(qosArg ?? 0);
const payload = Buffer.alloc(size, 0x61);

const client = await mqtt.connectAsync(url, { protocolVersion: 4, clean: true, reconnectPeriod: 0 });
const started = performance.now();
const batch = rate > 0 ? Math.max(1, Math.round(rate / 100)) : 500;
let sent = 0;
while (sent < count) {
  const n = Math.min(batch, count - sent);
  const acks = [];
  for (let i = 0; i < n; i++, sent++) {
    // The sequence number leads the payload: receivers can tell a missing message apart.
    payload.writeUInt32BE(sent, 0);
    const p = qos > 0 ? client.publishAsync(`${prefix}/${sent % topics}`, Buffer.from(payload), { qos }) : null;
    if (p) acks.push(p);
    else client.publish(`${prefix}/${sent % topics}`, Buffer.from(payload), { qos: 0 });
  }
  if (acks.length) await Promise.all(acks);
  if (rate > 0) {
    const due = started + (sent / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  } else if (client.stream.writableNeedDrain) {
    await new Promise((r) => client.stream.once('drain', r));
  } else {
    await new Promise((r) => setImmediate(r));
  }
}
const ms = performance.now() - started;
await client.endAsync();
process.stdout.write(`${JSON.stringify({ sent, ms, startedAt: performance.timeOrigin + started })}\n`);
