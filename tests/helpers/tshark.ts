// tshark (Debian's package) as an independent witness of what went over loopback:
// a probe that says whether it can capture here (and why not), a capture on `lo`
// limited to a few TCP ports, and a decoder that turns the pcap into one row per
// MQTT packet, in wire order, with the fields the packet log shows.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { promisify } from 'node:util';
import { packetTypeNames, type PacketTypeName } from '../../shared/packet-types';
import { holdPort } from './free-port';
import { waitFor } from './wait-for';

const execFileAsync = promisify(execFile);

export type TsharkAvailability = { ok: true; version: string } | { ok: false; reason: string };

/** One MQTT packet as tshark's dissector decoded it. Several may share a TCP segment. */
export interface WirePacket {
  frame: number;
  /** tshark's TCP conversation index. */
  stream: number;
  srcPort: number;
  dstPort: number;
  type: PacketTypeName;
  packetId: number | null;
  /** PUBLISH only (tshark shows the fixed header's QoS and DUP for PUBLISH alone). */
  qos: number | null;
  dup: boolean;
  /** PUBLISH: its topic; SUBSCRIBE and UNSUBSCRIBE: the filters, joined with ', '. */
  topic: string | null;
  /** CONNECT only. */
  clientId: string | null;
}

export interface TsharkCapture {
  file: string;
  /** What tshark wrote on stderr so far. */
  stderr(): string;
  /** SIGINT, then waits (bounded) for tshark to write the file and exit. */
  stop(): Promise<void>;
}

const startTimeoutMs = 15_000;
const stopTimeoutMs = 15_000;

/**
 * Whether tshark is installed and can capture on the loopback interface: a real capture
 * of one TCP connection to a port held for the purpose, read back. Never throws.
 */
export async function probeTshark(): Promise<TsharkAvailability> {
  let version: string;
  try {
    const { stdout } = await execFileAsync('tshark', ['--version'], { timeout: 10_000 });
    version = stdout.split('\n')[0].trim();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { ok: false, reason: e.code === 'ENOENT' ? 'tshark is not installed (Debian package tshark)' : `tshark --version failed: ${e.message}` };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-tshark-probe-'));
  const held = await holdPort();
  let capture: TsharkCapture | null = null;
  try {
    capture = await startTsharkCapture([held.port], dir);
    await connectOnce(held.port);
    // The kernel hands packets to the capture asynchronously: give them a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await capture.stop();
    const { stdout } = await execFileAsync('tshark', ['-r', capture.file, '-T', 'fields', '-e', 'frame.number'], { timeout: 20_000 });
    const frames = stdout.split('\n').filter((l) => l.trim() !== '').length;
    if (frames === 0) return { ok: false, reason: `tshark runs but captured nothing on lo (${capture.stderr().trim().split('\n').slice(-2).join(' ')})` };
    return { ok: true, version };
  } catch (err) {
    return { ok: false, reason: `tshark cannot capture on lo: ${(err as Error).message}` };
  } finally {
    await capture?.stop().catch(() => undefined);
    await held.release();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function connectOnce(port: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    };
    const timer = setTimeout(done, 2000);
    socket.once('connect', () => socket.end('probe', done));
    socket.once('error', done);
  });
}

