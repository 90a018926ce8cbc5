// The UI under load: paced publishers send to the embedded broker while the page shows
// the load's tree (two levels open, rows flashing) and one topic's live history. The
// renderer's main-thread tasks come from a Chromium trace over the load window; the
// count check reads the load's root row once the load is over.
import { publish } from './children';
import { expandRow, openApp, treeItem, waitForCount } from './browser-app';
import { longTasks, pageMark } from './browser-probe';
import { mark, percentile, sum, tasksBetween, traced, type Task } from './browser-trace';

export interface LoadPlan {
  /** Messages a second, all publishers together. */
  rate: number;
  seconds: number;
  /** Distinct topics, all publishers together (each publisher has its own, under p0, p1…). */
  topics: number;
  size: number;
  publishers: number;
}

export interface LoadResult {
  sent: number;
  /** The root row's message count after the load (priming messages taken off). */
  shown: number;
  /** Messages a second the publishers achieved. */
  achievedRate: number;
  tasks: number;
  longestWall: number;
  /** Thread time of the task with the longest wall time. */
  longestWallCpu: number;
  longestCpu: number;
  medianWall: number;
  p99Wall: number;
  /** Median and p99 of the tasks that ran script or rendered a frame (the app's own work). */
  medianWork: number;
  p99Work: number;
  /** Share of the window the main thread was busy (wall), and running (thread time). */
  busy: number;
  busyCpu: number;
  /** The load window: from the start of the load to the UI counting the last message. */
  windowSeconds: number;
  /** From the publishers' end to the UI counting the last message (polled every 200 ms). */
  countedAfterSeconds: number;
  longTaskCount: number;
  longTaskMax: number;
  /** What ran in the longest task, for diagnosis. */
  worst: string;
}

const prefix = 'load';
const workEvents = new Set(['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'Paint', 'Layout', 'UpdateLayoutTree']);

export async function measureLoad(plan: LoadPlan): Promise<LoadResult> {
  const app = await openApp();
  try {
    const { page, browser, brokerUrl } = app;
    // One message per publisher first, so the topic to select exists before the load.
    const primed = plan.publishers;
    await publish({ url: brokerUrl, count: primed, topics: 1, size: plan.size, rate: 0, publishers: plan.publishers, prefix });
    await expandRow(page, prefix);
    await expandRow(page, 'p0');
    await treeItem(page, '0').click();
    await page.getByRole('list', { name: 'Message history' }).getByRole('listitem').first().waitFor({ timeout: 30_000 });

    const count = plan.rate * plan.seconds;
    const root = treeItem(page, prefix);
    const { result, main } = await traced(browser, page, 'load', async () => {
      const from = await pageMark(page, 'load:start');
      const published = await publish({ url: brokerUrl, count, topics: plan.topics / plan.publishers, size: plan.size, rate: plan.rate, publishers: plan.publishers, prefix });
      // The UI keeps working until the core has taken in the backlog: the window runs until the count stops moving.
      const publishedAt = await pageMark(page, 'load:published');
      const total = await waitForCount(root, count + primed, 5_000, 60_000);
      const to = await pageMark(page, 'load:end');
      return { from, to, publishedAt, published, total };
    });
    const tasks = tasksBetween(main, mark(main, 'load:start'), mark(main, 'load:end'));
    const windowMs = mark(main, 'load:end') - mark(main, 'load:start');
    const worst = tasks.reduce<Task | null>((w, t) => (w && w.wall >= t.wall ? w : t), null);
    const work = tasks.filter((t) => t.inner.some((n) => workEvents.has(n))).map((t) => t.wall);
    const observed = (await longTasks(page)).filter((t) => t.start >= result.from && t.start < result.to);
    const sent = result.published.reduce((n, p) => n + p.sent, 0);
    const seconds = Math.max(...result.published.map((p) => p.ms)) / 1000;
    return {
      sent,
      shown: result.total - primed,
      achievedRate: sent / seconds,
      tasks: tasks.length,
      longestWall: worst?.wall ?? 0,
      longestWallCpu: worst?.cpu ?? 0,
      longestCpu: Math.max(0, ...tasks.map((t) => t.cpu)),
      medianWall: percentile(tasks.map((t) => t.wall), 50),
      p99Wall: percentile(tasks.map((t) => t.wall), 99),
      medianWork: percentile(work, 50),
      p99Work: percentile(work, 99),
      busy: sum(tasks.map((t) => t.wall)) / windowMs,
      busyCpu: sum(tasks.map((t) => t.cpu)) / windowMs,
      windowSeconds: windowMs / 1000,
      countedAfterSeconds: (result.to - result.publishedAt) / 1000,
      longTaskCount: observed.length,
      longTaskMax: Math.max(0, ...observed.map((t) => t.duration)),
      worst: worst ? describeTask(worst) : '',
    };
  } catch (err) {
    throw app.explain(err);
  } finally {
    await app.close();
  }
}

/** Trace bookkeeping that says nothing about what a task did. */
const bookkeeping = new Set(['UpdateCounters', 'SetLayerTreeId', 'UpdateLayer', 'DOMStats', 'BeginCommitCompositorFrame', 'TimerRemove', 'ScheduleStyleRecalculation', 'InvalidateLayout']);

export function describeTask(t: Task): string {
  const counts = new Map<string, number>();
  for (const n of t.inner) if (!bookkeeping.has(n)) counts.set(n, (counts.get(n) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, c]) => `${n}×${c}`).join(' ');
  return `${t.wall.toFixed(1)} ms wall / ${t.cpu.toFixed(1)} ms thread time: ${top || 'no traced events'}`;
}
