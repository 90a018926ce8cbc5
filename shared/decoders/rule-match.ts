// Which remembered rule applies to a topic: the first whose filter matches, so the
// order of the list is the order of precedence.
import { topicMatchesFilter } from '../topic';

export function matchingRule<R extends { filter: string }>(rules: readonly R[], topic: string): R | null {
  return rules.find((r) => topicMatchesFilter(r.filter, topic)) ?? null;
}
