// The core of a running web mode, asked directly over a WebSocket of the test's own
// (same token and origin as the page): what a UI action changed, or did not.
import { once } from 'node:events';
import { WebSocket } from 'ws';
import type { WebMode } from './web-mode';

export interface CoreSocket {
  call<T>(name: string, arg?: unknown): Promise<T>;
  close(): void;
}

type WireResult = { ok: true; value: unknown } | { ok: false; error: { message: string } };

export async function openCoreSocket(web: WebMode): Promise<CoreSocket> {
  const ws = new WebSocket(`${web.origin.replace(/^http/, 'ws')}/ws?token=${web.token}`, { origin: web.origin });
  await once(ws, 'open');
  let nextId = 1;
  const waiting = new Map<number, (result: WireResult) => void>();
  ws.on('message', (data) => {
    // Pushed events carry no id; answers carry the request's.
    const message = JSON.parse(String(data)) as { id?: number; result?: WireResult };
    if (message.id === undefined || !message.result) return;
    waiting.get(message.id)?.(message.result);
    waiting.delete(message.id);
  });
  return {
    call: <T>(name: string, arg?: unknown) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, (r) => (r.ok ? resolve(r.value as T) : reject(new Error(r.error.message))));
        ws.send(JSON.stringify({ id, name, arg }));
      }),
    close: () => ws.close(),
  };
}
