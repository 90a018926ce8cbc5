import { useId, useState, type FormEvent } from 'react';
import type { Qos } from '../../shared/contract';
import { topicFilterProblem } from '../../shared/topic';
import { useApi } from '../app/api-context';
import { formErrorsFrom, noErrors, type FormErrors } from '../lib/form-errors';
import { Field } from './field';
import { QosSelect } from './qos-select';

// MQTT 5.0 subscription options (§3.8.3.1); 3.x connections have none.
interface V5Options {
  noLocal: boolean;
  retainAsPublished: boolean;
  retainHandling: 0 | 1 | 2;
}
const defaultV5: V5Options = { noLocal: false, retainAsPublished: false, retainHandling: 0 };

export function AddSubscriptionForm({ connectionId, protocolVersion }: { connectionId: string; protocolVersion: number }) {
  const api = useApi();
  const [filter, setFilter] = useState('');
  const [qos, setQos] = useState<Qos>(2);
  const [v5, setV5] = useState<V5Options>(defaultV5);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const noLocalErrorId = `${useId()}-no-local`;

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
      await api.subscribe({ connectionId, filter, qos, ...(protocolVersion === 5 ? v5 : {}) });
      setFilter('');
    } catch (err) {
      setErrors(formErrorsFrom(err, ['filter', 'qos', 'noLocal']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-subscription" aria-label="Add subscription" onSubmit={submit} noValidate>
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
      {protocolVersion === 5 && (
        <fieldset className="v5-sub-options">
          <legend>MQTT 5.0 options</legend>
          <label>
            <input
              type="checkbox"
              checked={v5.noLocal}
              aria-invalid={errors.fields.noLocal ? true : undefined}
              aria-describedby={errors.fields.noLocal ? noLocalErrorId : undefined}
              onChange={(e) => setV5({ ...v5, noLocal: e.target.checked })}
            />{' '}
            No Local
          </label>
          <label>
            <input type="checkbox" checked={v5.retainAsPublished} onChange={(e) => setV5({ ...v5, retainAsPublished: e.target.checked })} /> Retain As Published
          </label>
          <label>
            Retain Handling{' '}
            <select value={v5.retainHandling} onChange={(e) => setV5({ ...v5, retainHandling: Number(e.target.value) as 0 | 1 | 2 })}>
              <option value={0}>0: send retained on subscribe</option>
              <option value={1}>1: only if the subscription is new</option>
              <option value={2}>2: never send retained</option>
            </select>
          </label>
          {errors.fields.noLocal && (
            <p id={noLocalErrorId} className="field-error">
              {errors.fields.noLocal}
            </p>
          )}
        </fieldset>
      )}
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
