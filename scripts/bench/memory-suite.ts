// Memory after a million messages, in a child process of its own (--expose-gc), with
// the default budget and with a small one that has to cut.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startMosquitto } from '../../tests/helpers/mosquitto';
import type { Figure } from './figures';
import { benchMosquittoConfig } from './ingest-suite';
import type { MemoryPlan, MemoryResult } from './memory';
import type { BenchOptions, Suite } from './suite';
import { messageBookkeepingBytes } from '../../electron/core/history-budget';

const mb = 1024 * 1024;

export const memorySuite: Suite = {
  name: 'memory',
  async run(options: BenchOptions): Promise<Figure[]> {
    if (!options.mosquitto) return [];
    const broker = await startMosquitto(benchMosquittoConfig);
    try {
      // Quick: still enough that the capture's rings (200,000 packets) are full by halfway.
      const messages = options.quick ? 500_000 : 1_000_000;
      // Two publishers over 5,000 topics each: 10,000 topics.
      const base = { url: broker.url, messages, topics: 5_000, size: 100, publishers: 2 };
      const tightRun = await inChild({ ...base, budget: (options.quick ? 4 : 16) * mb });
      const defaultRun = await inChild({ ...base, budget: 256 * mb });
      // The fixed overhead is what the tight run holds beyond its history: the capture's
      // rings and the topic tree, the same in both runs.
      const fixed = tightRun.after - tightRun.baseline - tightRun.keptBytes;
      return [figure(tightRun, 'small budget', fixed), figure(defaultRun, 'default budget', fixed)];
    } finally {
      await broker.stop();
    }
  },
};

function figure(r: MemoryResult, label: string, fixed: number): Figure {
  const growth = r.after - r.baseline;
  const firstHalf = r.halfway - r.baseline;
  const bound = r.budget + fixed;
  // Once the budget cuts for the whole second half, the second half adds (almost) nothing.
  const cutAllAlong = r.evictedByBudget >= r.messages / 2;
  const flat = !cutAllAlong || growth - firstHalf <= 0.1 * firstHalf;
  return {
    suite: 'memory',
    name: `${r.messages.toLocaleString('en-US')} messages, ${label} (${Math.round(r.budget / mb)} MB)`,
    value: growth / mb,
    unit: 'MB',
    reference: { label: `budget + fixed overhead ${(fixed / mb).toFixed(0)} MB`, value: bound / mb },
    ratio: growth / bound,
    target: 'history ≤ budget; memory ≤ budget + the fixed overhead (5% slack), flat once the budget cuts; nothing missing',
    met: r.keptBytes <= r.budget && growth <= bound * 1.05 && flat && r.received === r.messages,
    notes:
      `history holds ${(r.keptBytes / mb).toFixed(1)} MB by the budget's count (payloads plus ${messageBookkeepingBytes} B each) in ${r.keptMessages.toLocaleString('en-US')} messages, ${r.evictedByBudget.toLocaleString('en-US')} evicted by the budget (counted per topic); ` +
      `growth after half the messages ${(firstHalf / mb).toFixed(1)} MB, after all ${(growth / mb).toFixed(1)} MB; ` +
      `fixed overhead (from the small-budget run): the capture's rings (${r.capturePackets.toLocaleString('en-US')} packets, ${r.captureFlows.toLocaleString('en-US')} flows, bounded by its limits) and ${r.topics.toLocaleString('en-US')} topics; rss ${(r.rssAfter / mb).toFixed(0)} MB`,
  };
}

async function inChild(plan: MemoryPlan): Promise<MemoryResult> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--expose-gc', self, '--child', 'memory', JSON.stringify(plan)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`the memory benchmark's child exited with ${code}: ${out}`);
  return JSON.parse(out.trim().split('\n').pop()!) as MemoryResult;
}
