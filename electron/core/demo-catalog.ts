// What the demo devices are: sites, rooms and devices shaped like a real building
// deployment, topics sensors/<site>/<room>/<device>/<measure>. Pure data and value
// generators; demo-devices.ts does the publishing.
import type { Qos } from '../../shared/contract';

export interface DemoMeasure {
  /** The last topic level. */
  measure: string;
  qos: Qos;
  retain: boolean;
  /** Mean seconds between publishes. */
  everySeconds: number;
  /** Builds the next payload from the previous state of this measure. */
  next(state: DemoState): string | Uint8Array;
}

export interface DemoState {
  value: number;
  seq: number;
}

export interface DemoDeviceKind {
  kind: string;
  initial: number;
  measures: DemoMeasure[];
}

export const demoSites = ['berlin-plant', 'lyon-office', 'austin-lab'] as const;
export const demoRooms = ['hall-a', 'hall-b', 'server-room', 'meeting-2', 'lab-3', 'lobby', 'roof', 'warehouse'] as const;

const walk = (s: DemoState, step: number, min: number, max: number) => {
  s.value = Math.min(max, Math.max(min, s.value + (Math.random() - 0.5) * step));
  return s.value;
};
const fixed = (n: number, digits: number) => n.toFixed(digits);

export const demoDeviceKinds: DemoDeviceKind[] = [
  {
    kind: 'thermostat',
    initial: 21,
    measures: [
      { measure: 'temperature', qos: 0, retain: false, everySeconds: 2, next: (s) => fixed(walk(s, 0.4, 15, 30), 2) },
      { measure: 'humidity', qos: 0, retain: false, everySeconds: 5, next: (s) => fixed(40 + (s.value - 21) * 2 + Math.random() * 3, 1) },
      {
        measure: 'setpoint',
        qos: 1,
        retain: true,
        everySeconds: 60,
        next: () => JSON.stringify({ target: 21.5, mode: 'auto', unit: '°C', changedBy: 'schedule' }),
      },
    ],
  },
  {
    kind: 'power-meter',
    initial: 1200,
    measures: [
      {
        measure: 'telemetry',
        qos: 1,
        retain: false,
        everySeconds: 3,
        next: (s) => {
          const power = walk(s, 150, 200, 4000);
          const voltage = 228 + Math.random() * 6;
          s.seq++;
          return JSON.stringify({
            power_w: Math.round(power),
            voltage_v: Number(voltage.toFixed(1)),
            current_a: Number((power / voltage).toFixed(2)),
            energy_kwh: Number((1843.2 + s.seq * 0.003).toFixed(3)),
            ts: new Date().toISOString(),
          });
        },
      },
    ],
  },
  {
    kind: 'door-sensor',
    initial: 0,
    measures: [
      { measure: 'state', qos: 1, retain: true, everySeconds: 15, next: (s) => ((s.value = 1 - s.value) ? 'open' : 'closed') },
      { measure: 'battery', qos: 0, retain: false, everySeconds: 30, next: (s) => fixed(Math.max(5, 97 - s.seq++ * 0.01), 0) },
      {
        measure: 'alarm',
        qos: 2,
        retain: false,
        everySeconds: 45,
        next: (s) => JSON.stringify({ event: 'door-held-open', severity: 'warning', seconds: 30 + (s.seq++ % 90) }),
      },
    ],
  },
  {
    kind: 'air-quality',
    initial: 650,
    measures: [
      { measure: 'co2', qos: 0, retain: false, everySeconds: 4, next: (s) => fixed(walk(s, 40, 400, 2000), 0) },
      {
        measure: 'particulates',
        qos: 0,
        retain: false,
        everySeconds: 6,
        next: () => JSON.stringify({ pm1: +(Math.random() * 6).toFixed(1), pm25: +(4 + Math.random() * 8).toFixed(1), pm10: +(8 + Math.random() * 12).toFixed(1) }),
      },
    ],
  },
  {
    kind: 'vibration',
    initial: 0,
    measures: [
      {
        // A raw binary frame as many field devices send: seq (uint16 BE) and x, y, z (int16 BE, milli-g).
        measure: 'raw',
        qos: 0,
        retain: false,
        everySeconds: 2,
        next: (s) => {
          const frame = new DataView(new ArrayBuffer(8));
          frame.setUint16(0, s.seq++ & 0xffff);
          for (let axis = 0; axis < 3; axis++) frame.setInt16(2 + axis * 2, Math.round((Math.random() - 0.5) * 400));
          return new Uint8Array(frame.buffer);
        },
      },
    ],
  },
];

export interface DemoDevice {
  site: string;
  room: string;
  name: string;
  kind: DemoDeviceKind;
  firmware: string;
}

/** The fixed device list: every room of every site gets five devices of different kinds. */
export function demoDevices(): DemoDevice[] {
  const devices: DemoDevice[] = [];
  demoSites.forEach((site, siteIndex) => {
    demoRooms.forEach((room, roomIndex) => {
      for (let i = 0; i < 5; i++) {
        const kind = demoDeviceKinds[(roomIndex + i + siteIndex) % demoDeviceKinds.length];
        devices.push({ site, room, name: `${kind.kind}-${siteIndex + 1}${roomIndex + 1}${i + 1}`, kind, firmware: `2.${(roomIndex + i) % 5}.${siteIndex}` });
      }
    });
  });
  return devices;
}

export function deviceTopic(device: DemoDevice, leaf: string): string {
  return `sensors/${device.site}/${device.room}/${device.name}/${leaf}`;
}
