// Ingest: how many messages a second the app takes in (core, model and the feed to a
// view), beside references on the same broker in the same run: a bare MQTT.js
// subscriber that only counts, and on mosquitto `mosquitto_sub -C N > /dev/null`.
// The load is a backlog: publishers in their own processes send as fast as they can;
// a subscriber's rate is N over the time from the first publish to its last message.
// Runs alternate between the app and the references and the medians are compared,
// since two cores shared by broker, publishers and subscriber make single runs noisy.
import { publish, startCounter, startMosquittoSubCounter, type PublishPlan } from './children';
import { startApp, type AppOptions } from './app-under-test';
import { median } from './figures';

export interface IngestPlan {
  url: string;
  /** For the mosquitto_sub reference (mosquitto only). */
  mosquittoPort: number | null;
  messages: number;
  topics: number;
  size: number;
  publishers: number;
  repeats: number;
  qos: 0 | 1;
  /** How the app is started against this broker. */
  app: Omit<AppOptions, 'filter' | 'qos'>;
  /** Also measure the app with the capture off (the capture-overhead figure). */
  captureOff?: boolean;
}

export interface IngestResult {
  app: number;
  appCaptureOff: number | null;
  mqttjs: number;
  mosquittoSub: number | null;
  appMissing: number;
  referenceMissing: number;
  runs: { app: number[]; appCaptureOff: number[]; mqttjs: number[]; mosquittoSub: number[] };
}

export async function measureIngest(plan: IngestPlan, label: string): Promise<IngestResult> {
  const runs = { app: [] as number[], appCaptureOff: [] as number[], mqttjs: [] as number[], mosquittoSub: [] as number[] };
  let appMissing = 0;
  let referenceMissing = 0;
  for (let r = 0; r < plan.repeats; r++) {
    const prefix = `${label}${r}`;
    const load = (who: string): PublishPlan => ({ url: plan.url, count: plan.messages, topics: plan.topics, size: plan.size, rate: 0, publishers: plan.publishers, prefix: `${prefix}-${who}`, qos: plan.qos });

    // On the embedded broker the broker lives in the app: an app that subscribes to nothing hosts it for the reference.
    const host = plan.app.url === null ? await startApp({ ...plan.app, filter: `${prefix}-none/#` }) : null;
    try {
      const counter = await startCounter(plan.url, `${prefix}-ref/#`, plan.messages, plan.qos);
      const refLoad = publish(load('ref'));
      const ref = await Promise.race([counter.result, refLoad.then(() => settle(3000)).then(() => (counter.stop(), counter.result))]);
      runs.mqttjs.push(ref.received / ((ref.lastMs - startOf(await refLoad)) / 1000));
      referenceMissing += plan.messages - ref.received;
    } finally {
      await host?.close();
    }

    if (plan.mosquittoPort !== null && plan.qos === 0) {
      const sub = startMosquittoSubCounter(plan.mosquittoPort, `${prefix}-sub/#`, plan.messages);
      await sub.ready;
      const published = await publish(load('sub'));
      runs.mosquittoSub.push(plan.messages / (((await sub.exitedAt) - startOf(published)) / 1000));
    }

    const app = await appRun(plan, `${prefix}-app`, true, load('app'));
    runs.app.push(app.rate);
    appMissing += app.missing;
    if (plan.captureOff) runs.appCaptureOff.push((await appRun(plan, `${prefix}-off`, false, load('off'))).rate);
  }
  return {
    app: median(runs.app),
    appCaptureOff: runs.appCaptureOff.length ? median(runs.appCaptureOff) : null,
    mqttjs: median(runs.mqttjs),
    mosquittoSub: runs.mosquittoSub.length ? median(runs.mosquittoSub) : null,
    appMissing,
    referenceMissing,
    runs,
  };
}

async function appRun(plan: IngestPlan, prefix: string, capture: boolean, load: PublishPlan): Promise<{ rate: number; missing: number }> {
  const app = await startApp({ ...plan.app, filter: `${prefix}/#`, qos: plan.qos, capture });
  try {
    // The model's count, sampled every millisecond: the time of its last change is the last arrival.
    let last = 0;
    let seen = 0;
    const watch = setInterval(() => {
      const n = app.received();
      if (n === seen) return;
      last = performance.timeOrigin + performance.now();
      seen = n;
    }, 1);
    const published = await publish(load);
    // Done when all arrived, or when nothing more came for 3 s (the rest is missing).
    let quietSince = Date.now();
    let before = app.received();
    while (app.received() < plan.messages && Date.now() - quietSince < 3000) {
      await settle(20);
      if (app.received() !== before) {
        before = app.received();
        quietSince = Date.now();
      }
    }
    await settle(5);
    clearInterval(watch);
    const received = app.received();
    return { rate: received / ((last - startOf(published)) / 1000), missing: plan.messages - received };
  } finally {
    await app.close();
  }
}

function startOf(published: { startedAt: number }[]): number {
  return Math.min(...published.map((p) => p.startedAt));
}

function settle(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
