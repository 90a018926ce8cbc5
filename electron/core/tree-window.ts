// Flattens the expanded part of a topic tree and cuts out the rows a view shows.
// Only rows inside the window are built, so the cost of a frame follows what is on
// screen; the walk itself visits only expanded nodes.
import type { TreeRow, TreeWindow } from '../../shared/contract';
import { previewPayload } from '../../shared/payload-format';
import type { TopicNode, TopicTree } from './topic-tree';

const previewChars = 120;

export function buildTreeWindow(
  connectionId: string,
  tree: TopicTree,
  expanded: ReadonlySet<string>,
  start: number,
  count: number,
): TreeWindow {
  const rows: TreeRow[] = [];
  const end = start + count;
  let index = 0;
  // Iterative walk: trees can be deep enough to matter for the call stack.
  const stack: TopicNode[] = [...tree.root.sortedChildren()].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    const isExpanded = node.children.size > 0 && expanded.has(node.path);
    if (index >= start && index < end) rows.push(toRow(node, isExpanded));
    index++;
    if (isExpanded) {
      const children = node.sortedChildren();
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return { connectionId, totalRows: index, start, rows };
}

function toRow(node: TopicNode, expanded: boolean): TreeRow {
  const latest = node.history?.newest();
  const preview = latest ? previewPayload(latest.payload, previewChars) : null;
  return {
    path: node.path,
    name: node.name,
    depth: node.depth,
    expanded,
    childCount: node.children.size,
    topicCount: node.topicCount,
    messageCount: node.messageCount,
    ownMessageCount: node.history ? node.history.count + node.history.evictedCount : 0,
    preview: preview ? preview.preview + (preview.truncated ? '…' : '') : null,
    previewFormat: preview ? preview.format : null,
    retained: latest ? node.retained : false,
    changedAt: node.changedAt,
  };
}

/** Paths of a node and all its descendants that have children (for expand-all). */
export function expandablePathsUnder(node: TopicNode): string[] {
  const out: string[] = [];
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.children.size > 0) {
      out.push(n.path);
      for (const c of n.children.values()) stack.push(c);
    }
  }
  return out;
}
