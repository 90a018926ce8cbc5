// A new WebSocket means a new core session, which starts with no view state. After a
// reconnect the transport replays the view requests (window, expanded nodes, selection)
// so the page sees what it saw before without knowing the socket was replaced.
import type { RequestName } from '../../shared/contract';

export interface ReplayedRequest {
  name: RequestName;
  arg: unknown;
}

export class ViewStateLog {
  // Insertion order is replay order; re-recording a key moves it to the end, so the
  // replay applies the same last word per key in the same relative order.
  private readonly entries = new Map<string, ReplayedRequest>();

  record(name: RequestName, arg: unknown): void {
    const a = (arg ?? {}) as Record<string, unknown>;
    const connectionId = String(a.connectionId ?? '');
    if (name === 'removeConnection') {
      for (const [key, entry] of this.entries) {
        if ((entry.arg as { connectionId?: unknown }).connectionId === connectionId) this.entries.delete(key);
      }
      return;
    }
    // A removed series is not started again after a reconnect.
    if (name === 'removeSeries') {
      this.entries.delete(seriesKey(a.seriesId));
      return;
    }
    const key = keyFor(name, connectionId, a);
    if (key === null) return;
    this.entries.delete(key);
    this.entries.set(key, { name, arg });
  }

  replay(): ReplayedRequest[] {
    return [...this.entries.values()];
  }
}

function keyFor(name: RequestName, connectionId: string, arg: Record<string, unknown>): string | null {
  switch (name) {
    case 'viewTree':
    case 'selectTopic':
      return JSON.stringify([name, connectionId]);
    case 'setExpanded':
      return JSON.stringify([name, connectionId, arg.path, arg.recursive === true]);
    // The capture views do not belong to a connection: one packet window and one flow window.
    case 'viewPackets':
    case 'viewFlows':
      return JSON.stringify([name]);
    // Each chart series, by the id the page gave it: a new session fills it again from the kept history.
    case 'addSeries':
      return seriesKey(arg.seriesId);
    default:
      return null;
  }
}

function seriesKey(seriesId: unknown): string {
  return JSON.stringify(['addSeries', seriesId]);
}
