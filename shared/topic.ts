// Topic names and filters by the rules of MQTT 3.1.1 §4.7 and MQTT 5.0 §4.7.
// Each validator returns null when the input is valid, or a message for the user.

const MAX_TOPIC_BYTES = 65535;

function commonProblem(text: string, what: string): string | null {
  if (text.length === 0) return `The ${what} is empty; it needs at least one character.`;
  if (text.includes('\u0000')) return `The ${what} contains a null character (U+0000), which MQTT forbids.`;
  if (new TextEncoder().encode(text).length > MAX_TOPIC_BYTES) return `The ${what} is longer than 65,535 bytes.`;
  return null;
}

/** A topic to publish to: no wildcards. */
export function topicNameProblem(topic: string): string | null {
  const common = commonProblem(topic, 'topic');
  if (common) return common;
  if (topic.includes('+') || topic.includes('#')) {
    return 'A topic to publish to cannot contain the wildcards + or #; they belong in subscription filters.';
  }
  return null;
}

/** A subscription filter: + fills one whole level, # only as the whole last level. */
export function topicFilterProblem(filter: string): string | null {
  const common = commonProblem(filter, 'topic filter');
  if (common) return common;
  const levels = filter.split('/');
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    if (level.includes('#')) {
      if (level !== '#') return `'#' must fill a whole level by itself (found '${level}').`;
      if (i !== levels.length - 1) return `'#' may only be the last level of a filter; '${filter}' has levels after it.`;
    }
    if (level.includes('+') && level !== '+') return `'+' must fill a whole level by itself (found '${level}').`;
  }
  return null;
}

/** Whether a topic name matches a filter; topics starting with $ are not matched by a leading wildcard. */
export function topicMatchesFilter(filter: string, topic: string): boolean {
  if (topic.startsWith('$') && (filter.startsWith('+') || filter.startsWith('#'))) return false;
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

/** Levels of a topic as the tree shows them; empty levels ('a//b', '/a') are real levels. */
export function topicLevels(topic: string): string[] {
  return topic.split('/');
}

/**
 * Whether every topic a subscription filter can match is also matched by the pattern:
 * the test an ACL applies to a SUBSCRIBE. 'a/#' covers 'a/+/b' and 'a', '+/x' does not
 * cover '#', and a leading wildcard never covers topics starting with $ (§4.7.2).
 */
export function filterCoversFilter(pattern: string, filter: string): boolean {
  const p = pattern.split('/');
  const f = filter.split('/');
  if ((p[0] === '+' || p[0] === '#') && f[0].startsWith('$')) return false;
  for (let i = 0; ; i++) {
    if (i === p.length) return i === f.length;
    if (p[i] === '#') return true;
    if (i === f.length || f[i] === '#') return false;
    if (p[i] === '+') continue;
    if (f[i] === '+' || p[i] !== f[i]) return false;
  }
}
