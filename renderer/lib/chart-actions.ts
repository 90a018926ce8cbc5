// Adding and removing chart series: the store holds a series before the core is asked,
// so its first points (which may arrive before the answer) have somewhere to go.
import type { ScopeApi } from '../../shared/contract';
import { useSeriesStore } from '../stores/series-store';

let nextId = 1;

export async function addChartSeries(api: ScopeApi, connectionId: string, topic: string, path: string | null): Promise<void> {
  const id = `series-${Date.now().toString(36)}-${nextId++}`;
  const store = useSeriesStore.getState();
  store.add({ id, connectionId, topic, path });
  try {
    await api.addSeries({ seriesId: id, connectionId, topic, path });
  } catch (err) {
    useSeriesStore.getState().remove(id);
    throw err;
  }
}

export async function removeChartSeries(api: ScopeApi, id: string): Promise<void> {
  useSeriesStore.getState().remove(id);
  await api.removeSeries({ seriesId: id });
}
