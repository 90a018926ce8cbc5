// A fixed-capacity buffer addressed by a growing sequence number: the oldest entries
// are evicted and counted, and an entry is found by its seq in O(1).
export class SeqRing<T> {
  private slots: (T | undefined)[];
  private nextSeq = 0;
  private size = 0;

  // Starts small and doubles: a topic with three messages must not reserve a thousand slots.
  constructor(private capacity: number) {
    this.slots = new Array(Math.min(capacity, 4));
  }

  get count(): number {
    return this.size;
  }
  /** Entries ever added. */
  get total(): number {
    return this.nextSeq;
  }
  get evicted(): number {
    return this.nextSeq - this.size;
  }
  get oldestSeq(): number {
    return this.nextSeq - this.size;
  }
  get limit(): number {
    return this.capacity;
  }

  /** Adds an entry and returns its seq. */
  push(value: T): number {
    if (this.size === this.slots.length && this.slots.length < this.capacity) this.grow();
    const seq = this.nextSeq++;
    this.slots[seq % this.slots.length] = value;
    if (this.size < this.slots.length) this.size++;
    return seq;
  }

  /** Removes and returns the oldest entry (for eviction by another measure than count). */
  dropOldest(): T | undefined {
    if (this.size === 0) return undefined;
    const seq = this.oldestSeq;
    const value = this.slots[seq % this.slots.length];
    this.slots[seq % this.slots.length] = undefined;
    this.size--;
    return value;
  }

  get(seq: number): T | undefined {
    if (seq < this.oldestSeq || seq >= this.nextSeq) return undefined;
    return this.slots[seq % this.slots.length];
  }

  setCapacity(capacity: number): void {
    const kept: T[] = [];
    const from = Math.max(this.oldestSeq, this.nextSeq - capacity);
    for (let s = from; s < this.nextSeq; s++) kept.push(this.get(s)!);
    this.capacity = capacity;
    this.slots = new Array(Math.max(kept.length, Math.min(capacity, 4)));
    // Keep seq -> slot as seq % length: place entries at their seq's slot.
    this.size = 0;
    const base = this.nextSeq - kept.length;
    for (let i = 0; i < kept.length; i++) this.slots[(base + i) % this.slots.length] = kept[i];
    this.size = kept.length;
  }

  *values(): IterableIterator<T> {
    for (let s = this.oldestSeq; s < this.nextSeq; s++) yield this.get(s)!;
  }

  *newestFirst(): IterableIterator<T> {
    for (let s = this.nextSeq - 1; s >= this.oldestSeq; s--) yield this.get(s)!;
  }

  // Growing re-seats entries so that seq % length still finds them.
  private grow(): void {
    const next: (T | undefined)[] = new Array(Math.min(this.capacity, this.slots.length * 2));
    for (let s = this.oldestSeq; s < this.nextSeq; s++) next[s % next.length] = this.get(s);
    this.slots = next;
  }
}
