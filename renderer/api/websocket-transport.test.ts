// The browser transport against a real WebSocket server on loopback (the `ws` package
// stands in for the browser's WebSocket, which Node 20 lacks).
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { RpcError } from '../../shared/rpc';
import { createWebSocketApi, type SocketLike } from './websocket-transport';

type Message = { id: number; name: string; arg?: unknown };
const servers: WebSocketServer[] = [];

async function startServer(onMessage: (ws: WebSocket, message: Message) => void): Promise<{ server: WebSocketServer; url: string }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('connection', (ws) => ws.on('message', (data) => onMessage(ws, JSON.parse(String(data)))));
  return { server, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws` };
}

const createSocket = (url: string): SocketLike => new WebSocket(url) as unknown as SocketLike;

afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('createWebSocketApi', () => {
  it('sends requests with ids and unwraps the answers', async () => {
    const seen: Message[] = [];
    const { url } = await startServer((ws, message) => {
      seen.push(message);
      if (message.name === 'getAppInfo') ws.send(JSON.stringify({ id: message.id, result: { ok: true, value: { version: '1' } } }));
      else ws.send(JSON.stringify({ id: message.id, result: { ok: false, error: { message: 'Bad topic', field: 'topic' } } }));
    });
    const api = await createWebSocketApi({ url, createSocket });

    expect(await api.getAppInfo()).toEqual({ version: '1' });
    const failure = api.publish({ connectionId: 'c', topic: '#', payload: '', format: 'text', qos: 0, retain: false });
    await expect(failure).rejects.toBeInstanceOf(RpcError);
    await expect(failure).rejects.toMatchObject({ message: 'Bad topic', field: 'topic' });
    expect(seen.map((m) => m.name)).toEqual(['getAppInfo', 'publish']);
    expect(new Set(seen.map((m) => m.id)).size).toBe(2);
    expect('arg' in seen[0]).toBe(false);
  });

  it('delivers events to subscribed handlers until they unsubscribe', async () => {
    const { server, url } = await startServer(() => {});
    const api = await createWebSocketApi({ url, createSocket });
    const received: unknown[] = [];
    const off = api.on('connections', (payload) => received.push(payload));
    const client = [...server.clients][0];
    client.send(JSON.stringify({ event: 'connections', payload: [1] }));
    client.send(JSON.stringify({ event: 'tree', payload: 'not for this handler' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    off();
    client.send(JSON.stringify({ event: 'connections', payload: [2] }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual([[1]]);
    expect(() => api.on('nope' as 'app', () => {})).toThrow(/Unknown event/);
  });

  it('times out unanswered requests', async () => {
    const { url } = await startServer(() => {});
    const api = await createWebSocketApi({ url, createSocket, requestTimeoutMs: 100 });
    await expect(api.listConnections()).rejects.toThrow(/did not answer listConnections within 0.1 s/);
  });

  it('rejects when the first connection fails', async () => {
    const { server, url } = await startServer(() => {});
    await new Promise((resolve) => server.close(resolve));
    await expect(createWebSocketApi({ url, createSocket, describeFailure: 'no host' })).rejects.toThrow('no host');
  });

  it('reconnects, fails what was in flight, and replays the view state onto the new session', async () => {
    const sessions: Message[][] = [];
    const { server, url } = await startServer((ws, message) => {
      sessions.at(-1)!.push(message);
      if (message.name !== 'listConnections') ws.send(JSON.stringify({ id: message.id, result: { ok: true } }));
    });
    server.on('connection', () => sessions.push([]));
    const api = await createWebSocketApi({ url, createSocket });
    await api.viewTree({ connectionId: 'c', start: 0, count: 20 });
    await api.setExpanded({ connectionId: 'c', path: 'a', expanded: true });

    const inFlight = api.listConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const client of server.clients) client.terminate();
    await expect(inFlight).rejects.toThrow(/lost before listConnections was answered/);

    // Sent while disconnected: queued and delivered after the replay.
    await api.selectTopic({ connectionId: 'c', topic: 'a/b' });
    expect(sessions).toHaveLength(2);
    expect(sessions[1].map((m) => m.name)).toEqual(['viewTree', 'setExpanded', 'selectTopic']);
  });
});
