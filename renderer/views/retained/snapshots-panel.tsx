// Snapshots of retained sets, kept in the app's data folder: save the set under the
// filter as it is listed now, then compare it with the broker later (after a firmware
// update, a deployment). A file (a backup, a downloaded snapshot) compares the same way.
import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context';
import { noErrors, type FormErrors } from '../../lib/form-errors';
import { formatCount } from '../../lib/format-number';
import { lengthProblem } from '../../lib/text-checks';
import { useRetainedStore } from '../../stores/retained-store';
import { Field } from '../field';
import { FileButton, FileError } from './file-button';
import { compareWith, saveSnapshot } from './retained-actions';
import { SnapshotItem } from './snapshot-item';
import { useRetainedBusy } from './use-retained-busy';

export function SnapshotsPanel({ connectionId }: { connectionId: string }) {
  const api = useApi();
  const snapshots = useRetainedStore((s) => s.snapshots);
  const loadError = useRetainedStore((s) => s.snapshotsError);
  const compareError = useRetainedStore((s) => (s.compareError?.source === 'file' ? s.compareError.message : null));
  const busy = useRetainedBusy(connectionId);
  const fileErrorId = useId();

  return (
    <section className="snapshots-panel" aria-label="Snapshots">
      <div className="snapshots-tools">
        <SaveSnapshotForm connectionId={connectionId} busy={busy} />
        <div className="compare-file">
          <FileButton
            label="Compare with file…"
            title="Compare a backup or a downloaded snapshot with what the broker holds now (scans the file's filter)"
            errorId={compareError ? fileErrorId : null}
            disabled={busy}
            onFile={(file) => void compareWith(api, connectionId, { kind: 'file', file })}
          />
          {compareError && <FileError id={fileErrorId} message={compareError} />}
        </div>
      </div>
      <div className="snapshots-list-wrap">
        {loadError && (
          <p className="form-error" role="alert">
            {loadError}
          </p>
        )}
        {snapshots?.problem && <p className="field-warning">{snapshots.problem}</p>}
        {snapshots && snapshots.list.length === 0 && <p className="empty">No snapshots saved yet. A snapshot keeps the retained set under the filter, to compare the broker with later.</p>}
        <ul className="snapshot-list" aria-label="Saved snapshots">
          {snapshots?.list.map((s) => <SnapshotItem key={s.id} snapshot={s} connectionId={connectionId} busy={busy} />)}
        </ul>
      </div>
    </section>
  );
}

function SaveSnapshotForm({ connectionId, busy }: { connectionId: string; busy: boolean }) {
  const api = useApi();
  const filter = useRetainedStore((s) => s.query.filter);
  const page = useRetainedStore((s) => (s.page?.connectionId === connectionId && s.page.search === '' ? s.page : null));
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // saveRetainedSnapshot takes names up to 200 characters.
    const tooLong = lengthProblem(name, 200, 'The name');
    if (tooLong) {
      setErrors({ fields: { name: tooLong }, general: null });
      return;
    }
    setSaving(true);
    setErrors(noErrors);
    const result = await saveSnapshot(api, connectionId, filter, name);
    setErrors(result);
    if (!result.general && Object.keys(result.fields).length === 0) setName('');
    setSaving(false);
  };

  const what = page && page.filter === filter ? `the ${formatCount(page.total)} retained under ${filter}` : `the retained under ${filter}`;
  return (
    <form className="snapshot-form" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Snapshot name" error={errors.fields.name} hint={`Keeps ${what} as listed now; scan first for the broker’s current set.`}>
        {(p) => <input {...p} value={name} placeholder={`${filter} on today’s date`} autoComplete="off" onChange={(e) => setName(e.target.value)} />}
      </Field>
      <button type="submit" className="small" disabled={saving || busy}>
        {saving ? 'Saving…' : 'Save snapshot'}
      </button>
      {errors.general && (
        <p className="form-error" role="alert">
          {errors.general}
        </p>
      )}
    </form>
  );
}
