// The public test brokers offered as ready-made profiles. Anyone can read what is
// published there, hence preset: 'public' (the UI says so before publishing). They
// subscribe to nothing by default: '#' on a public broker is a flood, not a start.
import type { BrokerProtocol } from './broker-url';
import { StoredProfileSchema, type StoredProfile } from './profile';

interface PresetEndpoint {
  host: string;
  protocol: BrokerProtocol;
  port: number;
  path?: string;
}

const endpoints: PresetEndpoint[] = [
  { host: 'test.mosquitto.org', protocol: 'mqtt', port: 1883 },
  // Its certificate is signed by mosquitto.org's own CA (mosquitto.org.crt): verifying
  // it needs that file as the profile's CA file.
  { host: 'test.mosquitto.org', protocol: 'mqtts', port: 8883 },
  { host: 'broker.hivemq.com', protocol: 'mqtt', port: 1883 },
  { host: 'broker.hivemq.com', protocol: 'wss', port: 8884, path: '/mqtt' },
  { host: 'broker.emqx.io', protocol: 'mqtt', port: 1883 },
  { host: 'broker.emqx.io', protocol: 'mqtts', port: 8883 },
  { host: 'broker.emqx.io', protocol: 'ws', port: 8083, path: '/mqtt' },
  { host: 'broker.emqx.io', protocol: 'wss', port: 8084, path: '/mqtt' },
  { host: 'mqtt.eclipseprojects.io', protocol: 'mqtt', port: 1883 },
  { host: 'mqtt.eclipseprojects.io', protocol: 'wss', port: 443, path: '/mqtt' },
];

/** Stable ids, so a preset the user edited (saved under the same id) replaces the original. */
export function presetId(e: PresetEndpoint): string {
  return `preset-${e.host.replace(/[^A-Za-z0-9]+/g, '-')}-${e.protocol}-${e.port}`;
}

/** Fresh objects on each call; each gets its own generated client id. */
export function publicPresets(): StoredProfile[] {
  return endpoints.map((e) =>
    StoredProfileSchema.parse({
      id: presetId(e),
      name: `${e.host} (${e.protocol} ${e.port})`,
      protocol: e.protocol,
      host: e.host,
      port: e.port,
      path: e.path ?? '',
      protocolVersion: 5,
      preset: 'public',
    }),
  );
}

export function isPresetId(id: string): boolean {
  return endpoints.some((e) => presetId(e) === id);
}
