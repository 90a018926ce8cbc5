// The series on the chart, each with its colour, how many points it holds, and how many
// messages gave no number (with the latest reason): nothing is dropped without a word.
import { useApi } from '../../app/api-context';
import { removeChartSeries } from '../../lib/chart-actions';
import { formatCount, plural } from '../../lib/format-number';
import { seriesLabel, useSeriesStore } from '../../stores/series-store';

export function SeriesList() {
  const api = useApi();
  const series = useSeriesStore((s) => s.series);
  if (series.length === 0) return null;
  return (
    <ul className="series-list" aria-label="Series">
      {series.map((s) => {
        const label = seriesLabel(s);
        return (
          <li key={s.id} className="series-item">
            <span className="series-swatch" style={{ background: s.color }} aria-hidden="true" />
            <span className="mono series-topic" title={s.topic}>
              {s.topic}
            </span>
            {s.path && <span className="mono series-path">{s.path}</span>}
            <span className="series-count">{plural(s.values.length, 'point', 'points')}</span>
            {s.skipped > 0 && (
              <span className="series-skipped" title={s.lastSkip ?? undefined}>
                {formatCount(s.skipped)} not a number{s.lastSkip ? ` (last: ${s.lastSkip})` : ''}
              </span>
            )}
            {s.missed > 0 && <span className="series-skipped">{formatCount(s.missed)} evicted before read</span>}
            {s.dropped > 0 && <span className="series-skipped">{formatCount(s.dropped)} oldest points dropped</span>}
            <button type="button" className="icon-button" aria-label={`Remove series ${label}`} title="Remove" onClick={() => void removeChartSeries(api, s.id)}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
