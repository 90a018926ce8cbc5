// What a decoder hands to the view: one shape per way of showing a payload.
import type { PlainValue } from './plain-value';
import type { NumberRow } from './raw-numbers';
import type { SparkplugPayloadView } from './sparkplug';

export type DecodedView =
  | { kind: 'text'; text: string }
  /** A JSON document: the tree walks `value`, the pretty text is `text`. */
  | { kind: 'json'; value: PlainValue; text: string }
  /** Structured binary formats (MessagePack, CBOR, Protobuf) as a tree of plain values. */
  | { kind: 'tree'; value: PlainValue; summary: string }
  | { kind: 'hex'; bytes: Uint8Array; summary?: string }
  | { kind: 'sparkplug'; payload: SparkplugPayloadView }
  | { kind: 'numbers'; rows: NumberRow[]; summary: string };
