// What the benchmark runs inside the page: a 'longtask' observer (the cross-check of
// the trace) and the settle probe that tells when the topic tree shows what an action
// should lead to. After a DOM mutation, focus or scroll event the probe checks in the
// next animation frame: the frame that renders the change, which lays out the rows
// anyway, so reading scroll offsets there adds no layout and no task of its own.
// installProbe is serialised into the page: it must not refer to anything outside it.
import type { Page } from 'playwright-core';

/** What the tree must show before an action counts as settled; every given field must hold. */
export interface SettleWant {
  /** Rows in the tree (expanded nodes included). */
  total?: number;
  /** The row with this accessible name is expanded (true) or collapsed (false). */
  expanded?: { name: string; value: boolean };
  /** The keyboard focus is on the row with this index. */
  focusIndex?: number;
  /** The tree is scrolled to exactly this offset. */
  scrollTop?: number;
}

/** Where the tree stands: also what a timed-out probe reports. */
export interface TreeState {
  total: number;
  scrollTop: number;
  focusIndex: number | null;
  /** Rows in view that are still placeholders (their data has not arrived). */
  missing: number;
}

interface Probe {
  longTasks: { start: number; duration: number }[];
  state(): TreeState;
  arm(id: string, want: SettleWant, timeoutMs: number): void;
  settled: Promise<number> | null;
}

export function installProbe(): void {
  const w = window as unknown as { __scopeBench: Probe };
  const longTasks: Probe['longTasks'] = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No longtask support: the cross-check stays empty and the report says 0.
  }
  const treeEl = () => document.querySelector<HTMLElement>('[role="tree"][aria-label="Topic tree"]');
  let rowHeight = 0;
  const state = (): TreeState => {
    const tree = treeEl();
    const scroll = tree?.parentElement;
    if (!tree || !scroll) return { total: 0, scrollTop: 0, focusIndex: null, missing: -1 };
    if (!rowHeight) rowHeight = tree.querySelector<HTMLElement>('.tree-row')?.offsetHeight ?? 22;
    const total = Math.round(parseFloat(tree.style.height || '0') / rowHeight);
    const shown = new Set<number>();
    for (const el of tree.querySelectorAll<HTMLElement>('[role="treeitem"]')) shown.add(Number(el.dataset.index));
    const first = Math.floor(scroll.scrollTop / rowHeight);
    const end = Math.min(total, Math.ceil((scroll.scrollTop + scroll.clientHeight) / rowHeight));
    let missing = 0;
    for (let i = first; i < end; i++) if (!shown.has(i)) missing++;
    const active = document.activeElement as HTMLElement | null;
    const focusIndex = active && tree.contains(active) && active.dataset.index !== undefined ? Number(active.dataset.index) : null;
    return { total, scrollTop: scroll.scrollTop, focusIndex, missing };
  };
  const holds = (want: SettleWant): boolean => {
    const s = state();
    if (s.missing !== 0) return false;
    if (want.total !== undefined && s.total !== want.total) return false;
    if (want.focusIndex !== undefined && s.focusIndex !== want.focusIndex) return false;
    if (want.scrollTop !== undefined && Math.abs(s.scrollTop - want.scrollTop) > 1) return false;
    if (want.expanded) {
      const row = [...(treeEl()?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])].find((el) => el.getAttribute('aria-label') === want.expanded!.name);
      if (!row || row.getAttribute('aria-expanded') !== String(want.expanded.value)) return false;
    }
    return true;
  };
  w.__scopeBench = {
    longTasks,
    state,
    settled: null,
    arm(id, want, timeoutMs) {
      const tree = treeEl()!;
      const scroll = tree.parentElement!;
      state(); // measures the row height now, outside the window
      let done = false;
      w.__scopeBench.settled = new Promise<number>((resolve, reject) => {
        const check = () => {
          if (done || !holds(want)) return;
          done = true;
          console.timeStamp(`settled:${id}`);
          stop();
          resolve(performance.now());
        };
        let pending = false;
        const schedule = () => {
          if (pending || done) return;
          pending = true;
          requestAnimationFrame(() => {
            pending = false;
            check();
          });
        };
        const observer = new MutationObserver(schedule);
        const timer = setTimeout(() => {
          done = true;
          stop();
          reject(new Error(`the tree did not settle on ${JSON.stringify(want)} within ${timeoutMs} ms: ${JSON.stringify(state())}`));
        }, timeoutMs);
        const stop = () => {
          clearTimeout(timer);
          observer.disconnect();
          tree.removeEventListener('focusin', schedule);
          scroll.removeEventListener('scroll', schedule);
        };
        observer.observe(tree, { subtree: true, childList: true, attributes: true });
        tree.addEventListener('focusin', schedule);
        scroll.addEventListener('scroll', schedule);
      });
      console.timeStamp(`armed:${id}`);
    },
  };
}

/** Arms the probe (its own small task, before the window) for the action `id`. */
export async function armSettle(page: Page, id: string, want: SettleWant, timeoutMs = 20_000): Promise<void> {
  await page.evaluate(({ id, want, timeoutMs }) => (window as unknown as { __scopeBench: Probe }).__scopeBench.arm(id, want, timeoutMs), { id, want, timeoutMs });
}

/** Resolves when the armed action has settled. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __scopeBench: Probe }).__scopeBench.settled);
}

export async function treeState(page: Page): Promise<TreeState> {
  return page.evaluate(() => (window as unknown as { __scopeBench: Probe }).__scopeBench.state());
}

export async function longTasks(page: Page): Promise<Probe['longTasks']> {
  return page.evaluate(() => (window as unknown as { __scopeBench: Probe }).__scopeBench.longTasks.slice());
}

/** performance.now() in the page, with a trace mark of the same name. */
export async function pageMark(page: Page, message: string): Promise<number> {
  return page.evaluate((m) => {
    console.timeStamp(m);
    return performance.now();
  }, message);
}
