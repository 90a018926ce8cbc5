import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../shared/retained-contract';
import { changesText, formatDuration, scanComplete, scanReportText, setByText, shortTime, sourceText, verifyText } from './retained-text';

const scan = (over: Partial<ScanReport>): ScanReport => ({ filter: '#', method: 'subscription', found: 30, dropped: 0, endedBy: 'quiet', durationMs: 1234, at: 0, ...over });

describe('durations', () => {
  it('reads as a person would say them', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(20_000)).toBe('20 s');
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(65_400)).toBe('1 min 5 s');
  });
});

describe('scan reports', () => {
  it('says how many, under what, and that a quiet end is complete', () => {
    expect(scanReportText(scan({}))).toEqual({
      found: 'Found 30 under #',
      ended: 'complete: nothing more arrived (1.2 s)',
      warning: null,
      dropped: null,
    });
    expect(scanReportText(scan({ found: 1234 })).found).toBe('Found 1,234 under #');
  });

  it('warns that a scan stopped by its time limit may be incomplete', () => {
    const t = scanReportText(scan({ endedBy: 'timeout', durationMs: 20_000 }));
    expect(t.ended).toBe('stopped at the time limit (20 s)');
    expect(t.warning).toMatch(/may be incomplete/);
  });

  it('says when it read the embedded broker’s store, and what it dropped', () => {
    const t = scanReportText(scan({ method: 'broker-store', endedBy: 'store', durationMs: 3, dropped: 2, filter: 'a/#' }));
    expect(t.ended).toBe("read from the broker's store (complete, 3 ms)");
    expect(t.found).toBe('Found 30 under a/#');
    expect(t.dropped).toBe('2 no longer retained, taken off the list');
  });
});

describe('check reports', () => {
  it('names the method and the filters, and says when the check was cut short', () => {
    expect(verifyText({ method: 'subscription', filters: ['e2e/b/#'], complete: true })).toBe('Checked by subscribing again to e2e/b/#.');
    expect(verifyText({ method: 'broker-store', filters: ['a/#', 'b'], complete: true })).toBe("Checked in the embedded broker's store under a/#, b.");
    expect(verifyText({ method: 'subscription', filters: ['a/#'], complete: false })).toMatch(/time limit, so it may have missed some\.$/);
    expect(verifyText({ method: 'subscription', filters: [], complete: true })).toBe('Nothing to check.');
  });
});

describe('compare changes', () => {
  it('lists what differs in words', () => {
    expect(changesText(['payload'])).toBe('payload changed');
    expect(changesText(['payload', 'qos'])).toBe('payload and QoS changed');
    expect(changesText(['payload', 'qos', 'properties'])).toBe('payload, QoS and 5.0 properties changed');
    expect(changesText([])).toBe('');
  });
});

describe('times and origins', () => {
  it('shows the clock on the same day and the date on another', () => {
    const now = new Date(2026, 10, 22, 15, 0, 0).getTime();
    expect(shortTime(new Date(2026, 10, 22, 9, 5, 7, 123).getTime(), now)).toBe('09:05:07');
    expect(shortTime(new Date(2026, 10, 21, 23, 59, 0).getTime(), now)).toBe('2026-11-21');
  });

  it('shows who set a message only where the embedded broker knows it', () => {
    expect(setByText({ setBy: 'sensor-7' }, true)).toEqual({ text: 'sensor-7', title: 'Set by client sensor-7' });
    expect(setByText({ setBy: null }, true).text).toBe('—');
    expect(setByText({ setBy: null }, false).title).toMatch(/Only the embedded broker/);
  });

  it('says where the index learned a message', () => {
    expect(sourceText('scan')).toBe('found by a scan');
    expect(sourceText('broker-store')).toMatch(/store/);
  });
});

describe('a scan whose connection dropped', () => {
  it('says so and that nothing was taken off the list', () => {
    const t = scanReportText(scan({ endedBy: 'disconnected', durationMs: 800 }));
    expect(t.ended).toMatch(/^the scan's connection dropped/);
    expect(t.warning).toBe('incomplete: nothing was taken off the list');
    expect(scanComplete(scan({ endedBy: 'disconnected' }))).toBe(false);
    expect(scanComplete(scan({ endedBy: 'store' }))).toBe(true);
  });
});
