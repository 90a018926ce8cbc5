// `npm run bench`: every figure beside its reference, measured in the same run, printed
// as a table and written as JSON (out/bench/report.json, or --out FILE).
//   --quick        scaled-down sizes (a few minutes)
//   --only a,b     only these suites (ingest, memory, startup, browser)
//   --out FILE     where the JSON report goes
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserSuite } from './browser-suite';
import { printFigures, type Figure } from './figures';
import { ingestSuite } from './ingest-suite';
import { measureMemory, type MemoryPlan } from './memory';
import { memorySuite } from './memory-suite';
import { startupSuite } from './startup-suite';
import type { BenchOptions, Suite } from './suite';

const suites: Suite[] = [ingestSuite, memorySuite, startupSuite, browserSuite];

async function main(argv: string[]): Promise<number> {
  const childAt = argv.indexOf('--child');
  if (childAt >= 0) {
    // The memory benchmark's own process.
    const result = await measureMemory(JSON.parse(argv[childAt + 2]) as MemoryPlan);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = arg('--only')?.split(',');
  const unknown = only?.filter((n) => !suites.some((s) => s.name === n)) ?? [];
  if (unknown.length) {
    console.error(`Unknown suite ${unknown.join(', ')}; the suites are ${suites.map((s) => s.name).join(', ')}.`);
    return 2;
  }
  const options: BenchOptions = { quick: argv.includes('--quick'), mosquitto: hasMosquitto() };
  const out = path.resolve(arg('--out') ?? path.join('out', 'bench', 'report.json'));
  if (!options.mosquitto) console.log('mosquitto is not installed: the figures against mosquitto are left out.');
  const figures: Figure[] = [];
  const failures: string[] = [];
  for (const suite of suites.filter((s) => !only || only.includes(s.name))) {
    console.log(`… ${suite.name}`);
    try {
      figures.push(...(await suite.run(options)));
    } catch (err) {
      failures.push(`${suite.name}: ${(err as Error).stack ?? err}`);
      console.error(`The ${suite.name} benchmark failed: ${(err as Error).message}`);
    }
  }
  console.log('');
  printFigures(figures);
  const report = {
    at: new Date().toISOString(),
    quick: options.quick,
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memory: os.totalmem(), node: process.version, platform: `${os.platform()} ${os.release()}` },
    figures,
    failures,
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nReport: ${out}`);
  return failures.length ? 1 : 0;
}

function hasMosquitto(): boolean {
  try {
    execFileSync(fs.existsSync('/usr/sbin/mosquitto') ? '/usr/sbin/mosquitto' : 'mosquitto', ['-h'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    // mosquitto -h exits 3 after printing its help: it is there.
    return (err as { status?: number }).status !== undefined && (err as { code?: string }).code !== 'ENOENT';
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
