import { describe, expect, it } from 'vitest';
import { TopicTree } from './topic-tree';
import { buildTreeWindow, expandablePathsUnder } from './tree-window';
import { VisibleRows } from './visible-rows';

const limits = { maxMessagesPerTopic: 100, maxBytesPerTopic: 1 << 20, maxTotalBytes: 1 << 30 };
const text = (s: string) => new TextEncoder().encode(s);

/** A view of the tree with these paths open. */
function visible(tree: TopicTree, open: Iterable<string>): VisibleRows {
  const v = new VisibleRows(tree);
  v.setOpen(open, true);
  return v;
}

function sampleTree(): TopicTree {
  const tree = new TopicTree(limits);
  tree.ingest('sensors/lab/device-10/temp', text('21.5'), 0, false, 1000);
  tree.ingest('sensors/lab/device-2/temp', text('{"value": 20}'), 1, false, 2000);
  tree.ingest('sensors/lab/device-2/temp', text('{"value": 22}'), 1, false, 3000);
  tree.ingest('sensors', text('root has a value too'), 0, true, 4000);
  tree.ingest('alarms/door', new Uint8Array([0, 1, 2, 255]), 2, false, 5000);
  return tree;
}

describe('TopicTree', () => {
  it('counts messages and topics along the path', () => {
    const tree = sampleTree();
    expect(tree.messageCount).toBe(5);
    expect(tree.topicCount).toBe(4);
    const lab = tree.find('sensors')!.children.get('lab')!;
    expect(lab.messageCount).toBe(3);
    expect(lab.topicCount).toBe(2);
    expect(tree.find('sensors')!.messageCount).toBe(4);
    expect(tree.find('sensors/lab/device-2/temp')!.history!.count).toBe(2);
  });

  it('keeps empty levels as real levels', () => {
    const tree = new TopicTree(limits);
    tree.ingest('/a//b', text('x'), 0, false, 1);
    const first = tree.root.children.get('')!;
    expect(first.path).toBe('');
    expect(first.children.get('a')!.children.get('')!.children.get('b')!.path).toBe('/a//b');
  });
});

describe('buildTreeWindow', () => {
  it('shows only top-level rows when nothing is expanded, sorted as people read numbers', () => {
    const w = buildTreeWindow('c', 1, visible(sampleTree(), []), 0, 50);
    expect(w.totalRows).toBe(2);
    expect(w.rows.map((r) => r.name)).toEqual(['alarms', 'sensors']);
    expect(w.rows[1]).toMatchObject({ childCount: 1, messageCount: 4, topicCount: 3, retained: true, preview: 'root has a value too' });
  });

  it('flattens expanded nodes and cuts out the requested window', () => {
    const tree = sampleTree();
    const open = visible(tree, expandablePathsUnder(tree.root));
    const all = buildTreeWindow('c', 1, open, 0, 100);
    expect(all.rows.map((r) => r.path)).toEqual([
      'alarms',
      'alarms/door',
      'sensors',
      'sensors/lab',
      'sensors/lab/device-2',
      'sensors/lab/device-2/temp',
      'sensors/lab/device-10',
      'sensors/lab/device-10/temp',
    ]);
    expect(all.rows[1]).toMatchObject({ previewFormat: 'binary', preview: '00 01 02 ff', depth: 1 });
    expect(all.rows[5]).toMatchObject({ previewFormat: 'json', ownMessageCount: 2, changedAt: 3000 });
    const window = buildTreeWindow('c', 2, open, 3, 2);
    expect(window.totalRows).toBe(8);
    expect(window.start).toBe(3);
    expect(window.rows.map((r) => r.path)).toEqual(['sensors/lab', 'sensors/lab/device-2']);
  });

  it('handles 100,000 topics', () => {
    const tree = new TopicTree(limits);
    for (let i = 0; i < 100_000; i++) tree.ingest(`s/${i % 100}/${i}`, text(String(i)), 0, false, i);
    const w = buildTreeWindow('c', 1, visible(tree, expandablePathsUnder(tree.root)), 50_000, 40);
    expect(w.totalRows).toBe(1 + 100 + 100_000);
    expect(w.rows).toHaveLength(40);
    expect(tree.topicCount).toBe(100_000);
  });
});
