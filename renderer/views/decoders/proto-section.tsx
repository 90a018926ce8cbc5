// Protobuf's settings in the payload panel: the .proto files the core keeps (add one from
// this machine, remove one), the file and message type used for this payload.
import { useId, useState } from 'react';
import type { ProtoFileInfo } from '../../../shared/decoder-contract';
import { useApi } from '../../app/api-context';
import { addProtoText, removeProto } from '../../lib/decoder-settings-actions';
import { errorMessage } from '../../lib/form-errors';

export interface ProtoSectionProps {
  files: ProtoFileInfo[];
  protoFile: string | null;
  messageType: string | null;
  onChange(protoFile: string | null, messageType: string | null): void;
}

export function ProtoSection({ files, protoFile, messageType, onChange }: ProtoSectionProps) {
  const api = useApi();
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const file = files.find((f) => f.name === protoFile) ?? null;

  const upload = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    try {
      await addProtoText(api, chosen.name, await chosen.text());
      setProblem(null);
      onChange(chosen.name, null);
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };
  const remove = async (name: string) => {
    try {
      await removeProto(api, name);
      if (name === protoFile) onChange(null, null);
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };

  return (
    <section className="proto-section" aria-label="Protobuf">
      <label className="inline-field">
        .proto file
        <select aria-label=".proto file" value={protoFile ?? ''} onChange={(e) => onChange(e.target.value || null, null)}>
          <option value="">{files.length ? 'Choose a file…' : 'No .proto files yet'}</option>
          {files.map((f) => (
            <option key={f.name} value={f.name}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        Message type
        <select aria-label="Message type" value={messageType ?? ''} disabled={!file} onChange={(e) => onChange(protoFile, e.target.value || null)}>
          <option value="">{file ? 'Choose a type…' : '—'}</option>
          {file?.messageTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="button-like small">
        Add .proto file…
        <input type="file" accept=".proto,text/plain" aria-label="Add .proto file" aria-describedby={problem ? problemId : undefined} className="visually-hidden" onChange={(e) => void upload(e.currentTarget)} />
      </label>
      {files.length > 0 && (
        <ul className="proto-files" aria-label=".proto files">
          {files.map((f) => (
            <li key={f.name}>
              <span className="mono">{f.name}</span>
              <span className="muted">
                {' '}
                {f.messageTypes.length} {f.messageTypes.length === 1 ? 'type' : 'types'}
              </span>
              <button type="button" className="small link-button" aria-label={`Remove ${f.name}`} onClick={() => void remove(f.name)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p id={problemId} className="form-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
