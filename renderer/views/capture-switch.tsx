// Recording on or off, beside what the capture holds. Off, packets pass without being
// kept (a little less work under heavy load); the log says so instead of looking idle.
import { useState } from 'react';
import { useApi } from '../app/api-context';
import { errorMessage } from '../lib/form-errors';
import { useAppInfoStore } from '../stores/app-info-store';

export function CaptureSwitch() {
  const api = useApi();
  const enabled = useAppInfoStore((s) => s.info?.captureEnabled);
  const [problem, setProblem] = useState<string | null>(null);
  if (enabled === undefined) return null;
  const toggle = async () => {
    setProblem(null);
    try {
      await api.setCaptureEnabled({ enabled: !enabled });
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };
  return (
    <span className="capture-switch">
      <label className="checkbox">
        <input type="checkbox" role="switch" checked={enabled} aria-checked={enabled} onChange={() => void toggle()} />
        Record packets
      </label>
      {!enabled && <span className="capture-paused"> · Recording is off: new packets are not kept (faults still apply).</span>}
      {problem && (
        <span className="form-error" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
