// Import (our export, an MQTTX export, MQTT Explorer's settings.json) and export of the
// saved profiles. Import reports what it took, what it skipped and why, and every
// setting it could not carry over; export leaves secrets out unless asked.
import { downloadText } from '../download-text';
import { useId, useState, type ChangeEvent } from 'react';
import type { ProfileImportResult } from '../../../shared/profile-contract';
import { useApi } from '../../app/api-context';
import { errorMessage } from '../../lib/form-errors';
import { plural } from '../../lib/format-number';
import { maxProfilesFileBytes, readTextFile } from '../../lib/text-file';

const formatNames: Record<string, string> = { 'mqtt-scope': 'an MQTT Scope export', mqttx: 'an MQTTX export', 'mqtt-explorer': "MQTT Explorer's settings" };

export function ImportPanel({ onClose }: { onClose(): void }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ProfileImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const read = await readTextFile(file, maxProfilesFileBytes);
      if (read.ok) setResult(await api.importProfiles({ text: read.text }));
      else setError(`${file.name}: ${read.problem}`);
    } catch (err) {
      setError(`${file.name}: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
      // The same file may be chosen again (after fixing it).
      input.value = '';
    }
  };

  return (
    <div className="profiles-tool" role="group" aria-label="Import">
      <div className="field">
        <label htmlFor={inputId}>Profiles file</label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          disabled={busy}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error ${inputId}-hint` : `${inputId}-hint`}
          onChange={(e) => void choose(e)}
        />
        <p id={`${inputId}-hint`} className="field-hint">
          An MQTT Scope export, an MQTTX export (JSON) or MQTT Explorer&apos;s settings.json.
        </p>
      </div>
      <div role="status" className="import-result">
        {busy && <p>Importing…</p>}
        {result && <ImportResultView result={result} />}
      </div>
      {error && (
        <p id={`${inputId}-error`} className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="small" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

function ImportResultView({ result }: { result: ProfileImportResult }) {
  const from = formatNames[result.format] ?? result.format;
  return (
    <>
      <p className={result.imported.length > 0 ? 'import-ok' : 'form-error'}>
        Imported {plural(result.imported.length, 'profile', 'profiles')} from {from}
        {result.skipped.length > 0 ? `; skipped ${result.skipped.length}` : ''}.
      </p>
      {result.skipped.length > 0 && (
        <>
          <h4 className="import-heading">Skipped</h4>
          <ul className="import-list" aria-label="Skipped profiles">
            {result.skipped.map((s, i) => (
              <li key={i}>
                <strong>{s.name}</strong>: {s.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.notes.length > 0 && (
        <>
          <h4 className="import-heading">Not carried over or converted ({result.notes.length})</h4>
          <ul className="import-list" aria-label="Import notes">
            {result.notes.map((n, i) => (
              <li key={i}>
                <strong>{n.name}</strong> · <code>{n.field}</code>: {n.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function ExportPanel({ savedCount, onClose }: { savedCount: number; onClose(): void }) {
  const api = useApi();
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const warningId = useId();

  const download = async () => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const { json, fileName } = await api.exportProfiles({ includeSecrets });
      downloadText(fileName, json);
      setStatus(`Downloaded ${fileName}${includeSecrets ? ', passwords included' : ''}.`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="profiles-tool" role="group" aria-label="Export">
      {savedCount === 0 ? (
        <p className="field-hint">No saved profiles to export (the public brokers are built in).</p>
      ) : (
        <p className="field-hint">{plural(savedCount, 'saved profile', 'saved profiles')}, as a JSON file MQTT Scope can import.</p>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={includeSecrets} aria-describedby={includeSecrets ? warningId : undefined} onChange={(e) => setIncludeSecrets(e.target.checked)} />
        Include passwords
      </label>
      {includeSecrets && (
        <p id={warningId} className="field-warning">
          The file will hold the passwords and key passphrases in plain text: anyone who gets the file can use them.
        </p>
      )}
      <div className="button-row">
        <button type="button" className="small primary" disabled={busy || savedCount === 0} onClick={() => void download()}>
          Download export
        </button>
        <button type="button" className="small" onClick={onClose}>
          Close
        </button>
      </div>
      <p role="status" className="field-hint">
        {status}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
