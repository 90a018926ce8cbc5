// The geometry of a message's sequence diagram: one lane per party (publisher, broker,
// each subscriber; or our client and the broker it talks to), one row per packet in
// time order, and markers where the connection broke. Rows are evenly spaced (a lost
// ack and a 2 s pause should both stay readable); the times are written, not scaled.
import type { FlowRecord, FlowStep } from '../../shared/capture-contract';
import type { PacketTypeName } from '../../shared/packet-types';
import { formatGap, isFailureCode, reasonWords } from './capture-format';

export interface LinkInfo {
  label: string;
  remote: string;
  protocolVersion: number | null;
}

export interface Lane {
  key: string;
  title: string;
  role: string;
  x: number;
}

export interface DiagramArrow {
  key: string;
  legId: number;
  seq: number;
  y: number;
  fromX: number;
  toX: number;
  /** Where the line stops: the receiving lane, or midway for a dropped packet. */
  endX: number;
  type: PacketTypeName;
  /** "id 7 · QoS 2 · DUP" */
  detail: string;
  reason: string;
  failure: boolean;
  /** Since the previous step of the same leg (a delivery's first: since the publisher's PUBLISH). */
  gap: string;
  /** Since the first packet of the diagram. */
  time: string;
  fault: FlowStep['fault'];
  again: boolean;
  dup: boolean;
}

export interface DiagramMarker {
  key: string;
  kind: 'reconnect' | 'interrupted' | 'abandoned' | 'waiting';
  y: number;
  x1: number;
  x2: number;
  text: string;
}

export interface Diagram {
  lanes: Lane[];
  arrows: DiagramArrow[];
  markers: DiagramMarker[];
  width: number;
  height: number;
  laneGap: number;
  /** Legs left out to keep the diagram readable (subscribers past the limit). */
  hiddenLegs: number;
}

/** What the capture showed between a packet and its resend: the link reconnected. */
export interface ReconnectMark {
  text: string;
}

export const diagramGeometry = { timeColumn: 92, laneGap: 200, header: 54, row: 46, markerRow: 40, bottom: 16 };
export const maxDeliveryLanes = 8;

/** The lane spacing that fits a width, within what keeps the labels readable. */
export function laneGapFor(width: number, laneCount: number): number {
  const g = diagramGeometry;
  if (laneCount === 0 || width <= 0) return g.laneGap;
  return Math.max(150, Math.min(240, Math.floor((width - g.timeColumn) / laneCount)));
}

export function layoutSequence(
  legs: readonly FlowRecord[],
  linkInfo: (linkId: string) => LinkInfo | undefined,
  reconnects: ReadonlyMap<number, ReconnectMark> = new Map(),
  laneGap: number = diagramGeometry.laneGap,
): Diagram {
  const g = { ...diagramGeometry, laneGap };
  const { shown, hiddenLegs } = limitLegs(legs);
  const lanes = lanesFor(shown, linkInfo, laneGap);
  const x = (key: string) => lanes.find((l) => l.key === key)?.x ?? 0;
  const t0 = Math.min(...shown.flatMap((f) => f.steps.map((s) => s.at)), Infinity);
  const publisherStart = shown.find((f) => f.senderIsClient && !isConnLink(f.linkId))?.steps[0]?.at ?? null;

  const events = shown
    .flatMap((leg) => leg.steps.map((step, i) => ({ leg, step, i })))
    .sort((a, b) => a.step.at - b.step.at || a.step.seq - b.step.seq);

  const arrows: DiagramArrow[] = [];
  const markers: DiagramMarker[] = [];
  let y = g.header + 8;
  for (const { leg, step, i } of events) {
    const client = x(clientLaneKey(leg));
    const broker = x(brokerLaneKey(leg));
    const mark = step.retransmission ? reconnects.get(step.seq) : undefined;
    if (mark) {
      // Below the previous arrow's lower label, above this arrow's upper one.
      markers.push({ key: `r:${step.seq}`, kind: 'reconnect', y: y + 24 + g.markerRow / 2 - 8, x1: Math.min(client, broker), x2: Math.max(client, broker), text: mark.text });
      y += g.markerRow;
    }
    const fromX = step.fromClient ? client : broker;
    const toX = step.fromClient ? broker : client;
    const previousAt = i > 0 ? leg.steps[i - 1].at : !leg.senderIsClient && publisherStart !== null ? publisherStart : null;
    const version = linkInfo(leg.linkId)?.protocolVersion ?? null;
    y += g.row;
    arrows.push({
      key: `${leg.id}:${i}`,
      legId: leg.id,
      seq: step.seq,
      y,
      fromX,
      toX,
      endX: step.fault === 'dropped' ? droppedEnd(fromX, toX, lanes, laneGap) : toX,
      type: step.type,
      detail: stepDetail(leg, step),
      reason: reasonWords(step.type, step.reasonCode, version),
      failure: isFailureCode(step.type, step.reasonCode, version),
      gap: previousAt === null ? '' : `+${formatGap(step.at - previousAt)}`,
      time: `+${formatGap(step.at - t0)}`,
      fault: step.fault,
      again: step.retransmission,
      dup: step.dup,
    });
  }
  for (const leg of shown) {
    const client = x(clientLaneKey(leg));
    const broker = x(brokerLaneKey(leg));
    if (leg.state === 'interrupted') {
      y += g.markerRow;
      const waiting = leg.waitingFor ? ` while waiting for ${leg.waitingFor}` : '';
      markers.push({ key: `i:${leg.id}`, kind: 'interrupted', y: y - g.markerRow / 2 + 8, x1: Math.min(client, broker), x2: Math.max(client, broker), text: `connection lost${waiting}` });
    } else if (leg.state === 'abandoned') {
      y += g.markerRow;
      markers.push({
        key: `a:${leg.id}`,
        kind: 'abandoned',
        y: y - g.markerRow / 2 + 8,
        x1: Math.min(client, broker),
        x2: Math.max(client, broker),
        text: `abandoned${leg.waitingFor ? ` while waiting for ${leg.waitingFor}` : ''}: session discarded or packet id reused, it can never finish`,
      });
    } else if (leg.state === 'in-flight' && leg.waitingFor) {
      y += g.markerRow;
      // The awaited packet travels back to the PUBLISH's sender, except PUBREL, which the sender sends.
      const back = leg.waitingFor !== 'PUBREL';
      const senderX = leg.senderIsClient ? client : broker;
      const receiverX = leg.senderIsClient ? broker : client;
      markers.push({
        key: `w:${leg.id}`,
        kind: 'waiting',
        y: y - g.markerRow / 2 + 8,
        x1: back ? receiverX : senderX,
        x2: back ? senderX : receiverX,
        text: `waiting for ${leg.waitingFor}…`,
      });
    }
  }
  return { lanes, arrows, markers, width: g.timeColumn + lanes.length * g.laneGap, height: y + g.bottom + 12, laneGap, hiddenLegs };
}

