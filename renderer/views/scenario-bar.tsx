// The guided scenarios: one button per QoS level, disabled with the reason when there
// is no embedded broker to run them on, and the progress while one runs.
import type { Qos } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { runScenario } from '../app/capture-actions';
import { useNow } from '../hooks/use-now';
import { useAppInfoStore } from '../stores/app-info-store';
import { useFlowStore } from '../stores/flow-store';

export function ScenarioBar() {
  const api = useApi();
  const broker = useAppInfoStore((s) => s.info?.broker);
  const scenario = useFlowStore((s) => s.scenario);
  const running = scenario.kind === 'running';
  const now = useNow(running, 200);
  const reason =
    broker === undefined ? 'Waiting for the app state…' : broker === null ? 'No embedded broker: the scenarios run on it.' : broker.state !== 'running' ? `The embedded broker is ${broker.state}.` : null;

  return (
    <div className="scenario-bar" role="group" aria-label="Guided scenarios">
      <span className="scenario-title">Scenarios</span>
      {([0, 1, 2] as Qos[]).map((qos) => (
        <button
          key={qos}
          type="button"
          className={`small scenario-button qos-${qos}`}
          disabled={reason !== null || running}
          aria-describedby={reason ? 'scenario-reason' : undefined}
          title={reason ?? `Publish one QoS ${qos} message, lose a packet on the way, pull a cable, and see what the protocol does about it`}
          onClick={() => void runScenario(api, qos)}
        >
          Run QoS {qos} scenario
        </button>
      ))}
      {reason && (
        <span id="scenario-reason" className="muted scenario-reason">
          {reason}
        </span>
      )}
      {running && (
        <span className="scenario-progress" role="status">
          <span className="spinner" aria-hidden="true" />
          Running the QoS {scenario.qos} scenario… {((now - scenario.startedAt) / 1000).toFixed(1)} s
        </span>
      )}
    </div>
  );
}
