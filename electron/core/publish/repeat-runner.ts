// Repeated publishes: the same message every intervalMs, count times, on a schedule
// kept against the start time (so timer lateness does not add up). QoS 1/2 sends
// overlap up to a cap and the schedule waits for the broker beyond it, so a slow
// broker slows the repeat instead of piling up unbounded memory.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { RepeatState } from '../../../shared/publish-contract';
import type { MqttConnection } from '../mqtt-connection';
import type { BuiltPublish } from './publish-builder';

/** Publishes of one repeat that may be awaiting their acknowledgement at once. */
const maxOutstanding = 1000;
/** Finished repeats stay listed (with their counts) until this many newer ones push them out. */
const keepFinished = 20;

interface Running {
  state: RepeatState;
  timer: NodeJS.Timeout | null;
  outstanding: number;
  scheduled: number;
  /** Publishes whatever is due and sets the timer for the next one. */
  tick: () => void;
}

export class RepeatRunner {
  private readonly repeats = new Map<string, Running>();
  revision = 0;

  constructor(private readonly onPublished: (connectionId: string) => void = () => undefined) {}

  list(): RepeatState[] {
    return [...this.repeats.values()].map((r) => ({ ...r.state }));
  }

  start(connectionId: string, connection: MqttConnection, message: BuiltPublish, intervalMs: number, count: number): string {
    const id = `repeat-${randomBytes(4).toString('hex')}`;
    const startedAt = Date.now();
    const run: Running = {
      state: { id, connectionId, topic: message.topic, qos: message.qos, intervalMs, total: count, sent: 0, failed: 0, state: 'running', lastError: null, startedAt, endedAt: null },
      timer: null,
      outstanding: 0,
      scheduled: 0,
      tick: () => undefined,
    };
    this.repeats.set(id, run);
    this.prune();
    this.changed();
    const origin = performance.now();
    run.tick = () => {
      run.timer = null;
      if (run.state.state !== 'running') return;
      // Every publish that is due now goes out now: a late timer catches up instead of drifting.
      const due = Math.min(count, Math.floor((performance.now() - origin) / intervalMs) + 1);
      while (run.scheduled < due && run.outstanding < maxOutstanding) {
        run.scheduled++;
        run.outstanding++;
        connection.publish(message.topic, message.payload, message.qos, message.options).then(
          () => this.settle(run, null),
          (err: unknown) => this.settle(run, err instanceof Error ? err.message : String(err)),
        );
      }
      if (run.scheduled < count && run.outstanding < maxOutstanding) {
        run.timer = setTimeout(run.tick, Math.max(0, origin + run.scheduled * intervalMs - performance.now()));
      }
    };
    run.tick();
    return id;
  }

  stop(id: string): boolean {
    const run = this.repeats.get(id);
    if (!run) return false;
    if (run.state.state === 'running') this.finish(run, 'stopped');
    return true;
  }

  /** Stops the repeats of a connection that goes away. */
  stopConnection(connectionId: string): void {
    for (const run of this.repeats.values()) if (run.state.connectionId === connectionId && run.state.state === 'running') this.finish(run, 'stopped');
  }

  stopAll(): void {
    for (const run of this.repeats.values()) if (run.state.state === 'running') this.finish(run, 'stopped');
  }

  private settle(run: Running, error: string | null): void {
    run.outstanding--;
    if (error === null) {
      run.state.sent++;
      this.onPublished(run.state.connectionId);
    } else {
      run.state.failed++;
      run.state.lastError = error;
    }
    if (run.state.state === 'running') {
      if (run.state.sent + run.state.failed === run.state.total) this.finish(run, run.state.sent === 0 ? 'failed' : 'done');
      // The cap was reached: the schedule resumes as acknowledgements come back.
      else if (run.timer === null && run.scheduled < run.state.total && run.outstanding < maxOutstanding) run.timer = setTimeout(run.tick, 0);
    }
    this.changed();
  }

  private finish(run: Running, state: RepeatState['state']): void {
    if (run.timer) clearTimeout(run.timer);
    run.timer = null;
    run.state.state = state;
    run.state.endedAt = Date.now();
    this.changed();
  }

  private prune(): void {
    const finished = [...this.repeats.values()].filter((r) => r.state.state !== 'running');
    for (const r of finished.slice(0, Math.max(0, finished.length - keepFinished))) this.repeats.delete(r.state.id);
  }

  private changed(): void {
    this.revision++;
  }
}
