// Publish to the shown connection. The topic follows the selection in the tree, since
// the usual move is "answer this device on its own topic".
import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Qos } from '../../shared/contract';
import { topicNameProblem } from '../../shared/topic';
import { useApi } from '../app/api-context';
import { formErrorsFrom, noErrors, type FormErrors } from '../lib/form-errors';
import { useSelectedConnection } from '../hooks/use-selected-connection';
import { selectedTopicOf, useSelectionStore } from '../stores/selection-store';
import { Field } from './field';
import { QosSelect } from './qos-select';

export function PublishBox() {
  const api = useApi();
  const connection = useSelectedConnection();
  const selectedTopic = useSelectionStore(selectedTopicOf);
  const [topic, setTopic] = useState('');
  const [payload, setPayload] = useState('');
  const [qos, setQos] = useState<Qos>(0);
  const [retain, setRetain] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [published, setPublished] = useState<string | null>(null);

  useEffect(() => {
    if (selectedTopic !== null) setTopic(selectedTopic);
  }, [selectedTopic]);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!connection) return;
    setPublished(null);
    const problem = topicNameProblem(topic);
    if (problem) {
      setErrors({ fields: { topic: problem }, general: null });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      await api.publish({ connectionId: connection.id, topic, payload, format: 'text', qos, retain });
      setPublished(topic);
    } catch (err) {
      setErrors(formErrorsFrom(err, ['topic', 'payload', 'qos', 'retain']));
    } finally {
      setBusy(false);
    }
  };

  // Ctrl/Cmd+Enter publishes from the payload, as in most consoles.
  const onPayloadKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
  };

  return (
    <section className="publish-box" aria-label="Publish">
      <form onSubmit={submit} noValidate>
        <div className="publish-row">
          <Field label="Topic" error={errors.fields.topic} className="grow">
            {(p) => (
              <input
                {...p}
                className="mono"
                value={topic}
                spellCheck={false}
                autoComplete="off"
                placeholder="devices/thermostat-1/set"
                onChange={(e) => {
                  setTopic(e.target.value);
                  setPublished(null);
                }}
              />
            )}
          </Field>
          <Field label="QoS" error={errors.fields.qos}>
            {(p) => <QosSelect {...p} value={qos} onChange={setQos} />}
          </Field>
          <label className="checkbox after-label">
            <input type="checkbox" checked={retain} onChange={(e) => setRetain(e.target.checked)} />
            Retain
          </label>
          <button type="submit" className="primary after-label" disabled={busy || !connection}>
            Publish
          </button>
        </div>
        <Field label="Payload" error={errors.fields.payload}>
          {(p) => (
            <textarea
              {...p}
              className="mono"
              rows={3}
              value={payload}
              spellCheck={false}
              placeholder='{"setpoint": 21.5}'
              onChange={(e) => setPayload(e.target.value)}
              onKeyDown={onPayloadKey}
            />
          )}
        </Field>
        <div className="publish-result">
          {!connection && <p className="muted">Add a connection to publish.</p>}
          {errors.general && (
            <p className="form-error" role="alert">
              {errors.general}
            </p>
          )}
          <p className="publish-ok" role="status">
            {published !== null && `Published to ${published}`}
          </p>
        </div>
      </form>
    </section>
  );
}
