// Faults and links in words, for the fault injection panel.
import type { ActiveFault, CaptureLink } from '../../shared/capture-contract';

export function faultText(f: ActiveFault): string {
  const way = f.direction === 'to-broker' ? 'to the broker' : 'to the client';
  const what = f.action === 'drop' ? 'Drop' : `Delay by ${f.delayMs} ms`;
  return `${what}: ${f.packetType} ${way}, ${f.remaining} ${f.remaining === 1 ? 'packet' : 'packets'} left`;
}

export function linkKindText(link: CaptureLink): string {
  if (link.kind === 'connection') return 'our connection to another broker';
  return link.connectionId ? 'MQTT Scope, as a client of the embedded broker' : 'client of the embedded broker';
}

export function protocolText(version: number | null): string {
  return version === 3 ? 'MQTT 3.1' : version === 4 ? 'MQTT 3.1.1' : version === 5 ? 'MQTT 5.0' : 'version not yet known';
}

/** The link a panel should act on: the one asked for if it exists, else a sensible first. */
export function defaultFaultLink(links: readonly CaptureLink[], wanted: string | null): string | null {
  if (wanted !== null && links.some((l) => l.id === wanted)) return wanted;
  return (links.find((l) => l.connected && l.connectionId === null) ?? links[0])?.id ?? null;
}

/** The QoS 1/2 window each way, where a Receive Maximum was announced (MQTT 5.0). */
export function linkWindowText(link: CaptureLink): string {
  const parts: string[] = [];
  const { receiveMaximum: max, inFlight } = link;
  if (max?.toBroker != null) parts.push(`to broker ${inFlight?.toBroker ?? 0}/${max.toBroker} in flight`);
  if (max?.toClient != null) parts.push(`to client ${inFlight?.toClient ?? 0}/${max.toClient} in flight`);
  return parts.join(', ');
}
