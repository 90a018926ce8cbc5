import { describe, expect, it } from 'vitest';
import { connectFormProblems, type ConnectFormValues } from './connect-form';

const valid: ConnectFormValues = { url: 'mqtt://localhost:1883', protocolVersion: 4, name: '', clientId: '', username: '', password: '', filters: ['#'] };
const problems = (patch: Partial<ConnectFormValues>) => connectFormProblems({ ...valid, ...patch });

describe('connectFormProblems', () => {
  it('passes a plain connection with defaults left empty', () => {
    expect(problems({})).toEqual({});
    expect(problems({ password: 'p\u0000ss', clientId: 'x'.repeat(200), protocolVersion: 5 })).toEqual({});
  });

  it('puts each problem at the field the connect request names', () => {
    expect(problems({ url: 'htp://x', filters: ['#', 'a/#/b'], username: 'u\u0000', clientId: 'c\u0000' })).toEqual({
      url: "Unsupported scheme 'htp://': use mqtt://, mqtts://, ws:// or wss://.",
      'subscriptions.1.filter': "'#' may only be the last level of a filter; 'a/#/b' has levels after it.",
      username: 'The user name contains a null character (U+0000), which MQTT forbids.',
      clientId: 'The client id contains a null character (U+0000), which MQTT forbids.',
    });
  });

  it('says a limit instead of cutting the text', () => {
    expect(problems({ name: 'n'.repeat(201) }).name).toBe('The name is longer than 200 characters (it has 201).');
    expect(problems({ url: `mqtt://${'h'.repeat(3000)}` }).url).toMatch(/^The URL is longer than 2,048 characters/);
    expect(problems({ password: 'p'.repeat(1001) }).password).toMatch(/^The password is longer than 1,000/);
  });

  it('holds MQTT 3.1 to 23-character client ids', () => {
    expect(problems({ protocolVersion: 3, clientId: 'c'.repeat(24) }).clientId).toBe('MQTT 3.1 allows client ids of at most 23 characters; this one has 24.');
    expect(problems({ protocolVersion: 4, clientId: 'c'.repeat(24) })).toEqual({});
  });
});
