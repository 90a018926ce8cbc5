import type { ConnectionSummary } from '../../shared/contract';
import { useConnectionsStore } from '../stores/connections-store';
import { useSelectionStore } from '../stores/selection-store';

export function useSelectedConnection(): ConnectionSummary | null {
  const id = useSelectionStore((s) => s.connectionId);
  return useConnectionsStore((s) => s.connections.find((c) => c.id === id) ?? null);
}
