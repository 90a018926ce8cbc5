// Retained messages through the core, on real brokers: a scan finds exactly what
// mosquitto holds (500 topics seeded with mosquitto_pub -r before the app connects),
// a recursive clear removes exactly the topics under its prefix, a restore brings
// them back byte for byte, and snapshots compare. The embedded broker's store is
// read directly and knows who set each message. Every result is checked from
// outside the app with mosquitto_sub.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClearReport, RestoreReport, RetainedDetail, RetainedDiff, RetainedPage, RetainedSnapshotInfo, ScanReport } from '../shared/retained-contract';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { freePort } from './helpers/free-port';
import { mosquittoPub, startMosquitto, type MosquittoBroker } from './helpers/mosquitto';
import { inBatches, retainedViaMosquittoSub } from './helpers/retained-check';
import { startCuttingProxy } from './helpers/cutting-proxy';
import { waitFor } from './helpers/wait-for';

interface Seeded {
  topic: string;
  qos: 0 | 1 | 2;
  payload: Buffer;
}

let broker: MosquittoBroker;
let h: CoreHarness;
let tmp: string;
const seeded: Seeded[] = [];

/** 500 topics under seed/ (half under seed/a/), text, JSON and binary payloads, QoS 0–2; and a few outside. */
function seedPlan(): Seeded[] {
  const plan: Seeded[] = [];
  for (let i = 0; i < 500; i++) {
    const branch = i < 250 ? 'a' : 'b';
    const topic = i === 7 ? 'seed/a/größe 7' : `seed/${branch}/dev-${i}/state`;
    const kind = i % 3;
    const payload =
      kind === 0 ? Buffer.from(`value ${i}`) : kind === 1 ? Buffer.from(JSON.stringify({ i, t: 20 + i / 10, ok: true })) : Buffer.from([0, 255, i & 0xff, 0x80, 0x0a, 0x0d, 0x20]);
    plan.push({ topic, qos: (i % 3) as 0 | 1 | 2, payload });
  }
  for (let i = 0; i < 5; i++) plan.push({ topic: `other/keep-${i}`, qos: 1, payload: Buffer.from(`keep ${i}`) });
  plan.push({ topic: 'seedling/not-under-seed', qos: 0, payload: Buffer.from('prefix is not a level') });
  return plan;
}

async function seed(port: number, items: Seeded[], clientId?: string): Promise<void> {
  await inBatches(items, 12, async (s, i) => {
    const file = path.join(tmp, `payload-${port}-${i}.bin`);
    fs.writeFileSync(file, s.payload);
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(port), '-r', '-q', String(s.qos), '-t', s.topic, '-f', file, ...(clientId ? ['-i', `${clientId}-${i}`] : [])]);
  });
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'retained-core-'));
  broker = await startMosquitto();
  seeded.push(...seedPlan());
  await seed(broker.port, seeded);
  h = await startCore({ brokerPort: await freePort() });
}, 60_000);

