// Connect to any broker. Checked here first (URL, filters) so most mistakes are caught
// before a round trip; what the core still rejects is shown at the field it names.
import { useState, type FormEvent } from 'react';
import type { ConnectRequest, ProtocolVersion, Qos } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { selectConnection } from '../app/actions';
import { connectFormProblems } from '../lib/connect-form';
import { formErrorsFrom, noErrors, type FormErrors } from '../lib/form-errors';
import { Field } from './field';
import { QosSelect } from './qos-select';

interface FilterRow {
  key: number;
  filter: string;
  qos: Qos;
}

let nextRowKey = 1;
// QoS 2 by default: each message then arrives at the QoS its publisher used, which is what a debugger should show.
const newRow = (filter = '', qos: Qos = 2): FilterRow => ({ key: nextRowKey++, filter, qos });

const scalarFields = ['url', 'protocolVersion', 'name', 'clientId', 'username', 'password'] as const;

export function NewConnectionForm({ onClose }: { onClose(): void }) {
  const api = useApi();
  const [url, setUrl] = useState('');
  const [version, setVersion] = useState<ProtocolVersion>(4);
  const [name, setName] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [clientId, setClientId] = useState('');
  const [filters, setFilters] = useState<FilterRow[]>(() => [newRow('#')]);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const updateRow = (key: number, change: Partial<FilterRow>) =>
    setFilters((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const validate = (): FormErrors => ({
    fields: connectFormProblems({ url, protocolVersion: version, name, clientId, username, password, filters: filters.map((r) => r.filter) }),
    general: null,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = validate();
    setErrors(local);
    if (Object.keys(local.fields).length > 0) return;
    const request: ConnectRequest = {
      url: url.trim(),
      protocolVersion: version,
      subscriptions: filters.map(({ filter, qos }) => ({ filter, qos })),
      ...(name.trim() && { name: name.trim() }),
      ...(clientId && { clientId }),
      ...(username && { username }),
      ...(password && { password }),
    };
    setBusy(true);
    try {
      const { connectionId } = await api.connect(request);
      selectConnection(api, connectionId);
      onClose();
    } catch (err) {
      const known = [...scalarFields, ...filters.flatMap((_, i) => [`subscriptions.${i}.filter`, `subscriptions.${i}.qos`])];
      setErrors(formErrorsFrom(err, known));
    } finally {
      setBusy(false);
    }
  };

  const f = errors.fields;
  return (
    <form className="new-connection" aria-label="New connection" onSubmit={submit} noValidate>
      <Field label="Broker URL" error={f.url} hint="mqtt://, mqtts://, ws:// or wss://; user:pass@host:port allowed">
        {(p) => (
          <input {...p} className="mono" value={url} placeholder="mqtt://localhost:1883" spellCheck={false} autoComplete="off" onChange={(e) => setUrl(e.target.value)} />
        )}
      </Field>
      <div className="inline-fields">
        <Field label="MQTT version" error={f.protocolVersion}>
          {(p) => (
            <select {...p} value={version} onChange={(e) => setVersion(Number(e.target.value) as ProtocolVersion)}>
              <option value={3}>3.1</option>
              <option value={4}>3.1.1</option>
              <option value={5}>5.0</option>
            </select>
          )}
        </Field>
        <Field label="Connection name" error={f.name} className="grow">
          {(p) => <input {...p} value={name} placeholder="optional" onChange={(e) => setName(e.target.value)} />}
        </Field>
      </div>
      <div className="inline-fields">
        <Field label="Username" error={f.username} className="grow">
          {(p) => <input {...p} value={username} autoComplete="off" placeholder="optional" onChange={(e) => setUsername(e.target.value)} />}
        </Field>
        <Field label="Password" error={f.password} className="grow">
          {(p) => (
            <input
              {...p}
              type="password"
             
              value={password}
              autoComplete="new-password"
              placeholder="optional"
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label="Client ID" error={f.clientId}>
        {(p) => (
          <input
            {...p}
            className="mono"
           
            value={clientId}
            spellCheck={false}
            autoComplete="off"
            placeholder="generated when empty"
            onChange={(e) => setClientId(e.target.value)}
          />
        )}
      </Field>
      <fieldset className="filter-rows">
        <legend>Subscriptions</legend>
        {filters.map((row, i) => (
          <div className="inline-fields" key={row.key}>
            <Field label={`Subscription filter ${i + 1}`} error={f[`subscriptions.${i}.filter`]} className="grow">
              {(p) => (
                <input
                  {...p}
                  className="mono"
                  value={row.filter}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => updateRow(row.key, { filter: e.target.value })}
                />
              )}
            </Field>
            <Field label={`QoS of filter ${i + 1}`} error={f[`subscriptions.${i}.qos`]}>
              {(p) => <QosSelect {...p} value={row.qos} onChange={(qos) => updateRow(row.key, { qos })} />}
            </Field>
            <button
              type="button"
              className="icon-button after-label"
              aria-label={`Delete filter ${i + 1}`}
              title="Delete this filter"
              onClick={() => setFilters((rows) => rows.filter((r) => r.key !== row.key))}
            >
              ×
            </button>
          </div>
        ))}
        <button type="button" className="small" onClick={() => setFilters((rows) => [...rows, newRow()])}>
          Add another filter
        </button>
      </fieldset>
      {errors.general && (
        <p className="form-error" role="alert">
          {errors.general}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Connect
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
