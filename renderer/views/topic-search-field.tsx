// The topic box of the packet and flow filters. The text stays as typed; only text that
// can filter reaches the store, so a half-typed or invalid filter ('a/#/b') keeps the
// last good one applied and says what is wrong beside the box.
import { useId, useState } from 'react';
import { topicFilterHint, topicSearchProblem } from '../lib/capture-filters';

export interface TopicSearchFieldProps {
  /** The filter's topic as applied. */
  value: string;
  placeholder: string;
  onChange(topic: string): void;
}

export function TopicSearchField({ value, placeholder, onChange }: TopicSearchFieldProps) {
  const messageId = useId();
  const [text, setText] = useState(value);
  const [applied, setApplied] = useState(value);
  // Set from elsewhere (a scenario, a cleared filter): show what now applies.
  if (value !== applied) {
    setApplied(value);
    setText(value);
  }
  const problem = topicSearchProblem(text);
  const edit = (next: string) => {
    setText(next);
    if (topicSearchProblem(next) === null) {
      setApplied(next);
      onChange(next);
    }
  };
  return (
    <label className="filter-field topic-filter">
      <span>Topic</span>
      <input
        className="mono"
        type="search"
        aria-label="Topic filter"
        placeholder={placeholder}
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={messageId}
        onChange={(e) => edit(e.target.value)}
      />
      <span id={messageId} className={problem ? 'field-error filter-hint' : 'muted filter-hint'}>
        {problem ?? topicFilterHint(text)}
      </span>
    </label>
  );
}
