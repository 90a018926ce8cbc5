// What the filter bars hold, and the filters they send: empty choices send no
// constraint, so "nothing ticked" and "everything ticked" both mean "all".
import type { FlowFilter, FlowState, PacketFilter } from '../../shared/capture-contract';
import type { Qos } from '../../shared/contract';
import { allPacketTypes, type PacketTypeName } from '../../shared/packet-types';
import { topicFilterProblem } from '../../shared/topic';

export interface PacketFilterState {
  types: PacketTypeName[];
  linkId: string | null;
  topic: string;
}

export interface FlowFilterState {
  linkId: string | null;
  topic: string;
  qos: Qos[];
  states: FlowState[];
}

export const emptyPacketFilter: PacketFilterState = { types: [], linkId: null, topic: '' };
export const emptyFlowFilter: FlowFilterState = { linkId: null, topic: '', qos: [], states: [] };

/** The types shown as chips, in the order a session goes through them. */
export const packetTypeChips: readonly PacketTypeName[] = allPacketTypes;

export function packetFilterRequest(s: PacketFilterState): PacketFilter {
  const types = s.types.length === 0 || s.types.length === allPacketTypes.length ? undefined : [...s.types].sort(byTypeOrder);
  const topic = s.topic.trim();
  return { ...(types ? { types } : {}), linkId: s.linkId, topic: topic === '' ? null : topic };
}

export function flowFilterRequest(s: FlowFilterState): FlowFilter {
  const topic = s.topic.trim();
  return {
    linkId: s.linkId,
    topic: topic === '' ? null : topic,
    ...(s.qos.length > 0 && s.qos.length < 3 ? { qos: [...s.qos].sort() } : {}),
    ...(s.states.length > 0 && s.states.length < 4 ? { states: [...s.states] } : {}),
  };
}

/** Adds or removes one value of a multi-choice filter. */
export function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

export function isFiltering(s: PacketFilterState | FlowFilterState): boolean {
  if (s.linkId !== null || s.topic.trim() !== '') return true;
  if ('types' in s) return s.types.length > 0;
  return s.qos.length > 0 || s.states.length > 0;
}

/** How the topic box will match, said under it. */
export function topicFilterHint(text: string): string {
  const t = text.trim();
  if (t === '') return 'All topics';
  return t.includes('+') || t.includes('#') ? 'MQTT filter' : 'Topics containing this text';
}

/**
 * Why the topic box's text cannot filter, or null. With a wildcard it is read as an MQTT
 * filter, so 'a/#/b' is refused rather than quietly matching like 'a/#'; plain text is a
 * substring, and one longer than any topic (the request's limit too) matches nothing.
 */
export function topicSearchProblem(text: string): string | null {
  const t = text.trim();
  if (t.includes('+') || t.includes('#')) return topicFilterProblem(t);
  if (new TextEncoder().encode(t).length > 65_535) return 'No topic is longer than 65,535 bytes, so this text matches none.';
  return null;
}

function byTypeOrder(a: PacketTypeName, b: PacketTypeName): number {
  return allPacketTypes.indexOf(a) - allPacketTypes.indexOf(b);
}
