// The app as the benchmarks measure it: the core with one view open, its events
// serialised as a transport would send them (JSON, counted), and one connection
// subscribed to the load. Counting reads the model, which is what the UI shows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ScopeCore, type ScopeSession } from '../../electron/core/scope-core';
import { dispatchRequest } from '../../shared/rpc';

export interface AppUnderTest {
  core: ScopeCore;
  session: ScopeSession;
  connectionId: string;
  /** A request through the same validation path as a transport. */
  call(name: string, arg?: unknown): Promise<unknown>;
  /** Bytes the view's events would have put on the wire. */
  feedBytes(): number;
  received(): number;
  close(): Promise<void>;
}

export interface AppOptions {
  /** The broker to subscribe to; null = the app's embedded broker. */
  url: string | null;
  filter: string;
  /** Embedded broker port when url is null. */
  brokerPort?: number;
  capture?: boolean;
  protocolVersion?: 4 | 5;
  qos?: 0 | 1 | 2;
}

export async function startApp(options: AppOptions): Promise<AppUnderTest> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-bench-'));
  const core = await ScopeCore.start({ dataDir, brokerPort: options.url ? 0 : (options.brokerPort ?? 0), brokerHost: '127.0.0.1', demo: false, shell: 'web', log: () => undefined });
  let bytes = 0;
  const session = core.openSession((event, payload) => {
    bytes += JSON.stringify({ event, payload }).length;
  });
  const call = async (name: string, arg?: unknown) => {
    const result = await dispatchRequest(session.handlers, name, arg);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  };
  if (options.capture === false) await call('setCaptureEnabled', { enabled: false });
  let connectionId = 'embedded';
  if (options.url) {
    ({ connectionId } = (await call('connect', { url: options.url, protocolVersion: options.protocolVersion ?? 4, subscriptions: [{ filter: options.filter, qos: options.qos ?? 0 }] })) as { connectionId: string });
  } else {
    await call('unsubscribe', { connectionId, filter: '#' });
    await call('subscribe', { connectionId, filter: options.filter, qos: options.qos ?? 0 });
  }
  const entry = core.connection(connectionId)!;
  const deadline = Date.now() + 10_000;
  while (!(entry.connection.status.kind === 'connected' && [...entry.connection.subscriptions.values()].every((s) => s.state === 'granted'))) {
    if (Date.now() > deadline) throw new Error(`the app did not connect and subscribe: ${JSON.stringify(entry.connection.status)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  // What a user looks at: the first rows of the tree, opened two levels, and one topic's history.
  const root = options.filter.replace(/\/?#$/, '');
  await call('setExpanded', { connectionId, path: root.split('/')[0], expanded: true });
  await call('setExpanded', { connectionId, path: `${root}/p0`, expanded: true });
  await call('viewTree', { connectionId, start: 0, count: 60 });
  await call('selectTopic', { connectionId, topic: `${root}/p0/0` });
  return {
    core,
    session,
    connectionId,
    call,
    feedBytes: () => bytes,
    received: () => entry.tree.messageCount,
    close: async () => {
      session.close();
      await core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
