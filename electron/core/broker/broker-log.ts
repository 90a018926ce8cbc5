// What the embedded broker refused and why: a limit hit, a failed sign-in, a denied
// publish or subscription, a malformed packet. Each goes to the app's log as one clear
// line and into a short list the UI shows. A flood of the same kind (a fuzzer, a device
// retrying a wrong password in a loop) is written once a second with a count, so the
// log stays readable and writing it never becomes the bottleneck; nothing is uncounted.
import type { BrokerEvent, BrokerEventKind } from '../../../shared/broker-settings';

const keptEvents = 50;
const burstWindowMs = 1000;

export class BrokerLog {
  readonly counts: Record<BrokerEventKind, number> = { connections: 0, 'packet-size': 0, inflight: 0, 'sign-in': 0, 'publish-denied': 0, 'subscribe-denied': 0, protocol: 0, listener: 0 };
  private readonly recent: BrokerEvent[] = [];
  private readonly lastWritten = new Map<BrokerEventKind, number>();
  private readonly held = new Map<BrokerEventKind, { count: number; last: string; timer: NodeJS.Timeout }>();
  revision = 0;

  constructor(
    private readonly write: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  add(kind: BrokerEventKind, text: string): void {
    this.counts[kind]++;
    const at = this.now();
    const held = this.held.get(kind);
    if (held) {
      held.count++;
      held.last = text;
      return;
    }
    const last = this.lastWritten.get(kind) ?? -Infinity;
    if (at - last >= burstWindowMs) {
      this.emit(kind, text, 1, at);
      return;
    }
    // Within a second of the last line of this kind: hold the rest and write their sum once the second is over.
    const timer = setTimeout(() => this.release(kind), burstWindowMs - (at - last));
    timer.unref();
    this.held.set(kind, { count: 1, last: text, timer });
  }

  events(): BrokerEvent[] {
    return this.recent.slice();
  }

  total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }

  /** Writes what is held (at shutdown, so no count is lost). */
  flush(): void {
    for (const kind of [...this.held.keys()]) this.release(kind);
  }

  private release(kind: BrokerEventKind): void {
    const held = this.held.get(kind);
    if (!held) return;
    clearTimeout(held.timer);
    this.held.delete(kind);
    const text = held.count === 1 ? held.last : `${held.last.replace(/\.$/, '')} (and ${held.count - 1} more like it within a second).`;
    this.emit(kind, text, held.count, this.now());
  }

  private emit(kind: BrokerEventKind, text: string, count: number, at: number): void {
    this.lastWritten.set(kind, at);
    this.write(`Embedded broker: ${text}`);
    this.recent.push({ at, kind, text, count });
    if (this.recent.length > keptEvents) this.recent.shift();
    this.revision++;
  }
}
