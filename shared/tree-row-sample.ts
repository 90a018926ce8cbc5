// A topic-tree row for tests: a leaf at its path whose message count also stands for its
// change time, so that rows with other counts read as changed.
import type { TreeRow } from './contract';

export function sampleTreeRow(path: string, messageCount = 1): TreeRow {
  return {
    path,
    name: path.split('/').pop()!,
    depth: path.split('/').length - 1,
    expanded: false,
    childCount: 0,
    topicCount: 1,
    messageCount,
    ownMessageCount: messageCount,
    preview: 'on',
    previewFormat: 'text',
    retained: false,
    changedAt: messageCount,
  };
}
