import { describe, expect, it } from 'vitest';
import type { CaptureLink } from '../../shared/capture-contract';
import { defaultFaultLink, faultText, linkKindText, linkWindowText, protocolText } from './fault-text';

const link = (id: string, extra: Partial<CaptureLink> = {}): CaptureLink => ({
  id,
  kind: 'broker-client',
  label: id,
  clientId: id,
  connectionId: null,
  connected: true,
  protocolVersion: 4,
  remote: '127.0.0.1:1',
  faults: [],
  receiveMaximum: { toBroker: null, toClient: null },
  inFlight: { toBroker: 0, toClient: 0 },
  ...extra,
});

describe('fault text', () => {
  it('says what a fault does and how many packets it still affects', () => {
    expect(faultText({ direction: 'to-client', packetType: 'PUBACK', action: 'drop', remaining: 1, delayMs: 0 })).toBe('Drop: PUBACK to the client, 1 packet left');
    expect(faultText({ direction: 'to-broker', packetType: 'PUBREL', action: 'delay', remaining: 3, delayMs: 1500 })).toBe(
      'Delay by 1500 ms: PUBREL to the broker, 3 packets left',
    );
  });

  it('names links and versions', () => {
    expect(linkKindText(link('a', { kind: 'connection', connectionId: 'c1' }))).toBe('our connection to another broker');
    expect(linkKindText(link('a', { connectionId: 'c1' }))).toBe('MQTT Scope, as a client of the embedded broker');
    expect(protocolText(5)).toBe('MQTT 5.0');
    expect(protocolText(null)).toBe('version not yet known');
  });

  it('picks the wanted link, else a connected device', () => {
    const links = [link('broker:scope', { connectionId: 'c1' }), link('broker:old', { connected: false }), link('broker:dev')];
    expect(defaultFaultLink(links, 'broker:old')).toBe('broker:old');
    expect(defaultFaultLink(links, 'broker:gone')).toBe('broker:dev');
    expect(defaultFaultLink([], null)).toBeNull();
  });

  it('shows the Receive Maximum window where one was announced', () => {
    expect(linkWindowText(link('a'))).toBe('');
    expect(linkWindowText(link('a', { receiveMaximum: { toBroker: 20, toClient: null }, inFlight: { toBroker: 3, toClient: 0 } }))).toBe('to broker 3/20 in flight');
  });
});
