// addSeries and removeSeries: the topic and JSON path are checked here, each refusal
// at its field, so the chart's form can say it where it was typed.
import { parseJsonPath } from '../../../shared/json-path';
import type { RequestArg } from '../../../shared/contract';
import { UserInputError } from '../../../shared/rpc';
import { topicNameProblem } from '../../../shared/topic';
import type { ConnectionEntry } from '../connection-entry';
import type { SeriesSet } from './series-set';

/** A chart with more lines than this is unreadable, and each costs every update. */
export const maxSeriesPerView = 20;

export function createSeriesHandlers(series: SeriesSet, entryOf: (connectionId: string) => ConnectionEntry) {
  return {
    addSeries: ({ seriesId, connectionId, topic, path }: RequestArg<'addSeries'>) => {
      entryOf(connectionId);
      if (series.size >= maxSeriesPerView && !series.has(seriesId)) throw new UserInputError(`A chart holds at most ${maxSeriesPerView} series; remove one first.`, 'topic');
      const problem = topicNameProblem(topic);
      if (problem) throw new UserInputError(problem, 'topic');
      let segments = null;
      if (path !== null && path.trim() !== '') {
        const parsed = parseJsonPath(path);
        if (!parsed.ok) throw new UserInputError(parsed.problem, 'path');
        segments = parsed.segments;
      }
      series.add({ seriesId, connectionId, topic, segments });
    },
    removeSeries: ({ seriesId }: RequestArg<'removeSeries'>) => series.remove(seriesId),
  };
}
