// The filters a profile subscribes to on every connect, with the 5.0 subscription options.
import { useId } from 'react';
import type { Qos } from '../../../shared/contract';
import { newSubscriptionRow, type RetainHandling, type SubscriptionRow } from '../../lib/profile-form';
import { Field } from '../field';
import { QosSelect } from '../qos-select';
import type { EditorBinding } from './editor-controls';

const retainHandlingOptions: [RetainHandling, string][] = [
  [0, '0 · send retained'],
  [1, '1 · only if new'],
  [2, '2 · never send'],
];

export function SubscriptionsEditor({ b }: { b: EditorBinding }) {
  const rows = b.form.subscriptions;
  const v5 = b.form.protocolVersion === 5;
  const setRows = (next: SubscriptionRow[], ...touched: string[]) => b.change((f) => ({ ...f, subscriptions: next }), ...touched);
  const edit = (i: number, change: Partial<SubscriptionRow>, field: string) =>
    setRows(
      rows.map((r, j) => (j === i ? { ...r, ...change } : r)),
      `subscriptions.${i}.${field}`,
    );
  return (
    <fieldset className="filter-rows profile-filters">
      <legend>Subscriptions</legend>
      {rows.length === 0 && <p className="field-hint">None: this profile connects without subscribing.</p>}
      {rows.map((row, i) => (
        <SubscriptionEditorRow key={row.key} b={b} row={row} index={i} v5={v5} onEdit={(change, field) => edit(i, change, field)} onDelete={() => setRows(rows.filter((r) => r.key !== row.key), 'subscriptions')} />
      ))}
      {b.error('subscriptions') && <p className="field-error">{b.error('subscriptions')}</p>}
      <button type="button" className="small" onClick={() => setRows([...rows, newSubscriptionRow()])}>
        Add filter
      </button>
    </fieldset>
  );
}

interface RowProps {
  b: EditorBinding;
  row: SubscriptionRow;
  index: number;
  v5: boolean;
  onEdit(change: Partial<SubscriptionRow>, field: string): void;
  onDelete(): void;
}

function SubscriptionEditorRow({ b, row, index: i, v5, onEdit, onDelete }: RowProps) {
  const id = useId();
  const n = i + 1;
  const key = (field: string) => `subscriptions.${i}.${field}`;
  const optionProblem = b.error(key('noLocal')) ?? b.error(key('retainAsPublished')) ?? b.error(key('retainHandling'));
  return (
    <div className="profile-filter">
      <div className="inline-fields">
        <Field label={`Subscription filter ${n}`} error={b.error(key('filter'))} className="grow">
          {(p) => <input {...p} className="mono" value={row.filter} placeholder="sensors/+/temperature" spellCheck={false} autoComplete="off" onChange={(e) => onEdit({ filter: e.target.value }, 'filter')} />}
        </Field>
        <Field label={`QoS of filter ${n}`} error={b.error(key('qos'))}>
          {(p) => <QosSelect {...p} value={row.qos} onChange={(qos: Qos) => onEdit({ qos }, 'qos')} />}
        </Field>
        <button type="button" className="icon-button after-label" aria-label={`Delete filter ${n}`} title="Delete this filter" onClick={onDelete}>
          ×
        </button>
      </div>
      {v5 && (
        <div className="filter-options" role="group" aria-label={`MQTT 5.0 options of filter ${n}`}>
          <label className="checkbox" title="Do not send back what this client publishes itself">
            <input
              type="checkbox"
              checked={row.noLocal}
              aria-invalid={b.error(key('noLocal')) ? true : undefined}
              aria-describedby={optionProblem ? `${id}-options` : undefined}
              onChange={(e) => onEdit({ noLocal: e.target.checked }, 'noLocal')}
            />
            No Local
          </label>
          <label className="checkbox" title="Keep the RETAIN flag as the publisher set it">
            <input type="checkbox" checked={row.retainAsPublished} onChange={(e) => onEdit({ retainAsPublished: e.target.checked }, 'retainAsPublished')} />
            Retain As Published
          </label>
          <label className="compact-select">
            <span>Retain Handling</span>
            <select
              aria-label={`Retain Handling of filter ${n}`}
              value={row.retainHandling}
              aria-invalid={b.error(key('retainHandling')) ? true : undefined}
              onChange={(e) => onEdit({ retainHandling: Number(e.target.value) as RetainHandling }, 'retainHandling')}
            >
              {retainHandlingOptions.map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </label>
          <label className="compact-select">
            <span>Subscription id</span>
            <input
              type="number"
              min={1}
              max={268435455}
              className="subscription-id"
              aria-label={`Subscription identifier of filter ${n}`}
              placeholder="none"
              value={row.subscriptionIdentifier}
              aria-invalid={b.error(key('subscriptionIdentifier')) ? true : undefined}
              aria-describedby={b.error(key('subscriptionIdentifier')) ? `${id}-sid` : undefined}
              onChange={(e) => onEdit({ subscriptionIdentifier: e.target.value }, 'subscriptionIdentifier')}
            />
          </label>
          {optionProblem && (
            <p id={`${id}-options`} className="field-error">
              {optionProblem}
            </p>
          )}
          {b.error(key('subscriptionIdentifier')) && (
            <p id={`${id}-sid`} className="field-error">
              {b.error(key('subscriptionIdentifier'))}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
