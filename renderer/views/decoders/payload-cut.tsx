// Says how much of a large payload is shown, and loads or downloads the rest piece by
// piece with its progress (the page stays responsive meanwhile).
import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { formatBytes } from '../../lib/format-number';
import { errorMessage } from '../../lib/form-errors';
import { downloadBytes } from '../../lib/payload-download';
import { loadWholePayload, type PayloadSource } from '../../lib/payload-parts';
import { shownText } from '../../lib/payload-shown';

export interface PayloadCutProps {
  shown: number;
  total: number;
  head: Uint8Array;
  /** null: the rest cannot be fetched (it is not kept by the core's history). */
  source: PayloadSource | null;
  topic: string;
  /** JSON cut short is shown as text; say so. */
  jsonAsText: boolean;
  onLoaded(whole: Uint8Array): void;
}

export function PayloadCut({ shown, total, head, source, topic, jsonAsText, onLoaded }: PayloadCutProps) {
  const api = useApi();
  const [progress, setProgress] = useState<{ what: 'load' | 'download'; loaded: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const fetchAll = async (what: 'load' | 'download') => {
    if (!source) return;
    setProblem(null);
    setProgress({ what, loaded: head.length });
    try {
      const whole = await loadWholePayload(api, source, head, total, (loaded) => setProgress({ what, loaded }));
      if (!whole) return setProblem('The message is no longer kept: the history limits evicted it.');
      if (what === 'download') downloadBytes(topic, source.seq, whole);
      else onLoaded(whole);
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className="cut-notice" role="note" aria-label="Payload shown">
      <span>
        {shownText(shown, total)}
        {jsonAsText && ' (as text: JSON cut short does not parse)'}
      </span>
      {source && (
        <>
          <button type="button" className="small" disabled={progress !== null} onClick={() => void fetchAll('load')}>
            Load all
          </button>
          <button type="button" className="small" disabled={progress !== null} onClick={() => void fetchAll('download')}>
            Download
          </button>
        </>
      )}
      {progress && (
        <span role="status">
          {progress.what === 'load' ? 'Loading' : 'Fetching'} {formatBytes(progress.loaded)} of {formatBytes(total)}…
        </span>
      )}
      {problem && (
        <span className="form-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
