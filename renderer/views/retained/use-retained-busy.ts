// Whether a retained operation runs on the connection (the core runs one at a time per
// connection), so the buttons that would start another one wait.
import { useRetainedStore } from '../../stores/retained-store';

export function useRetainedBusy(connectionId: string): boolean {
  return useRetainedStore((s) => connectionId in s.running || Boolean(s.feed?.jobs.some((j) => j.connectionId === connectionId)));
}
