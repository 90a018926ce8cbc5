// Memory: after N messages the process holds the payloads its history budget allows
// plus overhead the run measures. Runs in a child process started with --expose-gc, so
// nothing else the benchmark did sits in the heap it measures.
import { publish } from './children';
import { startApp } from './app-under-test';

export interface MemoryPlan {
  url: string;
  messages: number;
  topics: number;
  size: number;
  publishers: number;
  /** The app-wide history budget in bytes. */
  budget: number;
}

export interface MemoryResult {
  messages: number;
  received: number;
  budget: number;
  keptBytes: number;
  keptMessages: number;
  evictedByBudget: number;
  /** heapUsed + arrayBuffers after a full GC: at the start (app connected, nothing received), halfway and at the end. */
  baseline: number;
  halfway: number;
  after: number;
  /** What the capture held at the end (bounded by its limits): part of the fixed overhead. */
  capturePackets: number;
  captureFlows: number;
  topics: number;
  rssAfter: number;
  /** after - baseline - keptBytes: what the model costs beyond the payloads. */
  overhead: number;
  overheadPerKeptMessage: number;
}

function used(): { heap: number; rss: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the memory benchmark needs node --expose-gc');
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
}

export async function measureMemory(plan: MemoryPlan): Promise<MemoryResult> {
  const app = await startApp({ url: plan.url, filter: 'mem/#', qos: 0 });
  // Both halves go to the same topics (mem/p<publisher>/<n>), so the second adds messages, not topics.
  try {
    await app.call('setHistoryLimits', { ...app.core.historyLimits(), maxTotalBytes: plan.budget });
    const baseline = used();
    const half = Math.floor(plan.messages / 2);
    // Two halves: memory that stays put from the first to the second is the bound at work.
    await receive(app, plan, half, 'mem');
    const halfway = used();
    await receive(app, plan, plan.messages - half, 'mem');
    const after = used();
    const budget = app.core.historyBudget;
    const overhead = after.heap - baseline.heap - budget.keptBytes;
    return {
      messages: plan.messages,
      received: app.received(),
      budget: plan.budget,
      keptBytes: budget.keptBytes,
      keptMessages: budget.keptCount,
      evictedByBudget: budget.evictedCount,
      baseline: baseline.heap,
      halfway: halfway.heap,
      after: after.heap,
      capturePackets: app.core.capture.packets.count,
      captureFlows: app.core.capture.flows.store.count,
      topics: app.core.connection(app.connectionId)!.tree.topicCount,
      rssAfter: after.rss,
      overhead,
      overheadPerKeptMessage: overhead / Math.max(1, budget.keptCount),
    };
  } finally {
    await app.close();
  }
}

async function receive(app: Awaited<ReturnType<typeof startApp>>, plan: MemoryPlan, count: number, prefix: string): Promise<void> {
  const target = app.received() + count;
  await publish({ url: plan.url, count, topics: plan.topics, size: plan.size, rate: 0, publishers: plan.publishers, prefix });
  let quietSince = Date.now();
  let before = app.received();
  while (app.received() < target && Date.now() - quietSince < 5000) {
    await new Promise((r) => setTimeout(r, 50));
    if (app.received() !== before) {
      before = app.received();
      quietSince = Date.now();
    }
  }
  // Let the feed run its ticks, as it would with a view open.
  await new Promise((r) => setTimeout(r, 200));
}
