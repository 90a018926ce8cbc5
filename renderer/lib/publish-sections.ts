// The publish panel's collapsible sections, and which of them holds a field, so a
// section with a problem inside opens itself (a closed section must not hide one).
export type PublishSection = 'properties' | 'repeat' | 'request' | 'library';

export const publishSections: readonly PublishSection[] = ['properties', 'repeat', 'request', 'library'];

export function sectionOfField(field: string): PublishSection | null {
  if (field === 'properties' || field.startsWith('properties.')) return 'properties';
  if (field === 'intervalMs' || field === 'count') return 'repeat';
  if (field === 'responseTopic' || field === 'correlation' || field === 'timeoutMs' || field === 'match' || field.startsWith('match.')) return 'request';
  if (field === 'name') return 'library';
  return null;
}

/** How many of the problems sit in each section. */
export function problemsBySection(fields: Iterable<string>): Record<PublishSection, number> {
  const counts: Record<PublishSection, number> = { properties: 0, repeat: 0, request: 0, library: 0 };
  for (const f of fields) {
    const s = sectionOfField(f);
    if (s) counts[s]++;
  }
  return counts;
}
