import { describe, expect, it } from 'vitest';
import type { EmbeddedBrokerInfo } from '../../shared/contract';
import { brokerBadges, refusalCountText, refusalKindText, refusedListSummary } from './broker-status-text';

const base: EmbeddedBrokerInfo = {
  host: '127.0.0.1',
  port: 1883,
  state: 'running',
  note: null,
  clients: 3,
  exposed: false,
  requireAuth: false,
  tls: null,
  refusals: 0,
  events: [],
};

describe('the broker status at a glance', () => {
  it('says nothing for the default: loopback, no sign-in, no TLS', () => {
    expect(brokerBadges(base)).toEqual([]);
  });

  it('alarms when exposed without sign-in, and only warns when sign-in is required', () => {
    const open = brokerBadges({ ...base, host: '0.0.0.0', exposed: true });
    expect(open).toEqual([expect.objectContaining({ id: 'exposed', text: 'exposed, no sign-in', tone: 'bad' })]);
    expect(open[0].label).toMatch(/without sign-in/);
    const guarded = brokerBadges({ ...base, host: '0.0.0.0', exposed: true, requireAuth: true });
    expect(guarded.map((b) => [b.id, b.text, b.tone])).toEqual([
      ['exposed', 'exposed', 'warn'],
      ['sign-in', 'sign-in required', 'ok'],
    ]);
  });

  it('shows the TLS port, or that the listener failed and why', () => {
    expect(brokerBadges({ ...base, tls: { port: 8883, problem: null } })).toEqual([{ id: 'tls', text: 'TLS :8883', label: 'TLS listener on port 8883', tone: 'plain' }]);
    const failed = brokerBadges({ ...base, tls: { port: null, problem: 'The TLS listener did not start: bad passphrase' } });
    expect(failed[0]).toMatchObject({ text: 'TLS failed', tone: 'bad' });
    expect(failed[0].label).toContain('bad passphrase');
  });

  it('words refusals', () => {
    expect(refusalCountText(1234)).toBe('1,234 refused');
    expect(refusalKindText('publish-denied')).toBe('publish denied');
    expect(refusedListSummary(0, 0)).toBe('Nothing refused since the broker started.');
    expect(refusedListSummary(1, 1)).toBe('1 refusal since the broker started; the latest line.');
    expect(refusedListSummary(5120, 50)).toBe('5,120 refusals since the broker started; the latest 50 lines, newest first.');
  });
});
