// Reads a Chromium trace (devtools.timeline categories) for the page's renderer main
// thread: its tasks, with wall time (what the user waits through) and thread time (what
// the thread itself ran; lower when the OS gave the core to another process), and the
// console.timeStamp marks the benchmark drops to cut windows out of the trace.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { message?: string; frames?: { processId: number; isOutermostMainFrame?: boolean }[] } };
}

/** One top-level task of the main thread, times in ms on the trace clock. */
export interface Task {
  start: number;
  end: number;
  wall: number;
  cpu: number;
  /** Names of the events inside it (FunctionCall, Layout, Paint…), for diagnosis. */
  inner: string[];
}

export interface MainThread {
  tasks: Task[];
  /** console.timeStamp(message) → trace time in ms; the last one wins for a repeated message. */
  marks: Map<string, number>;
}

export async function traced<T>(browser: Browser, page: Page, name: string, body: () => Promise<T>): Promise<{ result: T; main: MainThread }> {
  await browser.startTracing(page, { categories: traceCategories });
  let result: T;
  try {
    result = await body();
  } catch (err) {
    await browser.stopTracing().catch(() => undefined);
    throw err;
  }
  const buffer = await browser.stopTracing();
  // BENCH_TRACE_DIR keeps each trace, to open in Chromium's DevTools (Performance, load profile).
  const dir = process.env.BENCH_TRACE_DIR;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}-${Date.now()}.json`), buffer);
  }
  return { result, main: rendererMain(JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }) };
}

/** The main thread (CrRendererMain) of the process that hosts the traced page's main frame. */
export function rendererMain(trace: { traceEvents: TraceEvent[] }): MainThread {
  const events = trace.traceEvents;
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  // Without the detailed category there is no TracingStartedInBrowser: the page's own marks tell its process.
  const pid = started?.args?.data?.frames?.find((f) => f.isOutermostMainFrame !== false)?.processId ?? events.find((e) => e.name === 'TimeStamp')?.pid;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (pid === undefined || e.pid === pid));
  if (!main) throw new Error('the trace has no renderer main thread (CrRendererMain)');
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  // Older Chromium names the task ThreadControllerImpl::RunTask; both are complete ('X') events.
  const top = own.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')).sort((a, b) => a.ts - b.ts);
  const tasks: Task[] = [];
  let lastEnd = -Infinity;
  for (const e of top) {
    // A RunTask nested in another (a nested run loop) is part of its parent's time.
    if (e.ts < lastEnd) continue;
    lastEnd = e.ts + (e.dur ?? 0);
    tasks.push({ start: e.ts / 1000, end: lastEnd / 1000, wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? e.dur ?? 0) / 1000, inner: [] });
  }
  const inner = own.filter((e) => (e.ph === 'X' || e.ph === 'I') && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  let t = 0;
  for (const e of inner) {
    const at = e.ts / 1000;
    while (t < tasks.length && tasks[t].end < at) t++;
    if (t < tasks.length && tasks[t].start <= at) tasks[t].inner.push(e.name);
  }
  const marks = new Map<string, number>();
  for (const e of own) if (e.name === 'TimeStamp' && e.args?.data?.message) marks.set(e.args.data.message, e.ts / 1000);
  return { tasks, marks };
}

export function mark(main: MainThread, message: string): number {
  const at = main.marks.get(message);
  if (at === undefined) throw new Error(`the trace has no mark "${message}"`);
  return at;
}

/** Tasks that started at or after `from` and before `to`. */
export function tasksBetween(main: MainThread, from: number, to: number): Task[] {
  return main.tasks.filter((t) => t.start >= from && t.start < to);
}

/** The task that contains a trace time, if any. */
export function taskAt(main: MainThread, at: number): Task | undefined {
  return main.tasks.find((t) => t.start <= at && at <= t.end);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
