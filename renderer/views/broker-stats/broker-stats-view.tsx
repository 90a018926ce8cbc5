// The Broker statistics view: what the selected connection's broker says about itself
// in $SYS topics, grouped, with the rates charted. The default '#' subscription does
// not match $SYS topics, so the view offers the one subscription that does.
import { useMemo, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useSelectedConnection } from '../../hooks/use-selected-connection';
import { errorMessage } from '../../lib/form-errors';
import { formatClock } from '../../lib/format-time';
import { rateCharts } from '../../lib/sys-rate-columns';
import '../../styles/chart.css';
import '../../styles/broker-stats.css';
import { SysFieldGroups } from './sys-field-groups';
import { SysRateChart } from './sys-rate-chart';
import { useBrokerStats } from './use-broker-stats';

const sysFilter = '$SYS/#';

export function BrokerStatsView() {
  const api = useApi();
  const connection = useSelectedConnection();
  const { stats, problem } = useBrokerStats(connection?.id ?? null);
  const [subscribeProblem, setSubscribeProblem] = useState<string | null>(null);
  const charts = useMemo(() => rateCharts(stats?.rates ?? []), [stats]);
  const subscribed = connection?.subscriptions.some((s) => s.filter === sysFilter || s.filter.startsWith('$SYS/')) ?? false;

  const subscribe = async () => {
    if (!connection) return;
    try {
      await api.subscribe({ connectionId: connection.id, filter: sysFilter, qos: 0 });
      setSubscribeProblem(null);
    } catch (err) {
      setSubscribeProblem(errorMessage(err));
    }
  };

  return (
    <section className="broker-stats-view" aria-label="Broker statistics">
      <div className="panel-header broker-stats-header">
        <h2>Broker statistics</h2>
        <p role="status" aria-label="Broker statistics status" className="chart-status">
          {!connection ? 'No connection selected' : stats?.lastUpdate ? `${connection.name}: last update ${formatClock(stats.lastUpdate)}` : connection.name}
        </p>
        {connection && !subscribed && (
          <button type="button" onClick={() => void subscribe()}>
            Subscribe to $SYS/#
          </button>
        )}
      </div>
      {(problem ?? subscribeProblem) && (
        <p className="field-error" role="alert">
          {problem ?? subscribeProblem}
        </p>
      )}
      {connection && stats && stats.sysTopics === 0 && (
        <p className="empty">
          {subscribed
            ? 'This broker has published no $SYS topics yet; mosquitto publishes them every sys_interval seconds (10 by default).'
            : 'No $SYS topics: the subscription # does not match them. Subscribe to $SYS/# to see what the broker says about itself.'}
        </p>
      )}
      {stats && stats.sysTopics > 0 && (
        <div className="broker-stats-body">
          <SysFieldGroups fields={stats.fields} />
          <div className="sys-rate-charts">
            {charts.map((chart) => (
              <SysRateChart key={chart.title} chart={chart} />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
