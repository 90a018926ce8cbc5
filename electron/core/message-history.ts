// One topic's history: bounded by a message count and a payload byte budget. What it
// evicts it counts, so the UI can say how much is no longer kept.
import type { HistoryLimits, Qos } from '../../shared/contract';
import { SeqRing } from './seq-ring';
import type { HistoryBudget } from './history-budget';

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
  maxTotalBytes: 256 * 1024 * 1024,
};

export class MessageHistory {
  private readonly ring: SeqRing<StoredMessage>;
  private keptBytes = 0;
  evictedCount = 0;
  evictedBytes = 0;

  constructor(
    private limits: HistoryLimits,
    /** The app-wide budget this history's bytes count against (none in unit tests). */
    private readonly budget: HistoryBudget | null = null,
  ) {
    this.ring = new SeqRing(limits.maxMessagesPerTopic);
  }

  get count(): number {
    return this.ring.count;
  }
  get bytes(): number {
    return this.keptBytes;
  }
  /** seq of the oldest kept message (equals endSeq when empty). */
  get oldestSeq(): number {
    return this.ring.oldestSeq;
  }
  /** seq the next message will get; the newest kept message has endSeq - 1. */
  get endSeq(): number {
    return this.ring.total;
  }

  push(receivedAt: number, qos: Qos, retain: boolean, payload: Uint8Array): StoredMessage {
    // Evict ourselves before the ring would, so every eviction is counted.
    if (this.ring.count >= this.limits.maxMessagesPerTopic) this.evictOldest();
    const message: StoredMessage = { seq: this.ring.total, receivedAt, qos, retain, payload };
    this.ring.push(message);
    this.keptBytes += payload.length;
    this.evictOverLimits();
    this.budget?.admit(this, message);
    return message;
  }

  setLimits(limits: HistoryLimits): void {
    this.limits = limits;
    this.evictOverLimits();
    this.ring.setCapacity(limits.maxMessagesPerTopic);
  }

  /** The message with this seq, if still kept. */
  get(seq: number): StoredMessage | undefined {
    return this.ring.get(seq);
  }

  newest(): StoredMessage | undefined {
    return this.ring.get(this.ring.total - 1);
  }

  /** Kept messages with seq >= fromSeq, newest first. */
  newestFirstFrom(fromSeq: number): StoredMessage[] {
    const out: StoredMessage[] = [];
    for (let seq = this.ring.total - 1; seq >= Math.max(fromSeq, this.ring.oldestSeq); seq--) out.push(this.ring.get(seq)!);
    return out;
  }

  // The newest message is always kept, even when it alone exceeds the byte budget:
  // a topic never shows as empty while it has a message.
  private evictOverLimits(): void {
    while (this.ring.count > 1 && (this.ring.count > this.limits.maxMessagesPerTopic || this.keptBytes > this.limits.maxBytesPerTopic)) {
      this.evictOldest();
    }
  }

  /** The budget's eviction: messages up to seq (the oldest), never the newest; returns the bytes freed. */
  evictThrough(seq: number): number {
    let freed = 0;
    while (this.ring.count > 1 && this.ring.oldestSeq <= seq) freed += this.evictOldest();
    return freed;
  }

  private evictOldest(): number {
    const oldest = this.ring.dropOldest();
    if (!oldest) return 0;
    this.keptBytes -= oldest.payload.length;
    this.evictedCount++;
    this.evictedBytes += oldest.payload.length;
    this.budget?.released(oldest.payload.length);
    return oldest.payload.length;
  }
}
