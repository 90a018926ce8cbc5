// Keeps the library of the shown connection loaded while the Library section is open:
// again whenever the core says a library changed (every publish adds to the history).
// Closed, nothing is fetched: a history of 100 payloads is not worth a request per publish.
import { useEffect } from 'react';
import type { ScopeApi } from '../../../shared/contract';
import { usePublishStore } from '../../stores/publish-store';
import { loadLibrary } from './publish-actions';

export function usePublishLibrary(api: ScopeApi, connectionId: string | null, open: boolean): void {
  const revision = usePublishStore((s) => s.libraryRevision);
  useEffect(() => {
    if (open && connectionId !== null) void loadLibrary(api, connectionId);
  }, [api, connectionId, open, revision]);
}
