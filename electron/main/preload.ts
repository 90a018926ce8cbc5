// Runs sandboxed in each document before the page. Exposes window.scope: one function
// per request of the contract and on(event, handler) for its events, nothing else;
// never ipcRenderer itself. Bundled into one CommonJS file: sandboxed preloads cannot
// load relative modules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { PRELOAD_EVENT_NAMES, PRELOAD_REQUEST_NAMES } from './contract-names';
import { EVENT_CHANNEL, REQUEST_CHANNEL, SESSION_CHANNEL } from './ipc-channels';

const bridge: Record<string, unknown> = {};

for (const name of PRELOAD_REQUEST_NAMES) {
  // Only the first argument crosses: every request takes one argument object or none.
  bridge[name] = (arg?: unknown): Promise<unknown> => ipcRenderer.invoke(REQUEST_CHANNEL, name, arg);
}

bridge.on = (event: unknown, handler: unknown): (() => void) => {
  if (!(PRELOAD_EVENT_NAMES as readonly unknown[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
  if (typeof handler !== 'function') throw new Error('on(event, handler) needs a function');
  const listener = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown): void => {
    if (name === event) handler(payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, listener);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  };
};

contextBridge.exposeInMainWorld('scope', bridge);
// A new document means new views: ask for a fresh session before the page's first request.
ipcRenderer.send(SESSION_CHANNEL);
