// The ingest figures on both brokers, and the capture's cost at QoS 1.
import { startMosquitto } from '../../tests/helpers/mosquitto';
import { freePort } from '../../tests/helpers/free-port';
import type { Figure } from './figures';
import { measureIngest, type IngestPlan } from './ingest';
import type { BenchOptions, Suite } from './suite';

/** mosquitto as the benchmark needs it: quiet logs, and no cap on what it queues for a slow subscriber. */
export const benchMosquittoConfig = { logTypes: ['error', 'warning'], extraConfig: ['max_queued_messages 0', 'max_queued_bytes 0', 'max_inflight_messages 0'] };

export const ingestSuite: Suite = {
  name: 'ingest',
  async run(options: BenchOptions): Promise<Figure[]> {
    // topics is per publisher (each writes under its own prefix): two publishers × 5,000 = 10,000 topics.
    const size = { messages: options.quick ? 100_000 : 400_000, topics: 5_000, size: 100, publishers: 2, repeats: options.quick ? 3 : 5 };
    const figures: Figure[] = [];
    if (options.mosquitto) {
      const broker = await startMosquitto(benchMosquittoConfig);
      try {
        const plan: IngestPlan = { ...size, url: broker.url, mosquittoPort: broker.port, qos: 0, app: { url: broker.url } };
        figures.push(...ingestFigures('mosquitto', await measureIngest(plan, 'm'), plan));
        const qos1: IngestPlan = { ...plan, messages: Math.round(plan.messages / 4), qos: 1, captureOff: true };
        figures.push(captureFigure('mosquitto', await measureIngest(qos1, 'c'), qos1));
      } finally {
        await broker.stop();
      }
    }
    const port = await freePort();
    const plan: IngestPlan = { ...size, url: `mqtt://127.0.0.1:${port}`, mosquittoPort: null, qos: 0, app: { url: null, brokerPort: port } };
    figures.push(...ingestFigures('embedded broker', await measureIngest(plan, 'e'), plan));
    return figures;
  },
};

function ingestFigures(broker: string, r: Awaited<ReturnType<typeof measureIngest>>, plan: IngestPlan): Figure[] {
  const load = `${plan.messages.toLocaleString('en-US')} × QoS 0, ${plan.size} B over ${(plan.topics * plan.publishers).toLocaleString('en-US')} topics, median of ${plan.repeats}`;
  const figures: Figure[] = [
    {
      suite: 'ingest',
      name: `${broker}: app vs bare MQTT.js`,
      value: r.app,
      unit: 'msg/s',
      reference: { label: 'bare MQTT.js subscriber', value: r.mqttjs },
      ratio: r.app / r.mqttjs,
      target: 'app ≥ 80% of the bare MQTT.js subscriber; no message missing',
      met: r.app / r.mqttjs >= 0.8 && r.appMissing === 0,
      notes: `${load}; missing: app ${r.appMissing}, reference ${r.referenceMissing}; runs app ${r.runs.app.map(Math.round).join(', ')} / MQTT.js ${r.runs.mqttjs.map(Math.round).join(', ')}`,
    },
  ];
  if (r.mosquittoSub !== null) {
    figures.push({
      suite: 'ingest',
      name: `${broker}: app vs mosquitto_sub`,
      value: r.app,
      unit: 'msg/s',
      reference: { label: 'mosquitto_sub -C N > /dev/null', value: r.mosquittoSub },
      ratio: r.app / r.mosquittoSub,
      target: 'for information (C client, no model)',
      met: true,
      notes: `runs mosquitto_sub ${r.runs.mosquittoSub.map(Math.round).join(', ')}`,
    });
  }
  return figures;
}

function captureFigure(broker: string, r: Awaited<ReturnType<typeof measureIngest>>, plan: IngestPlan): Figure {
  const off = r.appCaptureOff ?? NaN;
  return {
    suite: 'capture',
    name: `${broker}: QoS 1 ingest, capture on vs off`,
    value: r.app,
    unit: 'msg/s',
    reference: { label: 'capture off', value: off },
    ratio: r.app / off,
    target: 'capture on ≥ 75% of capture off',
    met: r.app / off >= 0.75,
    notes: `${plan.messages.toLocaleString('en-US')} × QoS 1 (a PUBLISH and a PUBACK recorded per message, flows tracked), median of ${plan.repeats}; runs on ${r.runs.app.map(Math.round).join(', ')} / off ${r.runs.appCaptureOff.map(Math.round).join(', ')}; bare MQTT.js at QoS 1: ${Math.round(r.mqttjs)}`,
  };
}