/**
 * Where a dropped packet's arrow stops: halfway, or, when halfway is another party's
 * lane (a delivery to a far subscriber), in the gap before it, so the cross is never
 * read as that party's.
 */
function droppedEnd(fromX: number, toX: number, lanes: readonly Lane[], laneGap: number): number {
  const mid = fromX + (toX - fromX) / 2;
  const onLane = lanes.some((l) => l.x !== fromX && l.x !== toX && Math.abs(l.x - mid) < laneGap / 4);
  return onLane ? mid - Math.sign(toX - fromX) * (laneGap / 2) : mid;
}

function limitLegs(legs: readonly FlowRecord[]): { shown: FlowRecord[]; hiddenLegs: number } {
  const subscriberLinks: string[] = [];
  const shown: FlowRecord[] = [];
  let hiddenLegs = 0;
  for (const leg of legs) {
    if (!leg.senderIsClient && !isConnLink(leg.linkId)) {
      if (!subscriberLinks.includes(leg.linkId)) {
        if (subscriberLinks.length >= maxDeliveryLanes) {
          hiddenLegs++;
          continue;
        }
        subscriberLinks.push(leg.linkId);
      }
    }
    shown.push(leg);
  }
  return { shown, hiddenLegs };
}

export function isConnLink(linkId: string): boolean {
  return linkId.startsWith('conn:');
}

function clientLaneKey(leg: FlowRecord): string {
  if (isConnLink(leg.linkId)) return `client:${leg.linkId}`;
  return `${leg.senderIsClient ? 'pub' : 'sub'}:${leg.linkId}`;
}

function brokerLaneKey(leg: FlowRecord): string {
  return isConnLink(leg.linkId) ? `broker:${leg.linkId}` : 'broker';
}

/** How many lanes a message needs, to size the diagram before laying it out. */
export function laneCount(legs: readonly FlowRecord[]): number {
  return lanesFor(limitLegs(legs).shown, () => undefined, diagramGeometry.laneGap).length;
}

function lanesFor(legs: readonly FlowRecord[], linkInfo: (linkId: string) => LinkInfo | undefined, laneGap: number): Lane[] {
  const left: Omit<Lane, 'x'>[] = [];
  const middle: Omit<Lane, 'x'>[] = [];
  const right: Omit<Lane, 'x'>[] = [];
  const add = (list: Omit<Lane, 'x'>[], lane: Omit<Lane, 'x'>) => {
    if (![...left, ...middle, ...right].some((l) => l.key === lane.key)) list.push(lane);
  };
  for (const leg of legs) {
    const info = linkInfo(leg.linkId);
    const name = info?.label ?? leg.linkId.replace(/^broker:/, '');
    if (isConnLink(leg.linkId)) {
      add(left, { key: clientLaneKey(leg), title: 'MQTT Scope (client)', role: name });
      add(middle, { key: brokerLaneKey(leg), title: 'Broker', role: info?.remote ?? '' });
    } else {
      add(leg.senderIsClient ? left : right, { key: clientLaneKey(leg), title: name, role: leg.senderIsClient ? 'publisher' : 'subscriber' });
      add(middle, { key: 'broker', title: 'Broker', role: 'embedded' });
    }
  }
  return [...left, ...middle, ...right].map((lane, i) => ({ ...lane, x: diagramGeometry.timeColumn + laneGap / 2 + i * laneGap }));
}

function stepDetail(leg: FlowRecord, step: FlowStep): string {
  const parts: string[] = [];
  if (leg.packetId !== null) parts.push(`id ${leg.packetId}`);
  if (step.type === 'PUBLISH') parts.push(`QoS ${leg.qos}`);
  if (step.dup) parts.push('DUP');
  // A resent PUBLISH must carry DUP 1 (MQTT-3.3.1-1): say so on the arrow, where it happened.
  else if (step.type === 'PUBLISH' && step.retransmission) parts.push('DUP 0 ⚠');
  return parts.join(' · ');
}
