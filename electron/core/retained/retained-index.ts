// What MQTT Scope knows a broker holds as retained messages, per connection: learned
// from messages delivered with the retain flag (a broker sets it on the retained
// messages it sends when a subscription is made), replaced under a filter by a scan,
// and kept up to date by our own clears and restores.
import type { RetainedRow, RetainedSortColumn, RetainedSource, ScanReport } from '../../../shared/retained-contract';
import { previewPayload } from '../../../shared/payload-format';
import { topicMatchesFilter } from '../../../shared/topic';

export interface RetainedRecord {
  topic: string;
  payload: Uint8Array;
  qos: 0 | 1 | 2;
  /** 5.0 properties as MQTT.js decodes them (correlationData a Buffer), if any. */
  properties: Record<string, unknown> | undefined;
  firstSeenAt: number;
  changedAt: number;
  source: RetainedSource;
}

export interface ObservedRetained {
  topic: string;
  payload: Uint8Array;
  qos: 0 | 1 | 2;
  properties: Record<string, unknown> | undefined;
}

/** The embedded broker knows who set a retained message and when. */
export type OriginLookup = (topic: string) => { clientId: string; at: number } | undefined;

export interface RetainedQuery {
  filter: string;
  search: string;
  sort: { column: RetainedSortColumn; descending: boolean };
  start: number;
  count: number;
}

const previewChars = 160;
const collator = new Intl.Collator('en', { numeric: true });

export class RetainedIndex {
  private readonly records = new Map<string, RetainedRecord>();
  revision = 0;
  lastScan: ScanReport | null = null;

  get size(): number {
    return this.records.size;
  }

  get(topic: string): RetainedRecord | undefined {
    return this.records.get(topic);
  }

  /** A message that arrived with the retain flag; an empty one means the broker no longer holds any. */
  observe(m: ObservedRetained, now: number, source: RetainedSource): void {
    if (m.payload.length === 0) {
      if (this.records.delete(m.topic)) this.revision++;
      return;
    }
    const old = this.records.get(m.topic);
    const same = old !== undefined && old.qos === m.qos && sameBytes(old.payload, m.payload);
    this.records.set(m.topic, {
      topic: m.topic,
      payload: m.payload,
      qos: m.qos,
      properties: m.properties,
      firstSeenAt: old?.firstSeenAt ?? now,
      changedAt: same ? old.changedAt : now,
      source,
    });
    this.revision++;
  }

  /** A complete scan of a filter: what it found is what the broker holds there. Returns how many were dropped. */
  replaceUnder(filters: readonly string[], found: readonly ObservedRetained[], now: number, source: RetainedSource): number {
    const seen = new Set(found.map((m) => m.topic));
    let dropped = 0;
    for (const topic of this.records.keys()) {
      if (!seen.has(topic) && filters.some((f) => topicMatchesFilter(f, topic))) {
        this.records.delete(topic);
        dropped++;
      }
    }
    for (const m of found) this.observe(m, now, source);
    this.revision++;
    return dropped;
  }

  remove(topics: Iterable<string>): void {
    for (const topic of topics) this.records.delete(topic);
    this.revision++;
  }

  under(filter: string): RetainedRecord[] {
    return [...this.records.values()].filter((r) => topicMatchesFilter(filter, r.topic));
  }

  page(query: RetainedQuery, origin: OriginLookup): { total: number; rows: RetainedRow[] } {
    const needle = query.search.toLowerCase();
    const rows = this.under(query.filter)
      .filter((r) => needle === '' || r.topic.toLowerCase().includes(needle))
      .map((r) => rowOf(r, origin));
    const { column, descending } = query.sort;
    const sign = descending ? -1 : 1;
    rows.sort((a, b) => sign * compareRows(a, b, column) || collator.compare(a.topic, b.topic));
    return { total: rows.length, rows: rows.slice(query.start, query.start + query.count) };
  }
}

export function rowOf(r: RetainedRecord, origin: OriginLookup): RetainedRow {
  const preview = previewPayload(r.payload, previewChars);
  const set = origin(r.topic);
  return {
    topic: r.topic,
    size: r.payload.length,
    qos: r.qos,
    preview: preview.preview,
    previewFormat: preview.format,
    previewTruncated: preview.truncated,
    firstSeenAt: r.firstSeenAt,
    changedAt: r.changedAt,
    setBy: set?.clientId ?? null,
    setAt: set?.at ?? null,
    source: r.source,
  };
}

function compareRows(a: RetainedRow, b: RetainedRow, column: RetainedSortColumn): number {
  switch (column) {
    case 'topic':
      return collator.compare(a.topic, b.topic);
    case 'size':
      return a.size - b.size;
    case 'qos':
      return a.qos - b.qos;
    case 'firstSeenAt':
      return a.firstSeenAt - b.firstSeenAt;
    case 'setAt':
      return (a.setAt ?? -1) - (b.setAt ?? -1);
    case 'setBy':
      return collator.compare(a.setBy ?? '', b.setBy ?? '');
  }
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
