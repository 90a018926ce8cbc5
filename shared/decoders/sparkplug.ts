// Sparkplug B payloads on spBv1.0/ topics: the certificate or data message in words,
// its timestamp and seq, and a row per metric (name, alias, datatype, value, time).
import { failed, guarded, type DecodeResult } from './decode-result';
import { decodeJson } from './json';
import { decodeProtoMessage, type ProtoObject, type ProtoValue } from './proto-message';
import { findMessageType, parseProtoSchema } from './proto-schema';
import { sparkplugBProto } from './sparkplug-b-proto';
import { parseSparkplugTopic, type SparkplugTopic } from './sparkplug-topic';
import { dataTypeName, metricValueText, timeText } from './sparkplug-values';
import { decodeUtf8Text } from './utf8-text';

export interface SparkplugMetricRow {
  name: string | null;
  alias: string | null;
  datatype: string;
  value: string;
  /** ISO time, or null when the metric has none. */
  timestamp: string | null;
  /** historical, transient: what the metric's flags say. */
  flags: string[];
}

export interface SparkplugPayloadView {
  topic: SparkplugTopic | null;
  timestamp: string | null;
  seq: string | null;
  uuid: string | null;
  bodyBytes: number | null;
  metrics: SparkplugMetricRow[];
}

function optionalBigint(v: ProtoValue | undefined): bigint | null {
  return typeof v === 'bigint' ? v : typeof v === 'number' ? BigInt(v) : null;
}

function metricRow(metric: ProtoObject): SparkplugMetricRow {
  const datatype = typeof metric.datatype === 'number' ? metric.datatype : null;
  const alias = optionalBigint(metric.alias);
  const ts = optionalBigint(metric.timestamp);
  const flags = [metric.is_historical === true && 'historical', metric.is_transient === true && 'transient'].filter((f): f is string => typeof f === 'string');
  return {
    name: typeof metric.name === 'string' ? metric.name : null,
    alias: alias === null ? null : String(alias),
    datatype: dataTypeName(datatype),
    value: metricValueText(metric, datatype),
    timestamp: ts === null ? null : timeText(ts),
    flags,
  };
}

/** The payload's bytes decoded with the Sparkplug B schema, whatever its topic. */
export function decodeSparkplugBytes(bytes: Uint8Array, topic: SparkplugTopic | null): DecodeResult {
  const schema = parseProtoSchema(sparkplugBProto);
  const type = schema.ok ? findMessageType(schema.root, 'org.eclipse.tahu.protobuf.Payload') : null;
  if (!type) return failed('The Sparkplug B schema did not load.');
  return guarded('Sparkplug B', () => {
    const p = decodeProtoMessage(type, bytes);
    const ts = optionalBigint(p.timestamp);
    const seq = optionalBigint(p.seq);
    const metrics = Array.isArray(p.metrics) ? (p.metrics as ProtoObject[]) : [];
    return {
      ok: true,
      value: {
        kind: 'sparkplug',
        payload: {
          topic,
          timestamp: ts === null ? null : timeText(ts),
          seq: seq === null ? null : String(seq),
          uuid: typeof p.uuid === 'string' ? p.uuid : null,
          bodyBytes: p.body instanceof Uint8Array ? p.body.length : null,
          metrics: metrics.map(metricRow),
        },
      },
    };
  });
}

/** By topic: STATE messages are JSON (Sparkplug 3.0) or ONLINE/OFFLINE text (2.2), the rest Protobuf. */
export function decodeSparkplug(bytes: Uint8Array, topicName: string): DecodeResult {
  const topic = parseSparkplugTopic(topicName);
  if (topic?.messageType === 'STATE') {
    const json = decodeJson(bytes);
    return json.ok ? json : decodeUtf8Text(bytes);
  }
  return decodeSparkplugBytes(bytes, topic);
}
