// The Packets view: filters, what the capture holds, the log of every link, and the
// inspector of the selected packet; the fault panel opens beside them.
import { isFiltering } from '../lib/capture-filters';
import { useCaptureUiStore } from '../stores/capture-ui-store';
import { useLinksStore } from '../stores/links-store';
import { usePacketLogStore } from '../stores/packet-log-store';
import { CaptureSummary } from './capture-summary';
import { FaultPanel } from './fault-panel';
import { PacketFilters } from './packet-filters';
import { PacketInspector } from './packet-inspector';
import { PacketLog } from './packet-log';

export function PacketsView() {
  const filter = usePacketLogStore((s) => s.filter);
  const setFilter = usePacketLogStore((s) => s.setFilter);
  const window = usePacketLogStore((s) => s.window);
  const links = useLinksStore((s) => s.links);
  const faultsOpen = useCaptureUiStore((s) => s.faultsOpen.packets);
  const setFaultsOpen = useCaptureUiStore((s) => s.setFaultsOpen);

  return (
    <div className="packets-view">
      <section className="packets-main" aria-label="Packets">
        <div className="view-toolbar">
          <PacketFilters filter={filter} links={links} onChange={setFilter} />
          <button type="button" className="small faults-toggle" aria-expanded={faultsOpen} onClick={() => setFaultsOpen('packets', !faultsOpen)}>
            Fault injection
          </button>
        </div>
        {faultsOpen && <FaultPanel onClose={() => setFaultsOpen('packets', false)} />}
        {window && (
          <CaptureSummary what="packets" captured={window.captured} evicted={window.evicted} capacity={window.capacity} shown={window.totalRows} filtering={isFiltering(filter)} />
        )}
        <PacketLog />
        <PacketInspector />
      </section>
    </div>
  );
}
