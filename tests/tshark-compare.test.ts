// The packet log against an independent decoder: tshark (Debian's package) captures the
// same loopback traffic while a scripted session uses every MQTT packet type, and for
// each link the ordered (direction, type, packet id, QoS, DUP, topic) rows of the
// capture must equal what tshark decodes from the wire for that client's TCP connections.
//
// Where tshark is missing or may not capture on lo, the suite is skipped and says why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureLink, PacketRecord } from '../shared/capture-contract';
import { allPacketTypes, type PacketTypeName } from '../shared/packet-types';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { freePort } from './helpers/free-port';
import { mosquittoPub, startMosquitto, type MosquittoBroker } from './helpers/mosquitto';
import { decodeMqtt, probeTshark, startTsharkCapture, type TsharkCapture, type WirePacket } from './helpers/tshark';
import { waitFor } from './helpers/wait-for';

const availability = await probeTshark();
const skipReason = availability.ok ? null : availability.reason;
if (skipReason) console.warn(`[tshark-compare] skipped: ${skipReason}`);
const title = skipReason ? `packet log vs tshark — SKIPPED: ${skipReason}` : 'packet log vs tshark on the same loopback traffic';

/** One row as both sides are compared: direction, type, packet id, QoS, DUP, topic. */
type Row = string;

const row = (fromClient: boolean, type: PacketTypeName, packetId: number | null, qos: number | null, dup: boolean, topic: string | null): Row =>
  `${fromClient ? 'c>' : 'b>'}${type} id=${packetId ?? '-'} qos=${qos ?? '-'} dup=${dup ? 1 : 0} topic=${topic ?? '-'}`;

