// Wrong tokens, counted per remote address: past a few a minute the address is refused
// for a while without its token even being compared, so a token cannot be guessed at
// network speed. (The token is 256 bits; this matters when web mode is bound to a
// network with --host, where every other machine is a different address.)

export interface AttemptLimits {
  /** Wrong tokens allowed within windowMs... */
  max: number;
  windowMs: number;
  /** ...before the address is refused for this long. */
  lockMs: number;
}

export const defaultAttemptLimits: AttemptLimits = { max: 30, windowMs: 60_000, lockMs: 60_000 };

interface Record {
  failures: number[];
  lockedUntil: number;
}

export class AttemptLimiter {
  private readonly byAddress = new Map<string, Record>();

  constructor(
    private readonly limits: AttemptLimits = defaultAttemptLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds the address must still wait, or 0. */
  lockedFor(address: string): number {
    const r = this.byAddress.get(address);
    return r ? Math.max(0, r.lockedUntil - this.now()) : 0;
  }

  failed(address: string): void {
    const now = this.now();
    const r = this.byAddress.get(address) ?? { failures: [], lockedUntil: 0 };
    r.failures = r.failures.filter((t) => now - t < this.limits.windowMs);
    r.failures.push(now);
    if (r.failures.length > this.limits.max) {
      r.lockedUntil = now + this.limits.lockMs;
      r.failures = [];
    }
    this.byAddress.set(address, r);
    // Forget addresses that went quiet, so a scan of many addresses does not grow the map for ever.
    if (this.byAddress.size > 10_000) {
      for (const [a, rec] of this.byAddress) if (rec.lockedUntil < now && rec.failures.every((t) => now - t >= this.limits.windowMs)) this.byAddress.delete(a);
    }
  }
}
