// An independent look at what a broker holds as retained messages: mosquitto_sub with
// --retained-only, printing topic, QoS and the payload in hex, for a fixed wait.
// Used to check the app's scans, clears and restores from outside the app.
import { startMosquittoSub } from './mosquitto';

export interface RetainedSeen {
  qos: number;
  payload: Buffer;
}

export async function retainedViaMosquittoSub(port: number, filters: string[], waitSeconds = 2): Promise<Map<string, RetainedSeen>> {
  const args = ['-h', '127.0.0.1', '-p', String(port), '-V', 'mqttv311', '--retained-only', '-q', '2', '-F', '%q %x %t', '-W', String(waitSeconds)];
  for (const f of filters) args.push('-t', f);
  const sub = startMosquittoSub(args);
  const done = await sub.done;
  // -W ends it with code 27 ("timed out"): that is the normal end here.
  if (done.code !== 27 && done.code !== 0) throw new Error(`mosquitto_sub failed (${done.code}): ${done.stderr}`);
  const seen = new Map<string, RetainedSeen>();
  for (const line of done.messages) {
    const text = line.toString('utf8');
    const first = text.indexOf(' ');
    const second = text.indexOf(' ', first + 1);
    const qos = Number(text.slice(0, first));
    const hex = text.slice(first + 1, second);
    seen.set(text.slice(second + 1), { qos, payload: Buffer.from(hex, 'hex') });
  }
  return seen;
}

/** Runs async jobs with at most `limit` at once (seeding hundreds of mosquitto_pub processes). */
export async function inBatches<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}
