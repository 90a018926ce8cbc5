import { useState, type FormEvent } from 'react';
import type { Qos } from '../../shared/contract';
import { topicFilterProblem } from '../../shared/topic';
import { useApi } from '../app/api-context';
import { formErrorsFrom, noErrors, type FormErrors } from '../lib/form-errors';
import { Field } from './field';
import { QosSelect } from './qos-select';

export function AddSubscriptionForm({ connectionId }: { connectionId: string }) {
  const api = useApi();
  const [filter, setFilter] = useState('');
  const [qos, setQos] = useState<Qos>(2);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = topicFilterProblem(filter);
    if (problem) {
      setErrors({ fields: { filter: problem }, general: null });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      await api.subscribe({ connectionId, filter, qos });
      setFilter('');
    } catch (err) {
      setErrors(formErrorsFrom(err, ['filter', 'qos']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-subscription" onSubmit={submit} noValidate>
      <div className="inline-fields">
        <Field label="New subscription filter" error={errors.fields.filter} className="grow">
          {(p) => (
            <input
              {...p}
              className="mono"
              value={filter}
              placeholder="sensors/+/temperature"
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setFilter(e.target.value)}
            />
          )}
        </Field>
        <Field label="Subscription QoS" error={errors.fields.qos}>
          {(p) => <QosSelect {...p} value={qos} onChange={setQos} />}
        </Field>
      </div>
      <button type="submit" disabled={busy}>
        Add filter
      </button>
      {errors.general && (
        <p className="form-error" role="alert">
          {errors.general}
        </p>
      )}
    </form>
  );
}
