import { describe, expect, it } from 'vitest';
import { problemsBySection, sectionOfField } from './publish-sections';

describe('sectionOfField', () => {
  it('finds the section that shows a field the core names', () => {
    expect(sectionOfField('properties.userProperties.3.key')).toBe('properties');
    expect(sectionOfField('properties')).toBe('properties');
    expect(sectionOfField('count')).toBe('repeat');
    expect(sectionOfField('match.correlationKey')).toBe('request');
    expect(sectionOfField('responseTopic')).toBe('request');
    expect(sectionOfField('name')).toBe('library');
    expect(sectionOfField('topic')).toBeNull();
    expect(sectionOfField('payload')).toBeNull();
  });

  it('counts problems per section', () => {
    expect(problemsBySection(['topic', 'properties.topicAlias', 'properties.responseTopic', 'timeoutMs'])).toEqual({ properties: 2, repeat: 0, request: 1, library: 0 });
  });
});
