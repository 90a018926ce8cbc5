// What a guided scenario did, step by step, and what to take from it: shown beside
// the diagram of the message it sent.
import { clearScenario } from '../app/capture-actions';
import { useFlowStore } from '../stores/flow-store';

export function ScenarioReportPanel() {
  const scenario = useFlowStore((s) => s.scenario);
  if (scenario.kind === 'idle' || scenario.kind === 'running') return null;
  return (
    <section className="scenario-report" aria-label="Scenario report">
      <div className="panel-header">
        <h2>{scenario.kind === 'done' ? scenario.report.title : `QoS ${scenario.qos} scenario`}</h2>
        <button type="button" className="icon-button" aria-label="Close the scenario report" onClick={clearScenario}>
          ×
        </button>
      </div>
      {scenario.kind === 'failed' ? (
        <p className="form-error scenario-error" role="alert">
          {scenario.message}
        </p>
      ) : (
        <div className="scenario-body">
          <ol className="scenario-steps">
            {scenario.report.steps.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
          <p className="scenario-conclusion">{scenario.report.conclusion}</p>
          <p className="muted scenario-topic">
            Topic <span className="mono">{scenario.report.topic}</span>
          </p>
        </div>
      )}
    </section>
  );
}
