// The retained operations of all connections: scan, clear (with its check), restore
// (with its check), export, snapshots and compare. One operation at a time per
// connection, each shown as a job with its progress while it runs.
import type { ClearReport, RestoreReport, RetainedDiff, RetainedJob, ScanReport, VerifyReport } from '../../../shared/retained-contract';
import { coveringFilters } from '../../../shared/covering-filters';
import { diffRetainedSets } from '../../../shared/retained-diff';
import { parseRetainedFile, serializeRetainedFile, type RetainedFile, type RetainedFileMessage } from '../../../shared/retained-file';
import { displayBrokerUrl } from '../../../shared/broker-url';
import { UserInputError } from '../../../shared/rpc';
import { topicFilterProblem } from '../../../shared/topic';
import type { ConnectionEntry } from '../connection-entry';
import type { EmbeddedBroker } from '../embedded-broker';
import { buildPublish } from '../publish/publish-builder';
import { sameBytes, type ObservedRetained } from './retained-index';
import { toFileProperties } from './retained-properties';
import { defaultScanLimits, readBrokerStore, scanBySubscription, type ScanLimits, type ScanResult } from './retained-scanner';
import type { SnapshotStore } from './snapshot-store';

/** Clears and restores in flight at once on one connection (the send window applies beneath). */
const concurrency = 64;

export interface RetainedHost {
  connection(id: string): ConnectionEntry | undefined;
  /** The embedded broker when this connection goes to it (its store can be read directly). */
  embeddedBrokerFor(entry: ConnectionEntry): EmbeddedBroker | null;
}

export class RetainedService {
  private readonly jobs = new Map<string, RetainedJob>();
  revision = 0;

  constructor(
    private readonly host: RetainedHost,
    readonly snapshots: SnapshotStore,
  ) {}

  jobList(): RetainedJob[] {
    return [...this.jobs.values()].map((j) => ({ ...j }));
  }

  touch(): void {
    this.revision++;
  }

  async scan(entry: ConnectionEntry, filter: string, limits: Partial<ScanLimits> = {}): Promise<ScanReport> {
    const problem = topicFilterProblem(filter);
    if (problem) throw new UserInputError(problem, 'filter');
    return this.exclusive(entry, 'scan', null, async (job) => {
      const report = await this.scanInto(entry, filter, { ...defaultScanLimits, ...limits }, job);
      entry.retained.lastScan = report;
      return report;
    });
  }

  async clear(entry: ConnectionEntry, topics: string[]): Promise<ClearReport> {
    const started = Date.now();
    const unique = [...new Set(topics)];
    unique.forEach((t, i) => {
      if (t.includes('+') || t.includes('#')) throw new UserInputError(`${t} is a filter, not a topic: list the topics to clear.`, `topics.${i}`);
    });
    return this.exclusive(entry, 'clear', unique.length, async (job) => {
      const failed: ClearReport['failed'] = [];
      const cleared: string[] = [];
      await inPool(unique, async (topic) => {
        try {
          await entry.connection.publish(topic, new Uint8Array(0), 1, { retain: true });
          cleared.push(topic);
        } catch (err) {
          failed.push({ topic, reason: (err as Error).message });
          job.failed++;
        }
        job.done++;
        this.touch();
      });
      entry.retained.remove(cleared);
      const check = cleared.length ? await this.check(entry, cleared, job) : null;
      const stillRetained = check ? cleared.filter((t) => check.found.has(t)) : [];
      return {
        requested: unique.length,
        cleared: cleared.length - stillRetained.length,
        failed,
        stillRetained: stillRetained.sort(),
        verify: check?.verify ?? { method: this.method(entry), filters: [], complete: true },
        durationMs: Date.now() - started,
      };
    });
  }

  async restore(entry: ConnectionEntry, text: string): Promise<RestoreReport> {
    const started = Date.now();
    const file = this.parse(text);
    const v5 = entry.connection.options.protocolVersion === 5;
    return this.exclusive(entry, 'restore', file.messages.length, async (job) => {
      const failed: RestoreReport['failed'] = [];
      const sent: RetainedFileMessage[] = [];
      await inPool(file.messages, async (m) => {
        try {
          const built = buildPublish({ topic: m.topic, payload: m.payloadBase64, format: 'base64', qos: m.qos, retain: true, properties: v5 ? m.properties : undefined }, entry.connection);
          await entry.connection.publish(built.topic, built.payload, built.qos, built.options);
          sent.push(m);
        } catch (err) {
          failed.push({ topic: m.topic, reason: (err as Error).message });
          job.failed++;
        }
        job.done++;
        this.touch();
      });
      const check = sent.length ? await this.check(entry, sent.map((m) => m.topic), job) : null;
      const missing: string[] = [];
      const different: string[] = [];
      for (const m of sent) {
        const now = check?.found.get(m.topic);
        if (!now) missing.push(m.topic);
        else if (!sameBytes(now.payload, Buffer.from(m.payloadBase64, 'base64'))) different.push(m.topic);
      }
      return {
        total: file.messages.length,
        restored: sent.length - missing.length - different.length,
        failed,
        missing: missing.sort(),
        different: different.sort(),
        verify: check?.verify ?? { method: this.method(entry), filters: [], complete: true },
        durationMs: Date.now() - started,
      };
    });
  }

