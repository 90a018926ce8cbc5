// One sentence saying how much two payloads differ, above the details.
import type { PayloadDiff } from '../../../shared/payload-diff';
import { formatBytes, formatCount, plural } from '../../lib/format-number';

export function diffSummary(diff: PayloadDiff): string {
  switch (diff.kind) {
    case 'identical':
      return `The payloads are identical (${formatBytes(diff.size)}).`;
    case 'json': {
      const count = (kind: string) => diff.changes.filter((c) => c.kind === kind).length;
      return `JSON: ${plural(diff.changes.length, 'value differs', 'values differ')} — ${count('changed')} changed, ${count('added')} added, ${count('removed')} removed.`;
    }
    case 'text':
      return `Text: ${plural(diff.added, 'line', 'lines')} added, ${plural(diff.removed, 'line', 'lines')} removed.`;
    case 'binary':
      return `Binary: ${plural(diff.differingBytes, 'byte differs', 'bytes differ')} in ${formatCount(diff.ranges.length + diff.moreRanges)} ${diff.ranges.length + diff.moreRanges === 1 ? 'range' : 'ranges'} (${formatBytes(diff.sizeBefore)} → ${formatBytes(diff.sizeAfter)}).`;
  }
}
