import { describe, expect, it } from 'vitest';
import { rateCharts } from './sys-rate-columns';

describe('rateCharts', () => {
  it('puts messages and bytes on charts of their own, aligned in time', () => {
    const [messages, bytes] = rateCharts([
      { field: 'messagesReceived', times: [1000, 2000], values: [5, 6] },
      { field: 'messagesSent', times: [2000], values: [7] },
    ]);
    expect(messages.series.map((s) => s.label)).toEqual(['received msgs/s', 'sent msgs/s']);
    expect(messages.data).toEqual([[1, 2], [5, 6], [null, 7]]);
    expect(messages.points).toBe(3);
    expect(bytes).toMatchObject({ series: [], points: 0 });
  });
});
