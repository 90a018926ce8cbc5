// Opens a topic in the Topic tree as a user does: each parent level expanded, then the
// topic clicked (its history shows in the History panel).
import type { Page } from 'playwright-core';

export async function openTopicInTree(page: Page, levels: readonly string[], timeout = 15_000): Promise<void> {
  const tree = page.getByRole('tree', { name: 'Topic tree' });
  for (const [i, level] of levels.entries()) {
    const item = tree.getByRole('treeitem', { name: level, exact: true });
    await item.waitFor({ timeout });
    if (i === levels.length - 1) await item.click();
    else if ((await item.getAttribute('aria-expanded')) !== 'true') {
      await item.click();
      await item.press('ArrowRight');
    }
  }
}
