// Which filters a clear can take from a selected topic (its own subtree or one of its
// parents'), and whether a scan under one filter saw everything under another: the
// clear dialog says when the list it shows may miss topics the broker holds.

/** 'a/b/c' -> ['a/b/c/#', 'a/b/#', 'a/#']: the topic's own subtree first, then each parent's. */
export function subtreeFilters(topic: string): string[] {
  const levels = topic.split('/');
  const out: string[] = [];
  for (let n = levels.length; n >= 1; n--) out.push(`${levels.slice(0, n).join('/')}/#`);
  return out;
}

/**
 * true when every topic the inner filter matches is matched by the outer one. 'a/#'
 * covers 'a' itself (MQTT §4.7.1.2); wildcards at the first level never reach $-topics.
 */
export function filterCovers(outer: string, inner: string): boolean {
  const o = outer.split('/');
  const n = inner.split('/');
  if (n[0].startsWith('$') && (o[0] === '#' || o[0] === '+')) return false;
  for (let i = 0; ; i++) {
    const a = o[i];
    const b = n[i];
    if (a === '#') return true;
    if (a === undefined || b === undefined) return a === undefined && b === undefined;
    if (b === '#') return false;
    if (a === '+') continue;
    if (b === '+' || a !== b) return false;
  }
}
