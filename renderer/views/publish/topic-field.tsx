// The topic to publish to, with the topics already seen on the connection offered as
// suggestions (a native datalist: the browser draws the list and handles its keys).
import { useId } from 'react';
import { useApi } from '../../app/api-context';
import { usePublishStore } from '../../stores/publish-store';
import { Field } from '../field';
import { useTopicCompletion } from './use-topic-completion';

export function TopicField({ connectionId, problem }: { connectionId: string | null; problem: string | undefined }) {
  const api = useApi();
  const listId = useId();
  const topic = usePublishStore((s) => s.draft.topic);
  const edit = usePublishStore((s) => s.edit);
  const suggestions = useTopicCompletion(api, connectionId, topic);
  return (
    <Field label="Topic" error={problem} className="grow">
      {(p) => (
        <>
          <input
            {...p}
            className="mono"
            value={topic}
            list={listId}
            spellCheck={false}
            autoComplete="off"
            placeholder="devices/thermostat-1/set"
            onChange={(e) => edit((d) => ({ ...d, topic: e.target.value }), 'topic')}
          />
          <datalist id={listId}>
            {suggestions.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
