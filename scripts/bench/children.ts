// The bench's child processes: load generators and the bare reference subscriber,
// each in its own process so none of them shares the measured event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const here = path.dirname(new URL(import.meta.url).pathname);
/** scripts/bench, also when this file is bundled into out/bench. */
export const benchDir = path.basename(here) === 'bench' && here.includes(`${path.sep}out${path.sep}`) ? path.join(here, '..', '..', 'scripts', 'bench') : here;

export interface PublishPlan {
  url: string;
  count: number;
  /** Topics per publisher: each publishes under its own prefix (<prefix>/p<i>/<n>). */
  topics: number;
  size: number;
  /** Messages a second per publisher; 0 = as fast as the socket takes them. */
  rate: number;
  prefix: string;
  qos?: 0 | 1 | 2;
  /** Publishers in parallel; the count and rate are split between them. */
  publishers: number;
}

export interface Published {
  sent: number;
  ms: number;
  /** Epoch ms when the publisher began sending. */
  startedAt: number;
}

function lines(child: ChildProcess): AsyncIterableIterator<string> {
  return readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
}

function run(script: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, [path.join(benchDir, script), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  return child;
}

export async function publish(plan: PublishPlan): Promise<Published[]> {
  const per = Math.ceil(plan.count / plan.publishers);
  const jobs = Array.from({ length: plan.publishers }, async (_, i) => {
    const count = Math.min(per, plan.count - i * per);
    const child = run('publisher.mjs', [plan.url, String(count), String(plan.topics), String(plan.size), String(plan.rate / plan.publishers), `${plan.prefix}/p${i}`, String(plan.qos ?? 0)]);
    const { value } = await lines(child).next();
    return JSON.parse(String(value)) as Published;
  });
  return Promise.all(jobs);
}

export interface CounterResult {
  received: number;
  firstMs: number;
  lastMs: number;
}

export interface Counter {
  /** Resolves with the count when `expected` arrived or stop() was called. */
  result: Promise<CounterResult>;
  stop(): void;
}

export async function startCounter(url: string, filter: string, expected: number, qos: 0 | 1 = 0): Promise<Counter> {
  const child = run('counter.mjs', [url, filter, String(expected), '4', String(qos)]);
  const it = lines(child);
  const ready = await it.next();
  if (ready.value !== 'ready') throw new Error(`the reference subscriber did not start: ${String(ready.value)}`);
  return {
    result: it.next().then(({ value }) => JSON.parse(String(value)) as CounterResult),
    stop: () => child.stdin!.write('stop\n'),
  };
}

/** mosquitto_sub -C n > /dev/null: resolves with the epoch ms it exited (its last message). */
export function startMosquittoSubCounter(port: number, filter: string, n: number): { ready: Promise<void>; exitedAt: Promise<number> } {
  const child = spawn('mosquitto_sub', ['-h', '127.0.0.1', '-p', String(port), '-t', filter, '-q', '0', '-C', String(n), '-W', '600'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const exitedAt = new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve(performance.timeOrigin + performance.now()) : reject(new Error(`mosquitto_sub exited with ${code}`))));
  });
  return { ready: new Promise((r) => setTimeout(r, 300)), exitedAt };
}