afterAll(async () => {
  await h?.close();
  await broker?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function connect(url: string, protocolVersion: 4 | 5, filter = 'nothing/here'): Promise<string> {
  const { connectionId } = (await h.ok('connect', { url, protocolVersion, subscriptions: [{ filter, qos: 0 }] })) as { connectionId: string };
  await h.waitForStatus(connectionId, 'connected');
  return connectionId;
}

async function allRows(connectionId: string, filter: string): Promise<RetainedPage['rows']> {
  const page = (await h.ok('listRetained', { connectionId, filter, search: '', sort: { column: 'topic', descending: false }, start: 0, count: 2000 })) as RetainedPage;
  return page.rows;
}

/** What the seed wrote to mosquitto (other tests add topics of their own elsewhere). */
const seededFilters = ['seed/#', 'other/#', 'seedling/#'];
const expectedUnder = (prefix: string) => seeded.filter((s) => s.topic.startsWith(prefix));

describe.each([5, 4] as const)('retained messages on mosquitto (protocol %i)', (version) => {
  let id: string;
  beforeAll(async () => {
    id = await connect(broker.url, version);
  });

  it('a scan finds exactly the 500 seeded topics, with identical payloads and QoS', async () => {
    expect((await allRows(id, '#')).length).toBe(0);
    const report = (await h.ok('scanRetained', { connectionId: id, filter: 'seed/#', quietMs: 500 })) as ScanReport;
    expect(report).toMatchObject({ method: 'subscription', found: 500, endedBy: 'quiet', dropped: 0 });
    const rows = await allRows(id, 'seed/#');
    expect(rows.map((r) => r.topic).sort()).toEqual(expectedUnder('seed/').map((s) => s.topic).sort());
    for (const s of expectedUnder('seed/')) {
      const detail = (await h.ok('getRetained', { connectionId: id, topic: s.topic })) as RetainedDetail;
      expect(Buffer.from(detail.payloadBase64, 'base64').equals(s.payload), s.topic).toBe(true);
      expect(detail.qos, s.topic).toBe(s.qos);
      expect(detail.size).toBe(s.payload.length);
      expect(detail.source).toBe('scan');
    }
  });

  it('sorts, searches and pages the index', async () => {
    const bySize = (await h.ok('listRetained', { connectionId: id, filter: 'seed/#', search: '', sort: { column: 'size', descending: true }, start: 0, count: 3 })) as RetainedPage;
    expect(bySize.total).toBe(500);
    expect(bySize.rows).toHaveLength(3);
    const largest = Math.max(...seeded.filter((s) => s.topic.startsWith('seed/')).map((s) => s.payload.length));
    expect(bySize.rows[0].size).toBe(largest);
    const searched = (await h.ok('listRetained', { connectionId: id, filter: '#', search: 'DEV-12', sort: { column: 'topic', descending: false }, start: 0, count: 100 })) as RetainedPage;
    expect(searched.rows.map((r) => r.topic)).toEqual(['seed/a/dev-12/state', 'seed/a/dev-120/state', 'seed/a/dev-121/state', 'seed/a/dev-122/state', 'seed/a/dev-123/state', 'seed/a/dev-124/state', 'seed/a/dev-125/state', 'seed/a/dev-126/state', 'seed/a/dev-127/state', 'seed/a/dev-128/state', 'seed/a/dev-129/state']);
  });

  it('a recursive clear removes exactly the topics under the prefix; a restore from the backup brings them back byte for byte', async () => {
    const under = (await allRows(id, 'seed/a/#')).map((r) => r.topic);
    expect(under).toHaveLength(250);
    const backup = (await h.ok('exportRetained', { connectionId: id, topics: under, filter: 'seed/a/#' })) as { text: string; fileName: string; count: number };
    expect(backup.count).toBe(250);
    expect(backup.fileName).toMatch(/^retained-backup-seed_a-.*\.json$/);

    const cleared = (await h.ok('clearRetained', { connectionId: id, topics: under })) as ClearReport;
    expect(cleared).toMatchObject({ requested: 250, cleared: 250, failed: [], stillRetained: [], verify: { method: 'subscription', filters: ['seed/a/#'], complete: true } });
    const afterClear = await retainedViaMosquittoSub(broker.port, seededFilters);
    const expectedLeft = seeded.filter((s) => !s.topic.startsWith('seed/a/'));
    expect([...afterClear.keys()].sort()).toEqual(expectedLeft.map((s) => s.topic).sort());
    expect((await allRows(id, 'seed/a/#')).length).toBe(0);

    const restored = (await h.ok('restoreRetained', { connectionId: id, text: backup.text })) as RestoreReport;
    expect(restored).toMatchObject({ total: 250, restored: 250, failed: [], missing: [], different: [] });
    const afterRestore = await retainedViaMosquittoSub(broker.port, seededFilters);
    expect(afterRestore.size).toBe(seeded.length);
    for (const s of seeded) {
      const seen = afterRestore.get(s.topic);
      expect(seen, s.topic).toBeDefined();
      expect(seen!.payload.equals(s.payload), s.topic).toBe(true);
      expect(seen!.qos, s.topic).toBe(s.qos);
    }
  }, 60_000);

  it('a snapshot compared later lists what was added, removed and changed', async () => {
    const prefix = `snap${version}`;
    await seed(broker.port, [
      { topic: `${prefix}/same`, qos: 1, payload: Buffer.from('same') },
      { topic: `${prefix}/changes`, qos: 1, payload: Buffer.from('before') },
      { topic: `${prefix}/goes`, qos: 0, payload: Buffer.from('soon gone') },
    ]);
    await h.ok('scanRetained', { connectionId: id, filter: `${prefix}/#`, quietMs: 300 });
    const snapshot = (await h.ok('saveRetainedSnapshot', { connectionId: id, filter: `${prefix}/#`, name: `before ${version}` })) as RetainedSnapshotInfo;
    expect(snapshot).toMatchObject({ name: `before ${version}`, filter: `${prefix}/#`, count: 3 });

    await mosquittoPub(['-h', '127.0.0.1', '-p', String(broker.port), '-r', '-q', '1', '-t', `${prefix}/changes`, '-m', 'after!']);
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(broker.port), '-r', '-q', '1', '-t', `${prefix}/goes`, '-n']);
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(broker.port), '-r', '-q', '2', '-t', `${prefix}/new`, '-m', 'hello']);

    const diff = (await h.ok('compareRetained', { connectionId: id, against: { kind: 'snapshot', id: snapshot.id } })) as RetainedDiff;
    expect(diff.added.map((d) => d.topic)).toEqual([`${prefix}/new`]);
    expect(diff.removed.map((d) => d.topic)).toEqual([`${prefix}/goes`]);
    expect(diff.changed).toEqual([{ topic: `${prefix}/changes`, before: { size: 6, qos: 1, preview: 'before' }, after: { size: 6, qos: 1, preview: 'after!' }, changes: ['payload'] }]);
    expect(diff.unchanged).toBe(1);
    expect(diff.scan.found).toBe(3);

    // The same comparison from the downloaded file.
    const file = (await h.ok('getRetainedSnapshot', { id: snapshot.id })) as { text: string };
    const fromFile = (await h.ok('compareRetained', { connectionId: id, against: { kind: 'file', text: file.text } })) as RetainedDiff;
    expect({ ...fromFile, scan: null }).toEqual({ ...diff, scan: null });
  });
});

