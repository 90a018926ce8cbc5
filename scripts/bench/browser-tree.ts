// Tree actions on 100,000 topics: expand and collapse a node of 1,000 children (a click
// on its chevron), expand everything below the root (Shift+→, 100,101 rows), scroll by
// wheel, PageDown, End and Home, and collapse the root again (←). Each action's cost is
// the renderer main thread's tasks from the input until the frame that shows the settled
// tree (rows in view are real rows, not placeholders) and the main thread is idle again,
// so the task that applies the core's answer and the effects after it are counted too.
import type { Page } from 'playwright-core';
import { expandRow, openApp, rowCounts, treeItem } from './browser-app';
import { armSettle, focusFirstVisible, settled, treeState, type SettleWant } from './browser-probe';
import { mark, sum, taskAt, tasksBetween, traced, type MainThread } from './browser-trace';
import { publishTopicGrid } from './browser-topics';

export interface TreePlan {
  groups: number;
  perGroup: number;
  repeats: number;
}

export interface ActionRun {
  /** Main-thread wall time of the action's tasks, and their thread time. */
  wall: number;
  cpu: number;
  longest: number;
  tasks: number;
  /** Input to the end of the frame that showed the settled tree, wall time. */
  latency: number;
}

export type ActionName = 'expand 1,000 children' | 'collapse 1,000 children' | 'expand all (100,101 rows)' | 'wheel 100 rows' | 'PageDown' | 'End' | 'Home' | 'collapse 100,101 rows';

const root = 'tree';
const wheelRows = 100;
/** A gap this long between tasks means the main thread went idle: the action's work is done. */
const idleMs = 16;
/** Between actions, longer than idleMs, so that one action's trailing work is not counted in the next. */
const pauseMs = 100;

export async function measureTree(plan: TreePlan): Promise<Map<ActionName, ActionRun[]>> {
  const app = await openApp();
  try {
    const { page, browser, brokerUrl } = app;
    const topics = plan.groups * plan.perGroup;
    const grid = await publishTopicGrid(brokerUrl, root, plan.groups, plan.perGroup, 100);
    try {
      const row = treeItem(page, root);
      await row.waitFor({ timeout: 30_000 });
      const deadline = Date.now() + 120_000;
      while ((await rowCounts(row)).topics < topics) {
        if (Date.now() > deadline) throw new Error(`the tree holds ${(await rowCounts(row)).topics} of ${topics} topics after 120 s`);
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      await grid.end();
    }
    await expandRow(page, root);
    const groupRows = 1 + plan.groups;
    const allRows = groupRows + topics;
    const runs: { name: ActionName; id: string }[] = [];
    let n = 0;
    const act = async (name: ActionName, want: SettleWant, input: () => Promise<void>) => {
      const id = `${n++}`;
      await armSettle(page, id, want);
      await input();
      await settled(page);
      await page.waitForTimeout(pauseMs);
      runs.push({ name, id });
    };
    const { main } = await traced(browser, page, 'tree', async () => {
      for (let k = 1; k <= plan.repeats; k++) {
        const group = `g${k}`;
        const chevron = await centre(page, treeItem(page, group).locator('.tree-chevron'));
        // The pointer comes to rest on the chevron first, as a hand does: hovering is not part of expanding.
        await page.mouse.move(chevron.x, chevron.y);
        await settleInput(page);
        await act('expand 1,000 children', { total: groupRows + plan.perGroup, expanded: { name: group, value: true } }, () => page.mouse.click(chevron.x, chevron.y));
        await act('collapse 1,000 children', { total: groupRows, expanded: { name: group, value: false } }, () => page.mouse.click(chevron.x, chevron.y));
      }
      for (let k = 1; k <= plan.repeats; k++) {
        await treeItem(page, root).focus();
        await settleInput(page);
        await act('expand all (100,101 rows)', { total: allRows, expanded: { name: root, value: true } }, () => page.keyboard.press('Shift+ArrowRight'));
        // The tree is as tall as all its rows; the wheel goes over its scrolling parent, in view.
        const box = await centre(page, page.getByRole('tree', { name: 'Topic tree' }).locator('..'));
        await page.mouse.move(box.x, box.y);
        await settleInput(page);
        const before = await treeState(page);
        await act('wheel 100 rows', { scrollTop: before.scrollTop + wheelRows * 22 }, () => page.mouse.wheel(0, wheelRows * 22));
        const from = await focusFirstVisible(page);
        await settleInput(page);
        await act('PageDown', { focusIndex: from + 20 }, () => page.keyboard.press('PageDown'));
        await act('End', { focusIndex: allRows - 1 }, () => page.keyboard.press('End'));
        await act('Home', { focusIndex: 0 }, () => page.keyboard.press('Home'));
        await act('collapse 100,101 rows', { total: 1, expanded: { name: root, value: false } }, () => page.keyboard.press('ArrowLeft'));
      }
    });
    const byName = new Map<ActionName, ActionRun[]>();
    for (const r of runs) byName.set(r.name, [...(byName.get(r.name) ?? []), actionRun(main, r.id)]);
    return byName;
  } catch (err) {
    throw app.explain(err);
  } finally {
    await app.close();
  }
}

/**
 * The action's window: after the arming task, through the first frame that painted once
 * the tree had settled, and on through the work that follows it without a frame's pause
 * (effects that run after the paint, such as moving the focus): the action is over when
 * the main thread has been idle for a frame.
 */
function actionRun(main: MainThread, id: string): ActionRun {
  const armedAt = mark(main, `armed:${id}`);
  const from = taskAt(main, armedAt)?.end ?? armedAt;
  const settledAt = mark(main, `settled:${id}`);
  const frame = main.tasks.find((t) => t.end >= settledAt && t.inner.some((e) => e === 'Paint' || e === 'Commit'));
  const shown = frame?.end ?? taskAt(main, settledAt)?.end ?? settledAt;
  let to = shown;
  for (const t of main.tasks) {
    if (t.start < to) continue;
    if (t.start - to > idleMs) break;
    to = t.end;
  }
  const tasks = tasksBetween(main, from, to);
  return {
    wall: sum(tasks.map((t) => t.wall)),
    cpu: sum(tasks.map((t) => t.cpu)),
    longest: Math.max(0, ...tasks.map((t) => t.wall)),
    tasks: tasks.length,
    latency: shown - from,
  };
}

async function centre(page: Page, locator: ReturnType<Page['locator']>): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element to click is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Mouse moves reach the page with its next frames, and a focus renders the tree: let them land before an action is armed. */
async function settleInput(page: Page): Promise<void> {
  await page.waitForTimeout(100);
}
