// The counted rows against the plain walk they replace: the same rows in the same order,
// under random sequences of new topics, opening and closing (one node or a whole subtree).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopicTree, type TopicNode } from './topic-tree';
import { expandablePathsUnder } from './tree-window';
import { VisibleRows } from './visible-rows';

const limits = { maxMessagesPerTopic: 10, maxBytesPerTopic: 1 << 20, maxTotalBytes: 1 << 30 };
const payload = new Uint8Array([1]);

/** Every row of the view by walking every open node: the reference. */
function walk(tree: TopicTree, open: ReadonlySet<string>): { path: string; expanded: boolean }[] {
  const rows: { path: string; expanded: boolean }[] = [];
  const stack: TopicNode[] = [...tree.root.sortedChildren()].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    const expanded = node.children.size > 0 && open.has(node.path);
    rows.push({ path: node.path, expanded });
    if (expanded) for (const child of [...node.sortedChildren()].reverse()) stack.push(child);
  }
  return rows;
}

const shown = (visible: VisibleRows, start: number, count: number) => visible.rows(start, count).map((r) => ({ path: r.node.path, expanded: r.expanded }));

// Few level names, so that topics share levels; '' is a real level, and 2 sorts before 10.
const level = fc.constantFrom('a', 'b', '', '2', '10', 'x');
const topic = fc.array(level, { minLength: 1, maxLength: 4 }).map((l) => l.join('/'));
type Op =
  | { kind: 'ingest'; topic: string }
  | { kind: 'open' | 'close' | 'openAll' | 'closeAll'; path: string }
  | { kind: 'view'; start: number; count: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: topic.map((t) => ({ kind: 'ingest' as const, topic: t })) },
  {
    weight: 3,
    // A topic or the level above it (which for a first-level topic is the path '', an empty first level).
    arbitrary: fc
      .tuple(fc.constantFrom('open', 'close', 'openAll', 'closeAll'), topic, fc.boolean())
      .map(([kind, t, up]) => ({ kind, path: up ? t.split('/').slice(0, -1).join('/') : t })),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('view' as const), start: fc.nat(40), count: fc.nat(40) }) },
);

describe('VisibleRows', () => {
  it('shows the rows the plain walk shows, whatever comes in and opens or closes', () => {
    fc.assert(
      fc.property(fc.array(topic, { maxLength: 8 }), fc.array(op, { maxLength: 60 }), (before, ops) => {
        const tree = new TopicTree(limits);
        let t = 0;
        // Topics that exist before the view does: it counts them when it first looks.
        for (const b of before) tree.ingest(b, payload, 0, false, t++);
        const visible = new VisibleRows(tree);
        const open = new Set<string>();
        const setOpen = (paths: string[], value: boolean) => {
          visible.setOpen(paths, value);
          for (const p of paths) {
            if (value) open.add(p);
            else open.delete(p);
          }
        };
        for (const o of ops) {
          switch (o.kind) {
            case 'ingest':
              tree.ingest(o.topic, payload, 0, false, t++);
              break;
            case 'open':
            case 'close':
              setOpen([o.path], o.kind === 'open');
              break;
            case 'openAll':
            case 'closeAll': {
              const node = tree.find(o.path);
              setOpen(node ? expandablePathsUnder(node) : [o.path], o.kind === 'openAll');
              break;
            }
            case 'view': {
              const all = walk(tree, open);
              expect(visible.totalRows).toBe(all.length);
              expect(shown(visible, o.start, o.count)).toEqual(all.slice(o.start, o.start + o.count));
              break;
            }
          }
        }
        const all = walk(tree, open);
        expect(visible.totalRows).toBe(all.length);
        expect(shown(visible, 0, all.length + 1)).toEqual(all);
        for (const p of open) expect(visible.isOpen(p)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a row deep in 100,000 topics without walking them', () => {
    const tree = new TopicTree(limits);
    for (let i = 0; i < 100_000; i++) tree.ingest(`s/${i % 100}/${i}`, payload, 0, false, i);
    const visible = new VisibleRows(tree);
    visible.setOpen(expandablePathsUnder(tree.root), true);
    expect(visible.totalRows).toBe(1 + 100 + 100_000);
    const rows = shown(visible, 50_000, 3);
    const all = walk(tree, new Set(expandablePathsUnder(tree.root)));
    expect(rows).toEqual(all.slice(50_000, 50_003));
    visible.setOpen(['s/7'], false);
    expect(visible.totalRows).toBe(1 + 100 + 99_000);
  });
});
