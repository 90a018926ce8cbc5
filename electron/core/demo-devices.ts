// The demo devices: one MQTT client per site (3.1.1 and 5.0 mixed, as in the field)
// publishing the catalog's measures at their own pace, with retained status topics
// and a will that marks the site's gateway offline if the process dies.
import mqtt, { type MqttClient } from 'mqtt';
import { demoDevices, demoSites, deviceTopic, type DemoDevice, type DemoMeasure, type DemoState } from './demo-catalog';

interface Schedule {
  device: DemoDevice;
  measure: DemoMeasure;
  state: DemoState;
  dueAt: number;
}

const tickMs = 100;

export class DemoDevices {
  private clients: MqttClient[] = [];
  private timer: NodeJS.Timeout | null = null;
  readonly devices = demoDevices();

  constructor(
    private readonly brokerUrl: string,
    /** The app's own sign-in: the demo works whatever the broker's users and ACL say. */
    private readonly credentials: { username: string; password: string },
  ) {}

  get running(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer) return;
    const now = Date.now();
    const schedules = new Map<string, Schedule[]>();
    demoSites.forEach((site, i) => {
      const gatewayStatus = `sensors/${site}/gateway/status`;
      const client = mqtt.connect(this.brokerUrl, {
        clientId: `demo-gateway-${site}`,
        ...this.credentials,
        protocolVersion: i === 1 ? 4 : 5,
        reconnectPeriod: 2000,
        will: { topic: gatewayStatus, payload: Buffer.from('offline'), qos: 1, retain: true },
      });
      client.on('connect', () => {
        client.publish(gatewayStatus, 'online', { qos: 1, retain: true });
        for (const device of this.devices.filter((d) => d.site === site)) {
          const status = { online: true, kind: device.kind.kind, firmware: device.firmware, ip: `10.${i}.${device.room.length}.${device.name.length + 10}` };
          client.publish(deviceTopic(device, 'status'), JSON.stringify(status), { qos: 1, retain: true });
        }
      });
      client.on('error', () => undefined); // The status of the broker is shown elsewhere; the demo just retries.
      this.clients.push(client);
      schedules.set(
        site,
        this.devices
          .filter((d) => d.site === site)
          .flatMap((device) =>
            device.kind.measures.map((measure) => ({
              device,
              measure,
              state: { value: device.kind.initial, seq: 0 },
              // Spread the first publishes over the first second so the tree fills at once.
              dueAt: now + Math.random() * 1000,
            })),
          ),
      );
    });
    this.timer = setInterval(() => this.tick(schedules), tickMs);
  }

  private tick(schedules: Map<string, Schedule[]>): void {
    const now = Date.now();
    demoSites.forEach((site, i) => {
      const client = this.clients[i];
      if (!client.connected) return;
      for (const s of schedules.get(site)!) {
        if (s.dueAt > now) continue;
        const payload = s.measure.next(s.state);
        client.publish(deviceTopic(s.device, s.measure.measure), typeof payload === 'string' ? payload : Buffer.from(payload), {
          qos: s.measure.qos,
          retain: s.measure.retain,
        });
        // Jitter of ±50% keeps devices from publishing in lockstep.
        s.dueAt = now + s.measure.everySeconds * 1000 * (0.5 + Math.random());
      }
    });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const clients = this.clients.splice(0);
    // A clean DISCONNECT: the will is not sent, so the gateways keep their last retained status.
    await Promise.all(clients.map((c) => c.endAsync().catch(() => undefined)));
  }
}
