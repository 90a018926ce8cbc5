// What the benchmark runs inside the page: a 'longtask' observer (the cross-check of
// the trace) and the settle probe that tells when the topic tree shows what an action
// should lead to. After a DOM mutation, focus or scroll event the probe checks in the
// next animation frame: the frame that renders the change, which lays out the rows
// anyway, so reading scroll offsets there adds no layout and no task of its own.
// installProbe is serialised into the page: it must not refer to anything outside it.
import type { Page } from 'playwright-core';

// The few page globals the probe uses, declared for this module only: the scripts are
// type-checked for Node, and the DOM library would make `document` valid everywhere.
interface PageElement {
  readonly tagName: string;
  readonly dataset: Record<string, string | undefined>;
  readonly style: { height: string };
  readonly offsetHeight: number;
  readonly parentElement: PageElement | null;
  scrollTop: number;
  readonly clientHeight: number;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { top: number };
  contains(other: PageElement): boolean;
  focus(): void;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}
declare const window: unknown;
declare const document: { querySelector(selector: string): PageElement | null; readonly activeElement: PageElement | null };
declare function requestAnimationFrame(callback: () => void): number;
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: PageElement, options: { subtree: boolean; childList: boolean; attributes: boolean }): void;
  disconnect(): void;
}

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
  /** What has the keyboard focus, when it is not a row: "tag role name". */
  focusElsewhere: string | null;
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
    }).observe({ type: 'longtask' as never, buffered: true });
  } catch {
    // No longtask support: the cross-check stays empty and the report says 0.
  }
  const treeEl = () => document.querySelector('[role="tree"][aria-label="Topic tree"]');
  let rowHeight = 0;
  // Rows in view that are not rendered as rows yet (placeholders): cheap, as it runs inside measured frames.
  const missingRows = (tree: PageElement, scroll: PageElement, total: number): number => {
    const first = Math.floor(scroll.scrollTop / rowHeight);
    const end = Math.min(total, Math.ceil((scroll.scrollTop + scroll.clientHeight) / rowHeight));
    let shown = 0;
    for (const el of tree.querySelectorAll('[role="treeitem"]')) {
      const index = el.dataset.index;
      if (index === undefined) continue;
      const i = Number(index);
      if (i >= first && i < end) shown++;
    }
    return Math.max(0, end - first) - shown;
  };
  const totalOf = (tree: PageElement) => Math.round(parseFloat(tree.style.height || '0') / rowHeight);
  const focusIndexOf = (tree: PageElement): number | null => {
    const active = document.activeElement;
    return active && tree.contains(active) && active.dataset.index !== undefined ? Number(active.dataset.index) : null;
  };
  const state = (): TreeState => {
    const tree = treeEl();
    const scroll = tree?.parentElement;
    if (!tree || !scroll) return { total: 0, scrollTop: 0, focusIndex: null, missing: -1, focusElsewhere: null };
    if (!rowHeight) rowHeight = tree.querySelector('.tree-row')?.offsetHeight || 22;
    const total = totalOf(tree);
    const focusIndex = focusIndexOf(tree);
    const active = document.activeElement;
    const focusElsewhere = focusIndex !== null || !active ? null : `${active.tagName} ${active.getAttribute('role')} ${active.getAttribute('aria-label')}`;
    return { total, scrollTop: scroll.scrollTop, focusIndex, missing: missingRows(tree, scroll, total), focusElsewhere };
  };
  // The cheap tests first: most checks fail on one of them before any row is looked at.
  const holds = (tree: PageElement, scroll: PageElement, want: SettleWant): boolean => {
    const total = totalOf(tree);
    if (want.total !== undefined && total !== want.total) return false;
    if (want.focusIndex !== undefined && focusIndexOf(tree) !== want.focusIndex) return false;
    if (want.scrollTop !== undefined && Math.abs(scroll.scrollTop - want.scrollTop) > 1) return false;
    if (want.expanded) {
      const row = tree.querySelector(`[role="treeitem"][aria-label="${want.expanded.name}"]`);
      if (!row || row.getAttribute('aria-expanded') !== String(want.expanded.value)) return false;
    }
    return missingRows(tree, scroll, total) === 0;
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
          if (done || !holds(tree, scroll, want)) return;
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

/** Focuses the first row wholly in view (outside any action) and returns its index. */
export async function focusFirstVisible(page: Page): Promise<number> {
  return page.evaluate(() => {
    const tree = document.querySelector('[role="tree"][aria-label="Topic tree"]')!;
    const top = tree.parentElement!.getBoundingClientRect().top;
    const rows = [...tree.querySelectorAll('[role="treeitem"]')].filter((el) => el.getBoundingClientRect().top >= top);
    rows.sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
    rows[0].focus();
    return Number(rows[0].dataset.index);
  });
}
