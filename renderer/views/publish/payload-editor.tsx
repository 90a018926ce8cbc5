// The payload: its format (how the text is read), the text, its size in bytes as it
// will be sent, and its problem checked as the user types, with the core's own rules.
import { useId } from 'react';
import type { PayloadInputFormat } from '../../../shared/publish-contract';
import { isJsonText } from '../../../shared/publish-payload';
import { formatBytes, plural } from '../../lib/format-number';
import { prettyJson } from '../../lib/pretty-json';
import { convertPayload } from '../../lib/publish-payload-text';
import { usePublishStore } from '../../stores/publish-store';
import { PayloadFileButton } from './payload-file-button';
import { SegmentedChoice, type Choice } from './segmented-choice';

const formats: readonly Choice<PayloadInputFormat>[] = [
  { value: 'text', label: 'Text' },
  { value: 'json', label: 'JSON' },
  { value: 'hex', label: 'Hex' },
  { value: 'base64', label: 'Base64' },
];

const placeholders: Record<PayloadInputFormat, string> = {
  text: 'on',
  json: '{"setpoint": 21.5}',
  hex: 'de ad be ef',
  base64: '3q2+7w==',
};

interface PayloadEditorProps {
  problem: string | undefined;
  /** Bytes as sent, when the payload is valid. */
  size: number | null;
}

export function PayloadEditor({ problem, size }: PayloadEditorProps) {
  const id = useId();
  const draft = usePublishStore((s) => s.draft);
  const note = usePublishStore((s) => s.payloadNote);
  const edit = usePublishStore((s) => s.edit);
  const messageId = `${id}-message`;

  const switchFormat = (to: PayloadInputFormat) => {
    const converted = convertPayload(draft.payload, draft.format, to);
    if (converted.ok) edit((d) => ({ ...d, format: to, payload: converted.text }), 'payload');
    else usePublishStore.getState().setPayloadNote(converted.problem);
  };
  // isJsonText says whether it is JSON; prettyJson re-indents the tokens as written,
  // where a parse and re-serialise would round 64-bit ids and turn 1.0 into 1.
  const formatted = draft.format === 'json' && isJsonText(draft.payload) ? prettyJson(draft.payload) : null;

  const message = problem ? (
    <p id={messageId} className="field-error">
      {problem}
    </p>
  ) : note ? (
    <p id={messageId} className="field-warning">
      {note}
    </p>
  ) : draft.payloadOmitted !== null ? (
    <p id={messageId} className="field-warning">
      The history did not keep this payload ({formatBytes(draft.payloadOmitted)}): type it again or load its file.
    </p>
  ) : draft.file ? (
    <p id={messageId} className="field-hint">
      The bytes of <span className="mono">{draft.file.name}</span> ({plural(draft.file.size, 'byte', 'bytes')}), as base64.
    </p>
  ) : null;

  return (
    <div className="field payload-field">
      <div className="payload-field-bar">
        <label htmlFor={id} className="payload-label">
          Payload
        </label>
        <SegmentedChoice label="Payload format" value={draft.format} choices={formats} onChange={switchFormat} />
        <PayloadFileButton />
        {draft.format === 'json' && (
          <button
            type="button"
            className="small"
            disabled={formatted === null || formatted === draft.payload}
            title={formatted === null ? 'Only valid JSON can be formatted' : 'Indent with two spaces'}
            onClick={() => formatted !== null && edit((d) => ({ ...d, payload: formatted }), 'payload')}
          >
            Format JSON
          </button>
        )}
        <span className="payload-size">
          {size === null ? '–' : plural(size, 'byte', 'bytes')}
        </span>
      </div>
      <textarea
        id={id}
        className="mono"
        rows={3}
        value={draft.payload}
        spellCheck={false}
        placeholder={placeholders[draft.format]}
        aria-invalid={problem ? true : undefined}
        aria-describedby={message ? messageId : undefined}
        onChange={(e) => edit((d) => ({ ...d, payload: e.target.value, file: null, payloadOmitted: null }), 'payload')}
      />
      {message}
    </div>
  );
}
