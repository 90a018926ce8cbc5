// The bar of the operation running on this connection, from the core's job reports
// (a few a second) and from what this window started (before the first report).
import { useNow } from '../../hooks/use-now';
import { retainedProgress } from '../../lib/retained-progress';
import { useRetainedStore } from '../../stores/retained-store';

export function useRetainedProgress(connectionId: string) {
  const job = useRetainedStore((s) => s.feed?.jobs.find((j) => j.connectionId === connectionId) ?? null);
  const local = useRetainedStore((s) => s.running[connectionId] ?? null);
  const now = useNow(job !== null || local !== null, 500);
  return retainedProgress(job, local, now);
}

export function RetainedProgressBar({ connectionId }: { connectionId: string }) {
  const progress = useRetainedProgress(connectionId);
  if (!progress) return null;
  const { label, value, text } = progress;
  const percent = value && value.total > 0 ? Math.min(100, (value.done / value.total) * 100) : 0;
  return (
    <div className="retained-progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={value ? 0 : undefined}
        aria-valuemax={value ? value.total : undefined}
        aria-valuenow={value ? value.done : undefined}
        aria-valuetext={text}
        className={`progress-track${value ? '' : ' indeterminate'}`}
      >
        <div className="progress-fill" style={value ? { width: `${percent}%` } : undefined} />
      </div>
      <span className="progress-text">{text}</span>
    </div>
  );
}
