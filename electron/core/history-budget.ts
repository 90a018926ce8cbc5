// The app-wide history budget: payload bytes kept across every topic of every
// connection. Per-topic limits bound one topic; this bounds the process, so a broker
// with a million topics cannot take all memory. When the budget is full the oldest
// messages anywhere go first (each counted as evicted by its topic, so the history
// panel says so). A topic's newest message is never evicted: a topic with messages
// never shows as empty, so the bound is the budget plus one message per topic.
import type { MessageHistory, StoredMessage } from './message-history';

export const defaultTotalBytes = 256 * 1024 * 1024;

/**
 * What keeping a message costs beyond its payload (its record, the payload's buffer
 * object, ring and queue slots), as \`npm run bench\` measures it: about 210 bytes on
 * Node 20. The budget counts it, so a flood of tiny messages is bounded by memory
 * and not only by payload bytes.
 */
export const messageBookkeepingBytes = 220;

export class HistoryBudget {
  /** Arrival order: the history and seq of every message admitted, oldest first. */
  private histories: (MessageHistory | null)[] = [];
  private seqs: number[] = [];
  private head = 0;
  /** Bytes kept in all histories (payload plus bookkeeping per message) and messages kept. */
  keptBytes = 0;
  keptCount = 0;
  /** Messages the budget evicted (not the per-topic limits). */
  evictedCount = 0;
  evictedBytes = 0;

  constructor(public maxBytes = defaultTotalBytes) {}

  /** A message was kept by its history; evicts the oldest anywhere while over budget. */
  admit(history: MessageHistory, message: StoredMessage): void {
    this.histories.push(history);
    this.seqs.push(message.seq);
    this.keptBytes += message.payload.length + messageBookkeepingBytes;
    this.keptCount++;
    this.enforce();
  }

  /** A history let a message go (its own limits, or ours): bytes is its payload's size. */
  released(bytes: number): void {
    this.keptBytes -= bytes + messageBookkeepingBytes;
    this.keptCount--;
  }

  setMax(maxBytes: number): void {
    this.maxBytes = maxBytes;
    this.enforce();
  }

  /** Entries queued (kept messages plus ones already gone that are not yet skipped): for the benchmark's overhead. */
  get queued(): number {
    return this.histories.length - this.head;
  }

  private enforce(): void {
    // Bounded: a queue of nothing but topics' newest messages is gone through once.
    let budget = this.queued;
    while (this.keptBytes > this.maxBytes && this.head < this.histories.length && budget-- > 0) {
      const history = this.histories[this.head]!;
      const seq = this.seqs[this.head];
      this.histories[this.head] = null;
      this.head++;
      if (seq < history.oldestSeq) continue; // gone already, by the topic's own limits
      if (seq === history.endSeq - 1) {
        // The topic's newest stays; it may go once the topic has a newer one, so it queues again.
        this.histories.push(history);
        this.seqs.push(seq);
        continue;
      }
      const bytes = history.evictThrough(seq);
      this.evictedCount++;
      this.evictedBytes += bytes;
    }
    this.compact();
  }

  // Taken entries pile up at the head and, with busy topics, entries their own limits
  // already evicted pile up in the middle; rebuilding the queue when either outgrows
  // what is kept keeps it near one entry per kept message (amortised O(1)).
  private compact(): void {
    const length = this.histories.length - this.head;
    const manyTaken = this.head > 65_536 && this.head > length;
    const manyGone = length > 65_536 && length > 2 * this.keptCount;
    if (!manyTaken && !manyGone) return;
    const histories: MessageHistory[] = [];
    const seqs: number[] = [];
    for (let i = this.head; i < this.histories.length; i++) {
      const h = this.histories[i]!;
      if (this.seqs[i] >= h.oldestSeq) {
        histories.push(h);
        seqs.push(this.seqs[i]);
      }
    }
    this.histories = histories;
    this.seqs = seqs;
    this.head = 0;
  }
}