describe('retained messages on the embedded broker', () => {
  const embeddedSeed: Seeded[] = Array.from({ length: 40 }, (_, i) => ({
    topic: `emb/${i % 2 ? 'x' : 'y'}/${i}`,
    qos: (i % 3) as 0 | 1 | 2,
    payload: i % 4 === 0 ? Buffer.from([i, 0, 255]) : Buffer.from(`embedded ${i}`),
  }));

  beforeAll(async () => {
    await h.waitForStatus('embedded', 'connected');
    await seed(h.core.appInfo().broker!.port!, embeddedSeed, 'seeder');
  }, 30_000);

  it('reads the broker store directly: every message, with the client that set it', async () => {
    const report = (await h.ok('scanRetained', { connectionId: 'embedded', filter: 'emb/#' })) as ScanReport;
    expect(report).toMatchObject({ method: 'broker-store', endedBy: 'store', found: 40 });
    const rows = await allRows('embedded', 'emb/#');
    expect(rows.map((r) => r.topic).sort()).toEqual(embeddedSeed.map((s) => s.topic).sort());
    for (const row of rows) {
      const i = embeddedSeed.findIndex((s) => s.topic === row.topic);
      expect(row.setBy).toBe(`seeder-${i}`);
      expect(row.setAt).toBeGreaterThan(0);
      const detail = (await h.ok('getRetained', { connectionId: 'embedded', topic: row.topic })) as RetainedDetail;
      expect(Buffer.from(detail.payloadBase64, 'base64').equals(embeddedSeed[i].payload)).toBe(true);
    }
  });

  it('follows the broker: a retained message set or cleared by any client shows without a scan', async () => {
    const port = h.core.appInfo().broker!.port!;
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(port), '-r', '-t', 'emb/live', '-m', 'now', '-i', 'live-setter']);
    const row = await waitFor(async () => (await allRows('embedded', 'emb/live')).find((r) => r.topic === 'emb/live'), { what: 'emb/live in the index' });
    expect(row).toMatchObject({ setBy: 'live-setter', source: 'broker-store', size: 3 });
    await mosquittoPub(['-h', '127.0.0.1', '-p', String(port), '-r', '-t', 'emb/live', '-n']);
    await waitFor(async () => (await allRows('embedded', 'emb/live')).length === 0, { what: 'emb/live to leave the index' });
  });

  it('clears a subtree and restores it, checked in the store and from outside', async () => {
    const port = h.core.appInfo().broker!.port!;
    const topics = (await allRows('embedded', 'emb/x/#')).map((r) => r.topic);
    expect(topics).toHaveLength(20);
    const backup = (await h.ok('exportRetained', { connectionId: 'embedded', topics, filter: 'emb/x/#' })) as { text: string };
    const cleared = (await h.ok('clearRetained', { connectionId: 'embedded', topics })) as ClearReport;
    expect(cleared).toMatchObject({ cleared: 20, failed: [], stillRetained: [], verify: { method: 'broker-store', complete: true } });
    const left = await retainedViaMosquittoSub(port, ['emb/#']);
    expect([...left.keys()].sort()).toEqual(embeddedSeed.filter((s) => s.topic.startsWith('emb/y/')).map((s) => s.topic).sort());
    const restored = (await h.ok('restoreRetained', { connectionId: 'embedded', text: backup.text })) as RestoreReport;
    expect(restored).toMatchObject({ restored: 20, missing: [], different: [] });
    const back = await retainedViaMosquittoSub(port, ['emb/#']);
    for (const s of embeddedSeed) expect(back.get(s.topic)?.payload.equals(s.payload), s.topic).toBe(true);
    // Restored by MQTT Scope's own connection: the store says so.
    const row = (await allRows('embedded', 'emb/x/#'))[0];
    expect(row.setBy).toBe((await h.summary('embedded'))!.clientId);
  });
});

