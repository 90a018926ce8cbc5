import { describe, expect, it } from 'vitest';
import { sysFieldOf, sysNumber } from './sys-stats';

describe('sysFieldOf', () => {
  it('maps mosquitto topics', () => {
    expect(sysFieldOf('$SYS/broker/version')).toBe('version');
    expect(sysFieldOf('$SYS/broker/clients/connected')).toBe('clientsConnected');
    expect(sysFieldOf('$SYS/broker/publish/messages/received')).toBe('publishReceived');
    expect(sysFieldOf('$SYS/broker/load/bytes/sent/1min')).toBe('loadBytesSent1min');
    expect(sysFieldOf('$SYS/broker/retained messages/count')).toBe('retainedMessages');
    expect(sysFieldOf('$SYS/broker/heap/current')).toBe('heapCurrent');
  });

  it('maps EMQX topics under any node name', () => {
    expect(sysFieldOf('$SYS/brokers/emqx@127.0.0.1/version')).toBe('version');
    expect(sysFieldOf('$SYS/brokers/emqx@127.0.0.1/datetime')).toBe('datetime');
    expect(sysFieldOf('$SYS/brokers/node1/stats/connections/count')).toBe('clientsConnected');
    expect(sysFieldOf('$SYS/brokers/node1/metrics/bytes/received')).toBe('bytesReceived');
  });

  it('maps HiveMQ $SYS extension topics like mosquitto', () => {
    expect(sysFieldOf('$SYS/broker/uptime')).toBe('uptime');
    expect(sysFieldOf('$SYS/broker/messages/sent')).toBe('messagesSent');
    expect(sysFieldOf('$SYS/broker/subscriptions/count')).toBe('subscriptions');
  });

  it('knows nothing of other topics', () => {
    expect(sysFieldOf('$SYS/broker/load/sockets/1min')).toBeNull();
    expect(sysFieldOf('sensors/broker/version')).toBeNull();
    expect(sysFieldOf('$SYS/brokers/node1')).toBeNull();
  });
});

describe('sysNumber', () => {
  it('reads the leading number, as mosquitto writes uptime', () => {
    expect(sysNumber('12 seconds')).toBe(12);
    expect(sysNumber('3.25')).toBe(3.25);
    expect(sysNumber('mosquitto version 2.0.18')).toBeNull();
  });
});
