import { describe, expect, it } from 'vitest';
import { durationText, sysValueText } from './sys-format';

describe('sysValueText', () => {
  it('gives text fields as sent', () => {
    expect(sysValueText('version', 'mosquitto version 2.0.18')).toBe('mosquitto version 2.0.18');
  });
  it('says units', () => {
    expect(sysValueText('uptime', '3725 seconds')).toBe('1 h 2 min');
    expect(sysValueText('bytesReceived', '2048')).toBe('2 KB');
    expect(sysValueText('clientsConnected', '3')).toBe('3 clients');
    expect(sysValueText('clientsConnected', '1')).toBe('1 client');
    expect(sysValueText('loadMessagesReceived1min', '12.345')).toBe('12.35 msgs/min');
    expect(sysValueText('loadMessagesSent1min', '2672.6')).toBe('2,673 msgs/min');
  });
  it('keeps what is not a number', () => {
    expect(sysValueText('bytesSent', 'n/a')).toBe('n/a');
  });
});

describe('durationText', () => {
  it('reads in the largest units', () => {
    expect(durationText(59)).toBe('59 s');
    expect(durationText(90061)).toBe('1 d 1 h');
  });
});
