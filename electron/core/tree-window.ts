// Cuts out the rows a view shows from the open part of a topic tree (visible-rows.ts
// finds them), and builds only those rows, so the cost of a frame follows what is on
// screen: previews are made here, never on the ingest path.
import type { TreeRow, TreeWindow } from '../../shared/contract';
import { previewPayload } from '../../shared/payload-format';
import type { TopicNode } from './topic-tree';
import type { VisibleRows } from './visible-rows';

const previewChars = 120;

export function buildTreeWindow(connectionId: string, seq: number, visible: VisibleRows, start: number, count: number): TreeWindow {
  const rows = visible.rows(start, count).map((r) => toRow(r.node, r.expanded));
  return { connectionId, seq, totalRows: visible.totalRows, start, rows };
}

export function toRow(node: TopicNode, expanded: boolean): TreeRow {
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
