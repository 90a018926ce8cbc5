// Applies a history delta to the entries a view holds (newest first).
import type { HistoryDelta, HistoryEntry } from '../../shared/contract';

export function mergeHistory(held: readonly HistoryEntry[], delta: HistoryDelta): HistoryEntry[] {
  const merged = delta.reset ? delta.entries.slice() : dedupePrepend(held, delta.entries);
  // Evicted entries sit at the end (oldest); trim from there.
  let end = merged.length;
  while (end > 0 && merged[end - 1].seq < delta.oldestSeq) end--;
  return end === merged.length ? merged : merged.slice(0, end);
}

// A delta can race a reset and carry entries the view already holds; keep one of each.
function dedupePrepend(held: readonly HistoryEntry[], fresh: readonly HistoryEntry[]): HistoryEntry[] {
  if (fresh.length === 0) return held.slice();
  const newestHeld = held.length ? held[0].seq : -1;
  const newer = fresh.filter((e) => e.seq > newestHeld);
  return newer.length ? [...newer, ...held] : held.slice();
}
