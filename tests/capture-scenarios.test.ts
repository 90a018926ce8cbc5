// The guided scenarios on the embedded broker, and the jump from a history message to
// the flow that delivered it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowRecord, ScenarioReport } from '../shared/capture-contract';
import { startCore, type CoreHarness } from './helpers/core-harness';
import { freePort } from './helpers/free-port';
import { mosquittoPub } from './helpers/mosquitto';

let h: CoreHarness;
beforeAll(async () => {
  h = await startCore({ brokerPort: await freePort() });
});
afterAll(async () => {
  await h?.close();
});

const flowsOf = (report: ScenarioReport) => report.flowIds.map((id) => h.core.capture.flow(id)!);
// The app's own connection to the embedded broker subscribes to '#', so it gets a leg of
// every scenario message too; these tests look at the scenario's own subscriber.
const toSubscriber = (report: ScenarioReport) => flowsOf(report).filter((f) => f.linkId === report.linkIds[1] && !f.senderIsClient);
const steps = (f: FlowRecord) => f.steps.map((s) => `${s.fromClient ? 'c>' : 'b>'}${s.type}${s.fault ? `(${s.fault})` : ''}${s.retransmission ? '(again)' : ''}`);

describe('guided QoS scenarios', () => {
  it('QoS 0: the dropped delivery is lost for good', async () => {
    const report = (await h.ok('runScenario', { qos: 0 })) as ScenarioReport;
    expect(report.title).toBe('QoS 0: at most once');
    expect(report.steps.at(-1)).toBe('Nothing was sent again. The subscriber received the message zero times.');
    expect(toSubscriber(report).map(steps)).toEqual([['b>PUBLISH(dropped)']]);
  });

  it('QoS 1: the lost PUBACK makes the publisher resend, and the subscriber gets it twice', async () => {
    const report = (await h.ok('runScenario', { qos: 1 })) as ScenarioReport;
    const publisherLeg = flowsOf(report).find((f) => f.senderIsClient)!;
    expect(steps(publisherLeg)).toEqual(['c>PUBLISH', 'b>PUBACK(dropped)', 'c>PUBLISH(again)', 'b>PUBACK']);
    expect(publisherLeg.deviations.map((d) => d.clause)).toEqual(['MQTT-3.3.1-1']);
    expect(report.steps.join(' ')).toContain('without setting DUP');
    expect(report.steps.at(-1)).toBe('The subscriber received the message 2 times.');
    expect(toSubscriber(report)).toHaveLength(2);
  });

  it('QoS 2: the lost PUBREC costs a round trip and no duplicate', async () => {
    const report = (await h.ok('runScenario', { qos: 2 })) as ScenarioReport;
    const publisherLeg = flowsOf(report).find((f) => f.senderIsClient)!;
    expect(steps(publisherLeg)).toEqual(['c>PUBLISH', 'b>PUBREC(dropped)', 'c>PUBLISH(again)', 'b>PUBREC', 'c>PUBREL', 'b>PUBCOMP']);
    expect(report.steps.at(-1)).toBe('The subscriber received the message once.');
    const deliveries = toSubscriber(report);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].messageId).toBe(publisherLeg.messageId);
    expect(report.conclusion).toMatch(/exactly once/);
  });

  it('needs the embedded broker', async () => {
    const none = await startCore({ brokerPort: 0 });
    try {
      expect(await none.call('runScenario', { qos: 1 })).toMatchObject({ ok: false, error: { message: /embedded broker/ } });
    } finally {
      await none.close();
    }
  });
});

describe('from a history message to its flow', () => {
  it('finds the QoS 2 delivery of a message mosquitto_pub sent', async () => {
    const port = String(((await h.ok('getAppInfo')) as { broker: { port: number } }).broker.port);
    await mosquittoPub(['-h', '127.0.0.1', '-p', port, '-t', 'jump/here', '-m', 'find me', '-q', '2']);
    const view = await h.waitForHistory('embedded', 'jump/here', (v) => v.entries.length === 1);
    const flow = (await h.ok('findFlow', { connectionId: 'embedded', topic: 'jump/here', seq: view.entries[0].seq })) as FlowRecord;
    expect(flow).toMatchObject({ topic: 'jump/here', qos: 2, senderIsClient: false, state: 'complete', payloadSize: 7 });
    expect(steps(flow)).toEqual(['b>PUBLISH', 'c>PUBREC', 'b>PUBREL', 'c>PUBCOMP']);
    expect(await h.ok('findFlow', { connectionId: 'embedded', topic: 'jump/here', seq: 99 })).toBeNull();
  });
});
