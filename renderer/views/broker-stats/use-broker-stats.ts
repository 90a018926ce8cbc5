// Asks the core once a second for the connection's $SYS statistics. The core reads
// them from the topic tree on each ask, so polling costs nothing while the panel is closed.
import { useEffect, useState } from 'react';
import type { BrokerStats } from '../../../shared/sys-contract';
import { useApi } from '../../app/api-context';
import { errorMessage } from '../../lib/form-errors';

export function useBrokerStats(connectionId: string | null): { stats: BrokerStats | null; problem: string | null } {
  const api = useApi();
  const [stats, setStats] = useState<BrokerStats | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setStats(null);
    if (!connectionId) return;
    let live = true;
    const ask = () =>
      api.getBrokerStats({ connectionId }).then(
        (s) => live && (setStats(s), setProblem(null)),
        (err) => live && setProblem(errorMessage(err)),
      );
    void ask();
    const timer = setInterval(ask, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, connectionId]);
  return { stats, problem };
}
