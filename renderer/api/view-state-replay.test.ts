import { describe, expect, it } from 'vitest';
import { ViewStateLog } from './view-state-replay';

describe('ViewStateLog', () => {
  it('keeps the last view request per key, in the order of their last change', () => {
    const log = new ViewStateLog();
    log.record('viewTree', { connectionId: 'a', start: 0, count: 50 });
    log.record('setExpanded', { connectionId: 'a', path: 'x', expanded: true, recursive: true });
    log.record('setExpanded', { connectionId: 'a', path: 'x/y', expanded: false });
    log.record('viewTree', { connectionId: 'a', start: 100, count: 50 });
    log.record('setExpanded', { connectionId: 'a', path: 'x', expanded: false, recursive: true });
    log.record('selectTopic', { connectionId: 'a', topic: 'x/y' });
    expect(log.replay()).toEqual([
      { name: 'setExpanded', arg: { connectionId: 'a', path: 'x/y', expanded: false } },
      { name: 'viewTree', arg: { connectionId: 'a', start: 100, count: 50 } },
      { name: 'setExpanded', arg: { connectionId: 'a', path: 'x', expanded: false, recursive: true } },
      { name: 'selectTopic', arg: { connectionId: 'a', topic: 'x/y' } },
    ]);
  });

  it('ignores requests that are not view state and forgets removed connections', () => {
    const log = new ViewStateLog();
    log.record('publish', { connectionId: 'a', topic: 't', payload: '', format: 'text', qos: 0, retain: false });
    log.record('viewTree', { connectionId: 'a', start: 0, count: 10 });
    log.record('viewTree', { connectionId: 'b', start: 0, count: 10 });
    log.record('removeConnection', { connectionId: 'a' });
    expect(log.replay()).toEqual([{ name: 'viewTree', arg: { connectionId: 'b', start: 0, count: 10 } }]);
  });

  it('replays the packet log\u2019s and the timeline\u2019s last windows', () => {
    const log = new ViewStateLog();
    log.record('viewPackets', { start: 0, count: 50, filter: {} });
    log.record('viewFlows', { start: 10, count: 50, filter: { topic: 'a' } });
    log.record('viewPackets', { start: 100, count: 50, filter: { types: ['PUBLISH'] } });
    log.record('removeConnection', { connectionId: 'a' });
    expect(log.replay()).toEqual([
      { name: 'viewFlows', arg: { start: 10, count: 50, filter: { topic: 'a' } } },
      { name: 'viewPackets', arg: { start: 100, count: 50, filter: { types: ['PUBLISH'] } } },
    ]);
  });

  it('replays the chart series still shown, and forgets removed ones and those of removed connections', () => {
    const log = new ViewStateLog();
    log.record('addSeries', { seriesId: 's1', connectionId: 'a', topic: 't/1', path: null });
    log.record('addSeries', { seriesId: 's2', connectionId: 'b', topic: 't/2', path: '$.v' });
    log.record('addSeries', { seriesId: 's3', connectionId: 'b', topic: 't/3', path: null });
    log.record('removeSeries', { seriesId: 's3' });
    log.record('removeConnection', { connectionId: 'a' });
    expect(log.replay()).toEqual([{ name: 'addSeries', arg: { seriesId: 's2', connectionId: 'b', topic: 't/2', path: '$.v' } }]);
  });
});