describe.skipIf(skipReason !== null)(title, () => {
  let h: CoreHarness;
  let mosquitto: MosquittoBroker;
  let tshark: TsharkCapture | null = null;
  let dir: string;
  let brokerPort: number;
  const clients: MqttClient[] = [];
  const notes: string[] = [];
  /** The links of the app's own connections to mosquitto (MQTT 3.1.1 and 5.0). */
  const appLinks: string[] = [];
  let wire: WirePacket[] = [];
  let records: PacketRecord[] = [];
  let links: CaptureLink[] = [];

  const packets = () => [...h.core.capture.packets.values()].map((p) => p.record);
  const linkPackets = (linkId: string) => packets().filter((p) => p.linkId === linkId);

  /** Waits (bounded) until no packet has been recorded for quietMs: keeps independent sends from crossing on the wire. */
  async function settle(quietMs = 200): Promise<void> {
    let last = -1;
    let since = Date.now();
    await waitFor(
      () => {
        const n = h.core.capture.packets.total;
        if (n !== last) {
          last = n;
          since = Date.now();
          return null;
        }
        return Date.now() - since >= quietMs ? true : null;
      },
      { what: `${quietMs} ms without a new packet`, timeoutMs: 10_000, intervalMs: 20 },
    );
  }

  async function client(url: string, clientId: string, options: mqtt.IClientOptions = {}): Promise<MqttClient> {
    const c = await mqtt.connectAsync(url, { clientId, reconnectPeriod: 0, connectTimeout: 5000, ...options });
    clients.push(c);
    return c;
  }

  async function embeddedBrokerSession(url: string): Promise<void> {
    // Subscriber: one SUBSCRIBE with two filters, deliveries at QoS 0/1/2, one UNSUBSCRIBE, DISCONNECT.
    const sub = await client(url, 'tsh-sub');
    await sub.subscribeAsync({ 'cmp/#': { qos: 2 }, 'other/+': { qos: 1 } });
    await settle();
    // Publisher (MQTT 5): PUBLISH at each QoS, its acknowledgements, and the deliveries' (to tsh-sub and the app's own connection).
    const pub = await client(url, 'tsh-pub', { protocolVersion: 5 });
    for (const qos of [0, 1, 2] as const) {
      await pub.publishAsync(`cmp/q${qos}`, `payload at QoS ${qos}`, { qos });
      await settle();
    }
    // A payload bigger than a loopback segment, so tshark has to reassemble it.
    await pub.publishAsync('cmp/big', Buffer.alloc(200_000, 0x61), { qos: 1 });
    await settle();
    await sub.unsubscribeAsync(['cmp/#', 'other/+']);
    await settle();
    await pub.endAsync();
    await sub.endAsync();
    await settle();

    // PINGREQ/PINGRESP: a client that says nothing else, with a keepalive of 1 s.
    const pinger = await client(url, 'tsh-ping', { keepalive: 1 });
    await waitFor(() => linkPackets('broker:tsh-ping').some((p) => p.type === 'PINGRESP'), { what: 'a PINGRESP to tsh-ping', timeoutMs: 5000 });
    await pinger.endAsync();
    await settle();

    // A retransmission by MQTT.js (persistent session, PUBACK dropped by a fault, cable cut):
    // MQTT.js resends without DUP, and the wire says so too.
    const retx = await client(url, 'tsh-retx', { clean: false, reconnectPeriod: 200 });
    await h.ok('injectFault', { linkId: 'broker:tsh-retx', direction: 'to-client', packetType: 'PUBACK', action: 'drop', count: 1 });
    const acked = retx.publishAsync('cmp/retx', 'again', { qos: 1 });
    await waitFor(() => linkPackets('broker:tsh-retx').some((p) => p.fault === 'dropped'), { what: 'the dropped PUBACK to tsh-retx' });
    await h.ok('cutLink', { linkId: 'broker:tsh-retx' });
    await acked;
    await settle();
    await retx.endAsync();
    await settle();

    // A retransmission with DUP on the wire. MQTT.js and Aedes resend without DUP, and
    // mosquitto_pub does not reconnect after a cut; a mosquitto bridge does both: it
    // reconnects with its persistent session and resends its unacknowledged PUBLISH
    // with DUP set. Its QoS 1 PUBLISH loses its PUBACK to a fault, the cable is cut.
    await waitFor(() => h.core.capture.linkList().find((l) => l.id === 'broker:tsh-bridge' && l.connected), {
      what: "mosquitto's bridge to connect to the embedded broker",
      timeoutMs: 10_000,
    });
    await settle();
    await h.ok('injectFault', { linkId: 'broker:tsh-bridge', direction: 'to-client', packetType: 'PUBACK', action: 'drop', count: 1 });
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(mosquitto.port), '-i', 'tsh-bridge-feed', '-t', 'bridge/dup', '-m', 'over the bridge', '-q', '1']);
    await waitFor(() => linkPackets('broker:tsh-bridge').some((p) => p.fault === 'dropped'), { what: 'the dropped PUBACK to the bridge' });
    await h.ok('cutLink', { linkId: 'broker:tsh-bridge' });
    await waitFor(
      () => {
        const list = linkPackets('broker:tsh-bridge');
        const again = list.findIndex((p) => p.type === 'PUBLISH' && p.topic === 'bridge/dup' && p.dup);
        return again >= 0 && list.slice(again).some((p) => p.type === 'PUBACK' && p.fault === null);
      },
      { what: "the bridge's resent PUBLISH (DUP) and its PUBACK", timeoutMs: 15_000 },
    );
    await settle();

    // AUTH: MQTT.js sends one right after CONNECT when given an authentication method and an
    // authPacket. Aedes does not implement enhanced authentication (it refuses the method and
    // closes), but the AUTH packet is on the wire and in the log, which is what is compared.
    const auth = mqtt.connect(url, {
      clientId: 'tsh-auth',
      protocolVersion: 5,
      reconnectPeriod: 0,
      connectTimeout: 3000,
      properties: { authenticationMethod: 'SCRAM-SHA-1', authenticationData: Buffer.from('client-first') },
      authPacket: { reasonCode: 0x18, properties: { authenticationMethod: 'SCRAM-SHA-1', authenticationData: Buffer.from('client-next') } },
    });
    auth.on('error', (err) => notes.push(`tsh-auth: ${err.message}`));
    clients.push(auth);
    await waitFor(() => h.core.capture.linkList().find((l) => l.id === 'broker:tsh-auth' && !l.connected), {
      what: 'tsh-auth to be refused and closed',
      timeoutMs: 10_000,
    });
    auth.end(true);
    await settle();
    notes.push('AUTH: produced by MQTT.js (authPacket option) towards Aedes, which answers CONNACK 0x8C and closes');
  }

  async function mosquittoSession(version: 4 | 5): Promise<void> {
    const { connectionId } = (await h.ok('connect', {
      url: mosquitto.url,
      protocolVersion: version,
      clientId: `tsh-app-${version}`,
      subscriptions: [{ filter: `app${version}/#`, qos: 2 }],
    })) as { connectionId: string };
    appLinks.push(`conn:${connectionId}`);
    await h.waitForSubscriptions(connectionId);
    await settle();
    // mosquitto sends each message back: both directions of QoS 0, 1 and 2.
    for (const qos of [0, 1, 2] as const) {
      await h.ok('publish', { connectionId, topic: `app${version}/q${qos}`, payload: `from the app, QoS ${qos}`, format: 'text', qos, retain: false });
      await settle();
    }
    await h.ok('subscribe', { connectionId, filter: `extra${version}/+`, qos: 1 });
    await h.waitForSubscriptions(connectionId);
    await settle();
    await h.ok('unsubscribe', { connectionId, filter: `extra${version}/+` });
    await settle();
    await h.ok('removeConnection', { connectionId });
    await settle();
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-tshark-'));
    brokerPort = await freePort();
    mosquitto = await startMosquitto({
      // The bridge connects to the embedded broker once it is up (it retries every second).
      extraConfig: [
        'connection tsh-bridge',
        `address 127.0.0.1:${brokerPort}`,
        'remote_clientid tsh-bridge',
        'cleansession false',
        'try_private false',
        'notifications false',
        'restart_timeout 1',
        'topic bridge/# out 1',
      ],
    });
    // Capture first, so every connection is seen from its SYN: tshark needs each CONNECT
    // to know the protocol version of what follows.
    tshark = await startTsharkCapture([brokerPort, mosquitto.port], dir);
    h = await startCore({ brokerPort });
    const info = (await h.ok('getAppInfo')) as { broker: { port: number | null; state: string } };
    if (info.broker.port !== brokerPort) throw new Error(`The embedded broker is on ${JSON.stringify(info.broker)}, not on ${brokerPort}: the capture filter would miss it`);
    await h.waitForSubscriptions('embedded');
    await settle();

    await embeddedBrokerSession(`mqtt://127.0.0.1:${brokerPort}`);
    await mosquittoSession(4);
    await mosquittoSession(5);

    // The kernel hands the last packets to the capture asynchronously.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await tshark.stop();
    wire = await decodeMqtt(tshark.file, [brokerPort, mosquitto.port]);
    records = packets();
    links = h.core.capture.linkList();
    for (const note of notes) console.info(`[tshark-compare] ${note}`);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(clients.splice(0).map((c) => c.endAsync(true).catch(() => undefined)));
    await tshark?.stop().catch(() => undefined);
    await h?.close();
    await mosquitto?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** tshark's TCP connections, each with its client id (from its CONNECT) and server port. */
  function wireStreams(): { stream: number; clientId: string | null; serverPort: number; clientPort: number; packets: WirePacket[] }[] {
    const byStream = new Map<number, WirePacket[]>();
    for (const p of wire) {
      const list = byStream.get(p.stream) ?? [];
      list.push(p);
      byStream.set(p.stream, list);
    }
    return [...byStream.entries()]
      .sort((a, b) => a[1][0].frame - b[1][0].frame)
      .map(([stream, list]) => {
        const first = list[0];
        const serverPort = [brokerPort, mosquitto.port].includes(first.dstPort) ? first.dstPort : first.srcPort;
        const clientPort = serverPort === first.dstPort ? first.srcPort : first.dstPort;
        return { stream, clientId: first.type === 'CONNECT' ? first.clientId : null, serverPort, clientPort, packets: list };
      });
  }

  /** The capture link a TCP connection belongs to: broker-side links by client id, our own connections by client id and broker port. */
  function linkOf(s: ReturnType<typeof wireStreams>[number]): string | null {
    if (s.clientId === null) return null;
    if (s.serverPort === brokerPort) return `broker:${s.clientId === '' ? '?' : s.clientId}`;
    return links.find((l) => l.kind === 'connection' && l.clientId === s.clientId)?.id ?? null;
  }

  /**
   * The log's rows for a link, as they went over the wire: a packet a fault dropped on
   * its way out of the tapped side never reached the network; one dropped on its way in
   * did (the tap withheld it from the local side).
   */
  function captureRows(link: CaptureLink): Row[] {
    const localIsClient = link.kind === 'connection';
    return records
      .filter((r) => r.linkId === link.id)
      .filter((r) => r.fault !== 'dropped' || r.fromClient !== localIsClient)
      .map((r) => row(r.fromClient, r.type, r.packetId, r.type === 'PUBLISH' ? r.qos : null, r.dup, r.topic));
  }

  function wireRows(list: WirePacket[], serverPort: number): Row[] {
    return list.map((p) => row(p.dstPort === serverPort, p.type, p.packetId, p.type === 'PUBLISH' ? p.qos : null, p.dup, p.topic));
  }

  /**
   * For a failure message: whether the two sides differ only in how the directions
   * interleave, and if so whether only in the one way a tap at an endpoint can see it
   * (an arriving packet is recorded when read, after the wire; a leaving one when
   * written, before it), which points at packets that crossed in flight rather than at
   * the decoder.
   */
  function diagnose(log: Row[], fromWire: Row[], localIsClient: boolean): string {
    if (JSON.stringify(log) === JSON.stringify(fromWire)) return '';
    const incoming = (r: Row) => r.startsWith(localIsClient ? 'b>' : 'c>');
    const split = (rows: Row[]) => [rows.filter(incoming), rows.filter((r) => !incoming(r))];
    const [logIn, logOut] = split(log);
    const [wireIn, wireOut] = split(fromWire);
    if (JSON.stringify(logIn) !== JSON.stringify(wireIn) || JSON.stringify(logOut) !== JSON.stringify(wireOut)) return ' [the packets themselves differ]';
    // Position of each arriving packet among the leaving ones: the log may only place it later.
    const positions = (rows: Row[]) => {
      let out = 0;
      const at: number[] = [];
      for (const r of rows) if (incoming(r)) at.push(out);
      else out++;
      return at;
    };
    const logAt = positions(log);
    const wireAt = positions(fromWire);
    const later = logAt.every((p, i) => p >= wireAt[i]);
    return later
      ? ' [same packets each way; only the interleaving differs, with arriving packets recorded later than tshark saw them: packets that crossed in flight]'
      : ' [same packets each way, but an arriving packet is recorded before something the tapped side sent earlier on the wire: not explainable by where the tap sits]';
  }

  it('the session put every packet type on the wire, and the log has them all', () => {
    const onWire = new Set(wire.map((p) => p.type));
    const inLog = new Set(records.map((r) => r.type));
    const summary = allPacketTypes.map((t) => `${t} ${wire.filter((p) => p.type === t).length}/${records.filter((r) => r.type === t).length}`);
    console.info(`[tshark-compare] ${wire.length} MQTT packets on the wire in ${new Set(wire.map((p) => p.stream)).size} TCP connections; ${records.length} in the log on ${links.length} links`);
    console.info(`[tshark-compare] per type, wire/log: ${summary.join(', ')}`);
    for (const t of allPacketTypes) {
      expect(onWire.has(t), `${t} on the wire`).toBe(true);
      expect(inLog.has(t), `${t} in the log`).toBe(true);
    }
    // The retransmissions: the mosquitto bridge's with DUP; MQTT.js's without (a known
    // upstream issue, see DESIGN.md: should MQTT.js start setting DUP, the second expectation changes).
    const publishes = wire.filter((p) => p.type === 'PUBLISH');
    expect(publishes.some((p) => p.topic === 'bridge/dup' && p.dup && p.qos === 1), 'a PUBLISH with DUP on the wire').toBe(true);
    expect(publishes.filter((p) => p.topic === 'cmp/retx' && p.dstPort === brokerPort).map((p) => p.dup)).toEqual([false, false]);
  });

  it("every link's rows equal tshark's for that client's TCP connections, in order", () => {
    const streams = wireStreams();
    // Every connection to the embedded broker is one of the capture's; to mosquitto, only ours
    // are, and the one other client is mosquitto_pub feeding the bridge.
    const unmatched = streams.filter((s) => linkOf(s) === null).map((s) => `port ${s.serverPort} ${s.packets[0].type} ${s.clientId ?? ''}`);
    expect(unmatched, 'TCP connections tshark saw that no link of the capture claims').toEqual([`port ${mosquitto.port} CONNECT tsh-bridge-feed`]);
    const expected = ['tsh-sub', 'tsh-pub', 'tsh-ping', 'tsh-retx', 'tsh-bridge', 'tsh-auth'].map((c) => `broker:${c}`);
    expect(links.map((l) => l.id)).toEqual(expect.arrayContaining([...expected, ...appLinks]));
    expect(links).toHaveLength(expected.length + 3); // and the app's own connection to its embedded broker
    for (const link of links) {
      const mine = streams.filter((s) => linkOf(s) === link.id);
      expect(mine.length, `${link.id}: tshark saw its TCP connection(s)`).toBeGreaterThan(0);
      const serverPort = mine[0].serverPort;
      const fromWire = mine.flatMap((s) => wireRows(s.packets, serverPort));
      const fromLog = captureRows(link);
      console.info(`[tshark-compare] ${link.id}: ${fromLog.length} rows in the log, ${fromWire.length} from tshark in ${mine.length} TCP connection(s)`);
      if (process.env.TSHARK_COMPARE_DUMP) console.info(fromWire.join('\n'));
      // Each direction must match packet for packet, in order. Across directions, TCP's two
      // streams are independent: a packet arriving while ours is on its way is read after
      // tshark saw it, so only that one interleaving difference is accepted.
      const verdict = diagnose(fromLog, fromWire, link.kind === 'connection');
      const consistent = verdict === '' || verdict.includes('crossed in flight');
      expect(consistent ? fromLog.length : fromLog, `${link.id} (${link.label}): the log's rows against tshark's${verdict}`).toEqual(consistent ? fromWire.length : fromWire);
      if (link.kind === 'broker-client') {
        // The link's remote is the latest connection's client address, which tshark saw as the source port.
        expect(link.remote, `${link.id}: remote address`).toBe(`127.0.0.1:${mine[mine.length - 1].clientPort}`);
      }
    }
  });

  it("the bridge's retransmitted PUBLISH is recorded with DUP and the same packet id", () => {
    const sent = records.filter((r) => r.linkId === 'broker:tsh-bridge' && r.type === 'PUBLISH' && r.topic === 'bridge/dup');
    expect(sent.map((r) => r.dup)).toEqual([false, true]);
    expect(sent[1].packetId).toBe(sent[0].packetId);
  });
});