describe('a scan whose connection drops', () => {
  it('says it is incomplete and takes nothing off the list', async () => {
    const big = Array.from({ length: 200 }, (_, i) => ({ topic: `cut/${i}`, qos: 0 as const, payload: Buffer.alloc(2048, i) }));
    await seed(broker.port, big);
    const proxy = await startCuttingProxy(broker.port, null);
    try {
      const id = await connect(`mqtt://127.0.0.1:${proxy.port}`, 4);
      const full = (await h.ok('scanRetained', { connectionId: id, filter: 'cut/#', quietMs: 300 })) as ScanReport;
      expect(full).toMatchObject({ endedBy: 'quiet', found: 200 });
      // From now on the network drops each new connection after 150 KB (of the 400 KB the set takes).
      proxy.cutAfter(150_000);
      const cut = (await h.ok('scanRetained', { connectionId: id, filter: 'cut/#', quietMs: 300 })) as ScanReport;
      expect(cut.endedBy).toBe('disconnected');
      expect(cut.found).toBeLessThan(200);
      expect(cut.dropped).toBe(0);
      // Absence in an incomplete scan proves nothing: all 200 stay listed.
      expect((await allRows(id, 'cut/#')).length).toBe(200);
    } finally {
      await proxy.close();
    }
  }, 60_000);
});

describe('bad input to the retained requests', () => {
  it('refuses a bad filter, a wildcard topic to clear, and files that are not backups, at their fields', async () => {
    const call = (name: string, arg: unknown) => h.call(name, arg);
    expect(await call('scanRetained', { connectionId: 'embedded', filter: 'a/#/b' })).toMatchObject({ ok: false, error: { field: 'filter' } });
    expect(await call('clearRetained', { connectionId: 'embedded', topics: ['ok/topic', 'bad/+'] })).toMatchObject({ ok: false, error: { field: 'topics.1' } });
    expect(await call('clearRetained', { connectionId: 'embedded', topics: [] })).toMatchObject({ ok: false, error: { field: 'topics' } });
    expect(await call('restoreRetained', { connectionId: 'embedded', text: '{"format":"mqtt-scope-profiles"}' })).toEqual({
      ok: false,
      error: { field: 'text', message: 'This is not a retained-messages file of MQTT Scope (its "format" is not "mqtt-scope-retained").' },
    });
    expect(await call('restoreRetained', { connectionId: 'embedded', text: 'nope' })).toMatchObject({ ok: false, error: { field: 'text', message: expect.stringMatching(/^The file is not JSON: /) } });
    const twice = JSON.stringify({ format: 'mqtt-scope-retained', version: 1, savedAt: '2026-01-01T00:00:00Z', broker: 'x', filter: '#', messages: [{ topic: 'a', qos: 0, payloadBase64: 'YQ==' }, { topic: 'a', qos: 0, payloadBase64: 'Yg==' }] });
    expect(await call('restoreRetained', { connectionId: 'embedded', text: twice })).toMatchObject({ ok: false, error: { field: 'text', message: expect.stringMatching(/appears twice/) } });
    expect(await call('exportRetained', { connectionId: 'embedded', topics: ['never/retained'], filter: '#' })).toMatchObject({ ok: false, error: { field: 'topics' } });
    expect(await call('compareRetained', { connectionId: 'embedded', against: { kind: 'snapshot', id: 'no-such' } })).toMatchObject({ ok: false, error: { field: 'id' } });
  });
});
