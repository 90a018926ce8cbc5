// Adds a series: a topic of the shown connection and, for JSON payloads, the path of
// the number inside. The core checks both; a refusal is shown at its field.
import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { addChartSeries } from '../../lib/chart-actions';
import { formErrorsFrom, noErrors, type FormErrors } from '../../lib/form-errors';
import { useSelectionStore } from '../../stores/selection-store';
import { useSeriesStore } from '../../stores/series-store';
import { Field } from '../field';
import { useTopicCompletion } from '../publish/use-topic-completion';
import { SuggestedInput } from './suggested-input';

const fields = ['topic', 'path'] as const;

export function SeriesForm() {
  const api = useApi();
  const connectionId = useSelectionStore((s) => s.connectionId);
  const draft = useSeriesStore((s) => s.draft);
  const [topic, setTopic] = useState('');
  const [path, setPath] = useState('');
  const [pathSuggestions, setPathSuggestions] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const topics = useTopicCompletion(api, connectionId, topic);

  // The Chart action's topic and suggested path fill the form once.
  useEffect(() => {
    if (!draft) return;
    setTopic(draft.topic);
    setPath(draft.path);
    setPathSuggestions(draft.paths);
    setErrors(noErrors);
    useSeriesStore.getState().setDraft(null);
  }, [draft]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (connectionId === null) return setErrors({ fields: {}, general: 'Select a connection first.' });
    if (topic.trim() === '') return setErrors({ fields: { topic: 'Type the topic to plot.' }, general: null });
    setBusy(true);
    try {
      await addChartSeries(api, connectionId, topic, path.trim() === '' ? null : path.trim());
      setErrors(noErrors);
      setPath('');
    } catch (err) {
      setErrors(formErrorsFrom(err, fields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="series-form" aria-label="Add a series" onSubmit={submit}>
      <Field label="Topic" error={errors.fields.topic} className="grow">
        {(p) => <SuggestedInput control={p} value={topic} suggestions={topics} placeholder="sensors/site-1/room/temp" onChange={setTopic} />}
      </Field>
      <Field label="JSON path" error={errors.fields.path} className="path-field">
        {(p) => <SuggestedInput control={p} value={path} suggestions={pathSuggestions} placeholder="empty: the payload is a number; or $.temp" onChange={setPath} />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        Add series
      </button>
      {errors.general && (
        <p className="field-error" role="alert">
          {errors.general}
        </p>
      )}
    </form>
  );
}
