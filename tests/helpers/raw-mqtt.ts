// A bare MQTT client over a socket: writes exactly the packets a test builds (mqtt-packet)
// and records every packet and the close, so a test can do what a well-behaved client
// never does: skip a PUBREL, send a packet too large, send garbage.
import net from 'node:net';
import mqttPacket, { type Packet } from 'mqtt-packet';
import { waitFor } from './wait-for';

export interface RawClient {
  socket: net.Socket;
  received: Packet[];
  closed: boolean;
  send(packet: Packet): void;
  sendBytes(bytes: Uint8Array): void;
  /** Waits for a received packet matching the predicate. */
  next<P extends Packet>(predicate: (p: Packet) => p is P, what: string, timeoutMs?: number): Promise<P>;
  waitClosed(timeoutMs?: number): Promise<void>;
  end(): void;
}

export async function rawConnect(port: number, protocolVersion: 4 | 5 = 5): Promise<RawClient> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const parser = mqttPacket.parser({ protocolVersion });
  const client: RawClient = {
    socket,
    received: [],
    closed: false,
    send: (packet) => {
      socket.write(mqttPacket.generate(packet, { protocolVersion }));
    },
    sendBytes: (bytes) => {
      socket.write(bytes);
    },
    next: (predicate, what, timeoutMs = 5000) => waitFor(() => client.received.find(predicate) ?? null, { what, timeoutMs }) as Promise<never>,
    waitClosed: (timeoutMs = 5000) => waitFor(() => client.closed || null, { what: 'the broker to close the connection', timeoutMs }).then(() => undefined),
    end: () => {
      socket.destroy();
    },
  };
  parser.on('packet', (p) => client.received.push(p));
  // A server's answer may be cut by the close it announces: what arrived stays recorded.
  parser.on('error', () => undefined);
  socket.on('data', (chunk) => parser.parse(chunk));
  socket.on('error', () => undefined);
  socket.on('close', () => {
    client.closed = true;
  });
  return client;
}

export function connectPacket(clientId: string, protocolVersion: 4 | 5 = 5, extra: Partial<mqttPacket.IConnectPacket> = {}): mqttPacket.IConnectPacket {
  return { cmd: 'connect', protocolId: 'MQTT', protocolVersion, clean: true, clientId, keepalive: 60, ...extra };
}
