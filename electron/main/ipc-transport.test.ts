// The IPC transport's sender checks and session lifecycle, with ipcMain and
// WebContents replaced by small fakes (there is no Electron binary in unit tests).
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestNames } from '../../shared/contract';
import type { RequestHandlers } from '../../shared/rpc';
import type { EventPush, ScopeSession } from '../core/scope-core';

const ipc = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  listeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => ipc.handlers.set(channel, fn),
    on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => ipc.listeners.set(channel, fn),
    removeHandler: (channel: string) => ipc.handlers.delete(channel),
    removeAllListeners: (channel: string) => ipc.listeners.delete(channel),
  },
}));

const { bindIpcTransport } = await import('./ipc-transport');
const { EVENT_CHANNEL, REQUEST_CHANNEL, SESSION_CHANNEL } = await import('./ipc-channels');

let nextContentsId = 1;

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  frameToken: string;
}

const APP_URL = 'mqtt-scope://app/index.html';

/** The window's top-level frame: what a trusted request comes from. */
const mainFrame = (url = APP_URL): FakeFrame => ({ url, parent: null, processId: 1, frameToken: 'main' });

class FakeContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame = mainFrame();
  sent: unknown[][] = [];
  destroyed = false;
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function makeCore() {
  const opened: { push: EventPush; closed: boolean }[] = [];
  return {
    opened,
    openSession(push: EventPush): ScopeSession {
      const record = { push, closed: false };
      opened.push(record);
      const handlers = Object.fromEntries(requestNames.map((name) => [name, async () => undefined])) as unknown as RequestHandlers;
      return { handlers: { ...handlers, getAppInfo: async () => ({ session: opened.length }) as never }, close: () => void (record.closed = true) };
    },
  };
}

function invoke(sender: FakeContents, senderFrame: FakeFrame | null, name: unknown, arg?: unknown): Promise<unknown> {
  return Promise.resolve(ipc.handlers.get(REQUEST_CHANNEL)!({ sender, senderFrame }, name, arg));
}

describe('bindIpcTransport', () => {
  let core: ReturnType<typeof makeCore>;
  let contents: FakeContents;

  beforeEach(() => {
    // Refusals are logged on purpose; keep the test output quiet.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    ipc.handlers.clear();
    ipc.listeners.clear();
    core = makeCore();
    contents = new FakeContents();
    bindIpcTransport(core).trust(contents as never);
  });

  it('answers requests from the main frame of a trusted window on the app origin', async () => {
    expect(await invoke(contents, mainFrame(), 'getAppInfo')).toEqual({ ok: true, value: { session: 1 } });
  });

  it('validates arguments through the contract', async () => {
    const result = await invoke(contents, mainFrame(), 'subscribe', { connectionId: 'c', filter: 'a', qos: 5 });
    expect(result).toMatchObject({ ok: false, error: { field: 'qos' } });
    expect(await invoke(contents, mainFrame(), 'constructor')).toMatchObject({ ok: false });
  });

  it('refuses subframes, other origins, vanished frames and untrusted contents', async () => {
    const refused = { ok: false, error: { message: expect.stringMatching(/^Refused/), field: null } };
    expect(await invoke(contents, { url: APP_URL, parent: mainFrame(), processId: 1, frameToken: 'sub' }, 'getAppInfo')).toEqual(refused);
    // Without a parent but not the window's main frame (a fenced frame's root looks like this).
    expect(await invoke(contents, { url: APP_URL, parent: null, processId: 1, frameToken: 'fenced' }, 'getAppInfo')).toEqual(refused);
    expect(await invoke(contents, mainFrame('https://evil.example/'), 'getAppInfo')).toEqual(refused);
    expect(await invoke(contents, mainFrame('file:///index.html'), 'getAppInfo')).toEqual(refused);
    expect(await invoke(contents, null, 'getAppInfo')).toEqual(refused);
    expect(await invoke(new FakeContents(), mainFrame(), 'getAppInfo')).toEqual(refused);
    expect(core.opened).toHaveLength(0);
  });

  it('pushes events of the session to its window while it shows the app', async () => {
    await invoke(contents, mainFrame(), 'getAppInfo');
    core.opened[0].push('connections', []);
    expect(contents.sent).toEqual([[EVENT_CHANNEL, 'connections', []]]);
    // The window now shows another origin (only the main process could do that): nothing for it.
    contents.mainFrame.url = 'https://evil.example/';
    core.opened[0].push('connections', []);
    expect(contents.sent).toHaveLength(1);
    contents.mainFrame.url = APP_URL;
    contents.destroyed = true;
    core.opened[0].push('connections', []);
    expect(contents.sent).toHaveLength(1);
  });

  it('gives each new document a fresh session and closes the old one', async () => {
    ipc.listeners.get(SESSION_CHANNEL)!({ sender: contents, senderFrame: mainFrame() });
    expect(await invoke(contents, mainFrame(), 'getAppInfo')).toEqual({ ok: true, value: { session: 1 } });
    ipc.listeners.get(SESSION_CHANNEL)!({ sender: contents, senderFrame: mainFrame() });
    expect(core.opened.map((s) => s.closed)).toEqual([true, false]);
    expect(await invoke(contents, mainFrame(), 'getAppInfo')).toEqual({ ok: true, value: { session: 2 } });
    // An untrusted frame cannot reset the session.
    ipc.listeners.get(SESSION_CHANNEL)!({ sender: contents, senderFrame: mainFrame('https://evil.example/') });
    expect(core.opened).toHaveLength(2);
  });

  it('closes the session when the window goes away', async () => {
    await invoke(contents, mainFrame(), 'getAppInfo');
    contents.emit('destroyed');
    expect(core.opened[0].closed).toBe(true);
    expect(await invoke(contents, mainFrame(), 'getAppInfo')).toMatchObject({ ok: false });
  });
});
