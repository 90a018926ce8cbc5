// "Chart" in the history: a topic whose payload is a number is plotted at once; for JSON
// the Charts view opens with the topic and the first numeric path filled in, the
// others offered, so the user picks which number to plot.
import { useApi } from '../../app/api-context';
import { addChartSeries } from '../../lib/chart-actions';
import { chartSuggestion } from '../../lib/chart-paths';
import { useCaptureUiStore } from '../../stores/capture-ui-store';
import { useHistoryStore } from '../../stores/history-store';
import { useNoticeStore } from '../../stores/notice-store';
import { useSeriesStore } from '../../stores/series-store';
import { errorMessage } from '../../lib/form-errors';
import { decodeBase64 } from '../../../shared/base64';
import type { HistoryEntry, ScopeApi } from '../../../shared/contract';
import { decodeText } from '../../../shared/payload-format';

export function ChartTopicButton() {
  const api = useApi();
  const connectionId = useHistoryStore((s) => s.connectionId);
  const topic = useHistoryStore((s) => s.topic);
  const newest = useHistoryStore((s) => s.entries[0]);
  if (connectionId === null || topic === null) return null;

  const chart = async () => {
    const suggestion = chartSuggestion(await latestPayloadText(api, connectionId, topic, newest));
    useCaptureUiStore.getState().setView('charts');
    if (suggestion.kind === 'number') {
      try {
        await addChartSeries(api, connectionId, topic, null);
      } catch (err) {
        useNoticeStore.getState().show(`Could not chart ${topic}: ${errorMessage(err)}`);
      }
      return;
    }
    const paths = suggestion.kind === 'paths' ? suggestion.paths : [];
    useSeriesStore.getState().setDraft({ connectionId, topic, path: paths[0] ?? '', paths });
  };

  return (
    <button type="button" className="small" aria-label={`Chart ${topic}`} title="Plot this topic's numbers over time" onClick={() => void chart()}>
      Chart
    </button>
  );
}

// The preview holds the start of a payload; a longer one is fetched so its paths are all seen.
async function latestPayloadText(api: ScopeApi, connectionId: string, topic: string, newest: HistoryEntry | undefined): Promise<string> {
  if (!newest) return '';
  if (!newest.previewTruncated) return newest.preview;
  try {
    const detail = await api.getMessage({ connectionId, topic, seq: newest.seq });
    return (detail && decodeText(decodeBase64(detail.payloadBase64))) ?? '';
  } catch {
    // Suggestions are a convenience: the form still takes any path.
    return '';
  }
}
