// The few subscription filters that cover a set of topics, for checking after a
// clear or a restore: one filter per first level (its deepest common prefix with
// /#, or the topic itself when it is alone), instead of one subscription per topic.
export function coveringFilters(topics: readonly string[]): string[] {
  const groups = new Map<string, string[][]>();
  for (const topic of new Set(topics)) {
    const levels = topic.split('/');
    const group = groups.get(levels[0]);
    if (group) group.push(levels);
    else groups.set(levels[0], [levels]);
  }
  const filters: string[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) {
      filters.push(group[0].join('/'));
      continue;
    }
    let common = group[0].length;
    for (const levels of group) {
      let i = 0;
      while (i < common && i < levels.length && levels[i] === group[0][i]) i++;
      common = i;
    }
    // "a/b/#" also matches "a/b" itself (MQTT 3.1.1 §4.7.1.2), so a prefix that is a topic is covered.
    filters.push([...group[0].slice(0, common), '#'].join('/'));
  }
  return filters.sort();
}
