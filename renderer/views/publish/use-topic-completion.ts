// Topics already seen on the connection that start with what is typed, for the topic
// field's suggestions. Asked for after a short pause in typing, and an answer that
// arrives after a newer question is dropped.
import { useEffect, useState } from 'react';
import type { ScopeApi } from '../../../shared/contract';

const pauseMs = 150;
const limit = 50;

export function useTopicCompletion(api: ScopeApi, connectionId: string | null, prefix: string): string[] {
  const [topics, setTopics] = useState<string[]>([]);
  useEffect(() => {
    if (connectionId === null) {
      setTopics([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api.completeTopic({ connectionId, prefix, limit }).then(
        (r) => current && setTopics(r.topics.filter((t) => t !== prefix)),
        // Suggestions are a convenience: without them the field still works.
        () => current && setTopics([]),
      );
    }, pauseMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, connectionId, prefix]);
  return topics;
}
