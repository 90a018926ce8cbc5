// Delivers frames in order, holding back the ones a fault delays; frames behind a
// delayed one wait for it, as they would behind a stalled TCP segment.
export class FrameQueue {
  private queue: { frame: Uint8Array; readyAt: number; delayed: boolean }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private idleWaiters: (() => void)[] = [];

  /** deliver's second argument: whether a fault delayed this frame (not just queued it behind one). */
  constructor(private readonly deliver: (frame: Uint8Array, delayed: boolean) => void) {}

  send(frame: Uint8Array, delayMs: number): void {
    if (this.queue.length === 0 && delayMs === 0) {
      this.deliver(frame, false);
      return;
    }
    const previous = this.queue.length ? this.queue[this.queue.length - 1].readyAt : 0;
    this.queue.push({ frame, readyAt: Math.max(previous, Date.now() + delayMs), delayed: delayMs > 0 });
    this.schedule();
  }

  get idle(): boolean {
    return this.queue.length === 0;
  }

  whenIdle(callback: () => void): void {
    if (this.idle) callback();
    else this.idleWaiters.push(callback);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue = [];
    this.idleWaiters = [];
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const now = Date.now();
      while (this.queue.length && this.queue[0].readyAt <= now) {
        const next = this.queue.shift()!;
        this.deliver(next.frame, next.delayed);
      }
      if (this.queue.length) this.schedule();
      else for (const waiter of this.idleWaiters.splice(0)) waiter();
    }, Math.max(0, this.queue[0].readyAt - Date.now()));
  }
}