  exportFile(entry: ConnectionEntry, topics: string[], filter: string, name?: string): { file: RetainedFile; text: string } {
    const messages: RetainedFileMessage[] = [];
    const unknown: string[] = [];
    for (const topic of new Set(topics)) {
      const r = entry.retained.get(topic);
      if (!r) {
        unknown.push(topic);
        continue;
      }
      const properties = toFileProperties(r.properties);
      messages.push({ topic, qos: r.qos, payloadBase64: Buffer.from(r.payload).toString('base64'), ...(properties ? { properties } : {}) });
    }
    if (unknown.length) {
      throw new UserInputError(`${unknown.length} of these topics hold no retained message that MQTT Scope knows of (${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}); scan again first.`, 'topics');
    }
    messages.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
    const file = { savedAt: new Date().toISOString(), broker: displayBrokerUrl(entry.connection.options.address), filter, ...(name ? { name } : {}), messages };
    return { file: { format: 'mqtt-scope-retained', version: 1, ...file }, text: serializeRetainedFile(file) };
  }

  async compare(entry: ConnectionEntry, referenceText: string): Promise<RetainedDiff> {
    const reference = this.parse(referenceText);
    const scan = await this.scan(entry, reference.filter);
    const current = this.exportFile(entry, entry.retained.under(reference.filter).map((r) => r.topic), reference.filter).file.messages;
    return { filter: reference.filter, referenceSavedAt: Date.parse(reference.savedAt), scan, ...diffRetainedSets(reference.messages, current) };
  }

  private parse(text: string): RetainedFile {
    const parsed = parseRetainedFile(text);
    if (!parsed.ok) throw new UserInputError(parsed.problem, 'text');
    return parsed.file;
  }

  private method(entry: ConnectionEntry): VerifyReport['method'] {
    return this.host.embeddedBrokerFor(entry) ? 'broker-store' : 'subscription';
  }

  /** Scans the filters that cover the topics; what it finds also refreshes the index. */
  private async check(entry: ConnectionEntry, topics: string[], job: RetainedJob): Promise<{ found: Map<string, ObservedRetained>; verify: VerifyReport }> {
    job.kind = 'verify';
    job.done = 0;
    job.total = null;
    this.touch();
    const filters = coveringFilters(topics);
    const result = await this.find(entry, filters, defaultScanLimits, job);
    const complete = isComplete(result);
    if (complete) entry.retained.replaceUnder(filters, result.messages, Date.now(), this.source(entry));
    return {
      found: new Map(result.messages.map((m) => [m.topic, m])),
      verify: { method: this.method(entry), filters, complete },
    };
  }

  private async scanInto(entry: ConnectionEntry, filter: string, limits: ScanLimits, job: RetainedJob): Promise<ScanReport> {
    const filters = [filter];
    const started = Date.now();
    const result = await this.find(entry, filters, limits, job);
    // An incomplete scan adds what it found but removes nothing: absence proves nothing then.
    const dropped = isComplete(result)
      ? entry.retained.replaceUnder(filters, result.messages, Date.now(), this.source(entry))
      : (result.messages.forEach((m) => entry.retained.observe(m, Date.now(), this.source(entry))), 0);
    const report: ScanReport = {
      filter: filters[0],
      method: this.method(entry),
      found: result.messages.length,
      dropped,
      endedBy: result.endedBy,
      durationMs: Date.now() - started,
      at: Date.now(),
    };
    return report;
  }

  private find(entry: ConnectionEntry, filters: string[], limits: ScanLimits, job: RetainedJob): Promise<ScanResult> {
    const broker = this.host.embeddedBrokerFor(entry);
    if (broker) return readBrokerStore(broker, filters);
    return scanBySubscription(entry.connection, filters, limits, (count) => {
      job.done = count;
      this.touch();
    });
  }

  private source(entry: ConnectionEntry): 'scan' | 'broker-store' {
    return this.host.embeddedBrokerFor(entry) ? 'broker-store' : 'scan';
  }

  private async exclusive<T>(entry: ConnectionEntry, kind: RetainedJob['kind'], total: number | null, run: (job: RetainedJob) => Promise<T>): Promise<T> {
    const running = this.jobs.get(entry.id);
    if (running) throw new UserInputError(`A retained ${running.kind} is still running on this connection; wait for it to finish.`, null);
    const job: RetainedJob = { connectionId: entry.id, kind, done: 0, total, failed: 0, startedAt: Date.now() };
    this.jobs.set(entry.id, job);
    this.touch();
    try {
      return await run(job);
    } finally {
      this.jobs.delete(entry.id);
      this.touch();
    }
  }
}

function isComplete(result: ScanResult): boolean {
  return result.endedBy === 'quiet' || result.endedBy === 'store';
}

async function inPool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
