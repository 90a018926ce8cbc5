// "From file…": the file's bytes become the payload, as base64 (any bytes survive that),
// and the form says which file they came from until the text is edited.
import type { ChangeEvent } from 'react';
import { encodeBase64 } from '../../../shared/publish-payload';
import { errorMessage } from '../../lib/form-errors';
import { formatBytes } from '../../lib/format-number';
import { maxPayloadFileBytes } from '../../lib/publish-payload-text';
import { usePublishStore } from '../../stores/publish-store';

export function PayloadFileButton() {
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    // The same file may be chosen again (after changing it on disk).
    input.value = '';
    if (!file) return;
    const store = usePublishStore.getState();
    if (file.size > maxPayloadFileBytes) {
      store.setAttempt({ payload: `${file.name} is ${formatBytes(file.size)}; this form loads files up to ${formatBytes(maxPayloadFileBytes)}.` });
      return;
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      store.edit((d) => ({ ...d, format: 'base64', payload: encodeBase64(bytes), file: { name: file.name, size: bytes.length }, payloadOmitted: null }), 'payload');
    } catch (err) {
      store.setAttempt({ payload: `Could not read ${file.name}: ${errorMessage(err)}` });
    }
  };
  return (
    <label className="file-button" title="Send a file's bytes as the payload">
      From file…
      <input type="file" aria-label="Payload from file" className="visually-hidden" onChange={(e) => void choose(e)} />
    </label>
  );
}
