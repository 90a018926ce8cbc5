// The Timeline view: QoS flows as a list, the selected message as a sequence diagram,
// the guided scenarios with their report beside the diagram, and fault injection.
import { isFiltering } from '../lib/capture-filters';
import { useCaptureUiStore } from '../stores/capture-ui-store';
import { useFlowStore } from '../stores/flow-store';
import { useLinksStore } from '../stores/links-store';
import { CaptureSummary } from './capture-summary';
import { FaultPanel } from './fault-panel';
import { FlowDetail } from './flow-detail';
import { FlowFilters } from './flow-filters';
import { FlowList } from './flow-list';
import { ScenarioBar } from './scenario-bar';
import { ScenarioReportPanel } from './scenario-report';

export function TimelineView() {
  const filter = useFlowStore((s) => s.filter);
  const setFilter = useFlowStore((s) => s.setFilter);
  const window = useFlowStore((s) => s.window);
  const links = useLinksStore((s) => s.links);
  const faultsOpen = useCaptureUiStore((s) => s.faultsOpen.timeline);
  const setFaultsOpen = useCaptureUiStore((s) => s.setFaultsOpen);

  return (
    <div className="timeline-view">
      <div className="timeline-top">
        <ScenarioBar />
        <button type="button" className="small faults-toggle" aria-expanded={faultsOpen} onClick={() => setFaultsOpen('timeline', !faultsOpen)}>
          Fault injection
        </button>
      </div>
      {faultsOpen && <FaultPanel onClose={() => setFaultsOpen('timeline', false)} />}
      <div className="timeline-body">
        <section className="timeline-left" aria-label="Timeline">
          <ScenarioReportPanel />
          <FlowFilters filter={filter} links={links} onChange={setFilter} />
          {window && (
            <CaptureSummary what="flows" captured={window.tracked} evicted={window.evicted} capacity={window.capacity} shown={window.totalRows} filtering={isFiltering(filter)} />
          )}
          <FlowList />
        </section>
        <FlowDetail />
      </div>
    </div>
  );
}