/** Starts capturing on lo, TCP on these ports only, into a pcap file in dir; resolves once tshark says it is capturing. */
export async function startTsharkCapture(ports: number[], dir: string): Promise<TsharkCapture> {
  const file = path.join(dir, `capture-${ports.join('-')}.pcap`);
  const filter = ports.map((p) => `tcp port ${p}`).join(' or ');
  // -n: no name resolution; -F pcap: the classic format, as asked; -q: no packet count lines.
  const child = spawn('tshark', ['-n', '-q', '-i', 'lo', '-f', filter, '-F', 'pcap', '-w', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let exited: string | null = null;
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = `code ${code}, signal ${signal}`;
      resolve();
    });
    child.once('error', (err) => {
      exited = err.message;
      resolve();
    });
  });
  const stop = async () => {
    if (exited) return;
    child.kill('SIGINT');
    const stopped = await Promise.race([exit.then(() => true), delay(stopTimeoutMs).then(() => false)]);
    if (!stopped) {
      child.kill('SIGKILL');
      await Promise.race([exit, delay(5000)]);
      throw new Error(`tshark did not stop within ${stopTimeoutMs} ms of SIGINT: ${stderr.trim()}`);
    }
  };
  try {
    // "Capturing on" comes before dumpcap has opened the interface and set the filter
    // (packets right after it are missed); "Capture started" comes once dumpcap has told
    // tshark its output file, which it opens after the filter is in place. Older tshark
    // may not log the latter: then a second after "Capturing on" has to do.
    let capturingSince: number | null = null;
    const outcome = await waitFor(
      () => {
        if (/Capture started|File: "/.test(stderr)) return 'capturing';
        if (exited) return 'exited';
        if (/Capturing on/.test(stderr)) capturingSince ??= Date.now();
        return capturingSince !== null && Date.now() - capturingSince >= 1000 ? 'capturing' : null;
      },
      { what: `tshark to start capturing (filter ${filter})`, timeoutMs: startTimeoutMs, intervalMs: 25 },
    );
    if (outcome === 'exited') {
      const said = stderr.split('\n').filter((l) => l.trim() && !/Running as user|Capturing on/.test(l)).join(' ').trim();
      throw new Error(`tshark exited (${exited}) before capturing: ${said || '(nothing on stderr)'}`);
    }
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
  return { file, stderr: () => stderr, stop };
}

type JsonNode = Record<string, unknown>;

/**
 * Every MQTT packet in the file, in wire order (frame, then position in the frame),
 * with these TCP ports decoded as MQTT. tshark reassembles packets that span segments
 * and lists each packet of a segment that holds several.
 */
export async function decodeMqtt(file: string, mqttPorts: number[]): Promise<WirePacket[]> {
  const args = ['-n', '-r', file, ...mqttPorts.flatMap((p) => ['-d', `tcp.port==${p},mqtt`]), '-Y', 'mqtt', '-T', 'json', '-J', 'frame tcp mqtt', '--no-duplicate-keys'];
  const { stdout } = await execFileAsync('tshark', args, { timeout: 60_000, maxBuffer: 512 * 1024 * 1024 });
  // --no-duplicate-keys: without it, a segment's second MQTT packet (or a SUBSCRIBE's
  // second filter) would be a repeated JSON key that the parser silently drops.
  const frames = JSON.parse(stdout) as { _source: { layers: JsonNode } }[];
  const out: WirePacket[] = [];
  for (const f of frames) {
    const layers = f._source.layers;
    const frame = layers.frame as JsonNode;
    const tcp = layers.tcp as JsonNode;
    const mqttLayers = ([] as JsonNode[]).concat(layers.mqtt as JsonNode | JsonNode[]);
    for (const m of mqttLayers) {
      const flags = (m['mqtt.hdrflags_tree'] ?? {}) as JsonNode;
      const typeNumber = Number(flags['mqtt.msgtype']);
      const type = packetTypeNames[typeNumber];
      if (type === undefined || type === 'RESERVED') throw new Error(`frame ${String(frame['frame.number'])}: tshark gave MQTT type ${String(flags['mqtt.msgtype'])}`);
      const topics = fieldValues(m, 'mqtt.topic');
      out.push({
        frame: Number(frame['frame.number']),
        stream: Number(tcp['tcp.stream']),
        srcPort: Number(tcp['tcp.srcport']),
        dstPort: Number(tcp['tcp.dstport']),
        type,
        packetId: optionalNumber(m['mqtt.msgid']),
        qos: optionalNumber(flags['mqtt.qos']),
        dup: flags['mqtt.dupflag'] === '1' || flags['mqtt.dupflag'] === 'True',
        topic: topics.length ? topics.join(', ') : null,
        clientId: typeof m['mqtt.clientid'] === 'string' ? m['mqtt.clientid'] : null,
      });
    }
  }
  return out;
}

/** A field's values wherever they sit in the packet's tree (SUBSCRIBE repeats mqtt.topic per filter). */
function fieldValues(node: unknown, name: string): string[] {
  const found: string[] = [];
  const visit = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n as JsonNode)) {
        if (k === name) ([] as unknown[]).concat(v).forEach((x) => typeof x === 'string' && found.push(x));
        else visit(v);
      }
    }
  };
  visit(node);
  return found;
}

function optionalNumber(value: unknown): number | null {
  return typeof value === 'string' && value !== '' ? Number(value) : null;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
