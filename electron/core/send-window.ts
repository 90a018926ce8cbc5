// The server's Receive Maximum for our outgoing QoS 1 and 2 PUBLISHes (MQTT 5.0
// §3.3.4): at most that many unacknowledged at once; the rest wait their turn here.
// MQTT.js ignores the limit, and brokers punish it (mosquitto refuses the excess QoS 2
// messages with 0x97 Quota exceeded; others disconnect with 0x93).
export class SendWindow {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  /** 65,535 is the protocol's maximum and the value when the server sends none. */
  constructor(private limit = 65_535) {}

  setLimit(limit: number): void {
    this.limit = Math.max(1, limit);
    this.pump();
  }

  get size(): number {
    return this.limit;
  }
  get used(): number {
    return this.inFlight;
  }
  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves when a slot is free; the caller must release() it once the flow ends. */
  acquire(): Promise<void> {
    if (this.inFlight < this.limit && this.waiting.length === 0) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < this.limit && this.waiting.length) {
      this.inFlight++;
      this.waiting.shift()!();
    }
  }
}
