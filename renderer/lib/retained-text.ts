// The retained view's reports in words: how a scan ended (and whether its set can be
// trusted as complete), how a clear or restore was checked, what a compare found.
import type { RetainedDiffItem, RetainedRow, ScanReport, VerifyReport } from '../../shared/retained-contract';
import { formatCount } from './format-number';
import { formatClock, formatDateTime } from './format-time';

/** 850 -> "850 ms", 1234 -> "1.2 s", 65000 -> "1 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

export interface ScanReportText {
  /** "Found 30 under #". */
  found: string;
  /** How the scan ended and how long it took. */
  ended: string;
  /** Set when the set may be incomplete. */
  warning: string | null;
  /** Index entries the scan showed to be gone, when there were any. */
  dropped: string | null;
}

/** Whether a scan saw the whole set under its filter (only then does absence mean "not retained"). */
export function scanComplete(r: ScanReport): boolean {
  return r.endedBy === 'quiet' || r.endedBy === 'store';
}

export function scanReportText(r: ScanReport): ScanReportText {
  const took = formatDuration(r.durationMs);
  const ended =
    r.endedBy === 'store'
      ? `read from the broker's store (complete, ${took})`
      : r.endedBy === 'quiet'
        ? `complete: nothing more arrived (${took})`
        : r.endedBy === 'disconnected'
          ? `the scan's connection dropped (${took})`
          : `stopped at the time limit (${took})`;
  return {
    found: `Found ${formatCount(r.found)} under ${r.filter}`,
    ended,
    warning: r.endedBy === 'timeout' ? 'may be incomplete: the broker was still sending' : r.endedBy === 'disconnected' ? 'incomplete: nothing was taken off the list' : null,
    dropped: r.dropped > 0 ? `${formatCount(r.dropped)} no longer retained, taken off the list` : null,
  };
}

/** How a clear or restore was checked afterwards. */
export function verifyText(v: VerifyReport): string {
  if (v.filters.length === 0) return 'Nothing to check.';
  const filters = v.filters.join(', ');
  const how = v.method === 'broker-store' ? `Checked in the embedded broker's store under ${filters}` : `Checked by subscribing again to ${filters}`;
  return v.complete ? `${how}.` : `${how}; the check stopped at its time limit, so it may have missed some.`;
}

const changeNames: Record<RetainedDiffItem['changes'][number], string> = { payload: 'payload', qos: 'QoS', properties: '5.0 properties' };

/** ['payload', 'qos'] -> "payload and QoS changed". */
export function changesText(changes: RetainedDiffItem['changes']): string {
  const names = changes.map((c) => changeNames[c]);
  if (names.length === 0) return '';
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${list} changed`;
}

/** Same day: the clock; another day: the date, where the clock alone would mislead. */
export function shortTime(epochMs: number, now: number): string {
  const a = new Date(epochMs);
  const b = new Date(now);
  const sameDay = a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  return sameDay ? formatClock(epochMs).slice(0, 8) : formatDateTime(epochMs).slice(0, 10);
}

const sourceNames: Record<RetainedRow['source'], string> = {
  subscription: 'delivered to a subscription of this connection',
  scan: 'found by a scan',
  'broker-store': "read from the embedded broker's store",
};

export function sourceText(source: RetainedRow['source']): string {
  return sourceNames[source];
}

/** Who set a retained message: only the embedded broker knows, and only since it started. */
export function setByText(row: Pick<RetainedRow, 'setBy'>, embedded: boolean): { text: string; title: string } {
  if (row.setBy !== null) return { text: row.setBy, title: `Set by client ${row.setBy}` };
  return embedded
    ? { text: '—', title: 'Set before this broker started, or by MQTT Scope itself: not known' }
    : { text: '—', title: 'Only the embedded broker knows who set a retained message' };
}
