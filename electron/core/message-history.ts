// One topic's history: a ring buffer bounded by a message count and a payload byte
// budget. What it evicts it counts, so the UI can say how much is no longer kept.
import type { HistoryLimits, Qos } from '../../shared/contract';

export interface StoredMessage {
  seq: number;
  receivedAt: number;
  qos: Qos;
  retain: boolean;
  payload: Uint8Array;
}

export const defaultHistoryLimits: HistoryLimits = {
  maxMessagesPerTopic: 1000,
  maxBytesPerTopic: 16 * 1024 * 1024,
};

export class MessageHistory {
  private slots: (StoredMessage | undefined)[] = [];
  /** Index in `slots` of the oldest kept message. */
  private head = 0;
  private size = 0;
  private keptBytes = 0;
  private nextSeq = 0;
  evictedCount = 0;
  evictedBytes = 0;

  constructor(private limits: HistoryLimits) {}

  get count(): number {
    return this.size;
  }
  get bytes(): number {
    return this.keptBytes;
  }
  /** seq of the oldest kept message (equals nextSeq when empty). */
  get oldestSeq(): number {
    return this.nextSeq - this.size;
  }
  /** seq the next message will get; the newest kept message has nextSeq - 1. */
  get endSeq(): number {
    return this.nextSeq;
  }

  push(receivedAt: number, qos: Qos, retain: boolean, payload: Uint8Array): StoredMessage {
    const message: StoredMessage = { seq: this.nextSeq++, receivedAt, qos, retain, payload };
    if (this.size === this.slots.length) this.grow();
    this.slots[(this.head + this.size) % this.slots.length] = message;
    this.size++;
    this.keptBytes += payload.length;
    this.evictOverLimits();
    return message;
  }

  setLimits(limits: HistoryLimits): void {
    this.limits = limits;
    this.evictOverLimits();
  }

  /** The message with this seq, if still kept. */
  get(seq: number): StoredMessage | undefined {
    const offset = seq - this.oldestSeq;
    if (offset < 0 || offset >= this.size) return undefined;
    return this.slots[(this.head + offset) % this.slots.length];
  }

  newest(): StoredMessage | undefined {
    return this.size ? this.get(this.nextSeq - 1) : undefined;
  }

  /** Kept messages with seq >= fromSeq, newest first. */
  newestFirstFrom(fromSeq: number): StoredMessage[] {
    const out: StoredMessage[] = [];
    for (let seq = this.nextSeq - 1; seq >= Math.max(fromSeq, this.oldestSeq); seq--) out.push(this.get(seq)!);
    return out;
  }

  // Grows by doubling up to the count limit, so a topic with 3 messages does not reserve 1000 slots.
  private grow(): void {
    const capacity = Math.min(Math.max(4, this.slots.length * 2), Math.max(this.limits.maxMessagesPerTopic + 1, 4));
    const next: (StoredMessage | undefined)[] = new Array(Math.max(capacity, this.size + 1));
    for (let i = 0; i < this.size; i++) next[i] = this.slots[(this.head + i) % this.slots.length];
    this.slots = next;
    this.head = 0;
  }

  // The newest message is always kept, even when it alone exceeds the byte budget:
  // a topic never shows as empty while it has a message.
  private evictOverLimits(): void {
    while (this.size > 1 && (this.size > this.limits.maxMessagesPerTopic || this.keptBytes > this.limits.maxBytesPerTopic)) {
      const oldest = this.slots[this.head]!;
      this.slots[this.head] = undefined;
      this.head = (this.head + 1) % this.slots.length;
      this.size--;
      this.keptBytes -= oldest.payload.length;
      this.evictedCount++;
      this.evictedBytes += oldest.payload.length;
    }
  }
}
