// Memory after a million messages, in a child process of its own (--expose-gc), with
// the default budget and with a small one that has to cut.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startMosquitto } from '../../tests/helpers/mosquitto';
import type { Figure } from './figures';
import { benchMosquittoConfig } from './ingest-suite';
import type { MemoryPlan, MemoryResult } from './memory';
import type { BenchOptions, Suite } from './suite';

const mb = 1024 * 1024;

export const memorySuite: Suite = {
  name: 'memory',
  async run(options: BenchOptions): Promise<Figure[]> {
    if (!options.mosquitto) return [];
    const broker = await startMosquitto(benchMosquittoConfig);
    try {
      const messages = options.quick ? 200_000 : 1_000_000;
      const base = { url: broker.url, messages, topics: 10_000, size: 100, publishers: 2 };
      const defaultRun = await inChild({ ...base, budget: 256 * mb });
      const tightRun = await inChild({ ...base, budget: (options.quick ? 4 : 16) * mb });
      return [figure(defaultRun, 'default budget'), figure(tightRun, 'small budget')];
    } finally {
      await broker.stop();
    }
  },
};

function figure(r: MemoryResult, label: string): Figure {
  const growth = r.after - r.baseline;
  return {
    suite: 'memory',
    name: `${r.messages.toLocaleString('en-US')} messages, ${label} (${Math.round(r.budget / mb)} MB)`,
    value: growth / mb,
    unit: 'MB',
    reference: { label: 'budget', value: r.budget / mb },
    ratio: growth / r.budget,
    target: 'kept payload ≤ budget; growth = kept payload + the reported overhead; nothing missing',
    met: r.keptBytes <= r.budget && r.received === r.messages,
    notes: `kept ${(r.keptBytes / mb).toFixed(1)} MB in ${r.keptMessages.toLocaleString('en-US')} messages, ${r.evictedByBudget.toLocaleString('en-US')} evicted by the budget (counted per topic); overhead ${(r.overhead / mb).toFixed(1)} MB = ${Math.round(r.overheadPerKeptMessage)} B per kept message; rss ${(r.rssAfter / mb).toFixed(0)} MB; received ${r.received.toLocaleString('en-US')}`,
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
