// The contract over a WebSocket: the browser sends {id, name, arg}, we answer
// {id, result} with the same RpcResult envelope the Electron IPC carries, and push
// {event, payload}. One core session per socket, so each tab has its own view.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { dispatchRequest } from '../../shared/rpc';
import type { EventPush, ScopeSession } from '../core/scope-core';

export interface SessionSource {
  openSession(push: EventPush): ScopeSession;
}

export interface WebSocketTransport {
  /** Call only after the upgrade request passed the token and origin checks. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

/** publish allows payload strings up to 512 MiB; base64 and JSON framing add about a third. */
const MAX_MESSAGE_BYTES = 800 * 1024 * 1024;
/** A browser that slept or lost its network stops answering pings; its session must not linger. */
const HEARTBEAT_MS = 30_000;

export function createWebSocketTransport(sessions: SessionSource): WebSocketTransport {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const alive = new WeakMap<WebSocket, boolean>();

  const heartbeat = setInterval(() => {
    for (const ws of server.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  server.on('connection', (ws: WebSocket) => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));

    const send = (message: unknown): void => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    };
    let session: ScopeSession;
    try {
      session = sessions.openSession((event, payload) => send({ event, payload }));
    } catch (err) {
      console.error(`MQTT Scope could not open a session for a browser: ${err instanceof Error ? err.message : String(err)}`);
      ws.close(1011, 'Could not open a session');
      return;
    }
    let closed = false;
    const closeSession = (): void => {
      if (closed) return;
      closed = true;
      session.close();
    };
    ws.on('close', closeSession);
    ws.on('error', () => ws.terminate());

    ws.on('message', (data: RawData, isBinary: boolean) => {
      const request = isBinary ? null : parseRequest(data);
      if (!request) {
        // Not our client: a well-behaved one never sends anything else.
        ws.close(1008, 'Expected {"id", "name", "arg"} JSON');
        return;
      }
      void dispatchRequest(session.handlers, request.name, request.arg).then((result) => {
        if (!closed) send({ id: request.id, result });
      });
    });
  });

  return {
    handleUpgrade(req, socket, head) {
      server.handleUpgrade(req, socket, head, (ws) => server.emit('connection', ws, req));
    },
    close() {
      clearInterval(heartbeat);
      for (const ws of server.clients) ws.terminate();
      server.close();
    },
  };
}

interface WireRequest {
  id: number | string;
  name: unknown;
  arg: unknown;
}

function parseRequest(data: RawData): WireRequest | null {
  let message: unknown;
  try {
    message = JSON.parse(rawToString(data));
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const { id, name, arg } = message as Record<string, unknown>;
  const idOk = (typeof id === 'number' && Number.isSafeInteger(id)) || (typeof id === 'string' && id.length <= 100);
  return idOk ? { id: id as number | string, name, arg } : null;
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}
