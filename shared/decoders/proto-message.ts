// Decodes Protobuf bytes by walking a protobufjs Type's reflection (see proto-wire.ts for
// why not protobufjs's own decode). Unknown fields are kept by number, never dropped.
import protobuf from 'protobufjs';
import { signed64, WireError, WireReader, zigzag } from './proto-wire';

export type ProtoValue = bigint | number | boolean | string | Uint8Array | ProtoObject | ProtoValue[] | Map<string, ProtoValue>;
export interface ProtoObject {
  [field: string]: ProtoValue;
}

const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });
const maxDepth = 100;

// Wire type of each scalar as protobufjs numbers them (types.basic), used for packed reading.
const packable = new Set(['double', 'float', 'int32', 'uint32', 'sint32', 'fixed32', 'sfixed32', 'int64', 'uint64', 'sint64', 'fixed64', 'sfixed64', 'bool']);

function wireTypeOf(type: string, resolved: protobuf.ReflectionObject | null): number {
  if (resolved instanceof protobuf.Enum) return 0;
  if (resolved instanceof protobuf.Type) return 2;
  return (protobuf.types.basic as Record<string, number>)[type] ?? 2;
}

function readScalar(r: WireReader, type: string): ProtoValue {
  switch (type) {
    case 'double':
      return r.fixed(8).getFloat64(0, true);
    case 'float':
      return r.fixed(4).getFloat32(0, true);
    case 'int32':
      return Number(BigInt.asIntN(32, r.varint()));
    case 'uint32':
      return Number(BigInt.asUintN(32, r.varint()));
    case 'sint32':
      return Number(zigzag(BigInt.asUintN(32, r.varint())));
    case 'fixed32':
      return r.fixed(4).getUint32(0, true);
    case 'sfixed32':
      return r.fixed(4).getInt32(0, true);
    case 'int64':
      return signed64(r.varint());
    case 'uint64':
      return r.varint();
    case 'sint64':
      return zigzag(r.varint());
    case 'fixed64':
      return r.fixed(8).getBigUint64(0, true);
    case 'sfixed64':
      return r.fixed(8).getBigInt64(0, true);
    case 'bool':
      return r.varint() !== 0n;
    case 'string':
      return lenientUtf8.decode(r.lengthDelimited());
    case 'bytes':
      return r.lengthDelimited();
    default:
      throw new WireError(`unknown scalar type ${type}`);
  }
}

function readValue(r: WireReader, field: protobuf.Field | { type: string; resolvedType: protobuf.ReflectionObject | null }, depth: number): ProtoValue {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return decodeProtoMessage(resolved, r.lengthDelimited(), depth + 1);
  if (resolved instanceof protobuf.Enum) {
    const n = Number(BigInt.asIntN(32, r.varint()));
    return resolved.valuesById[n] ?? n;
  }
  return readScalar(r, field.type);
}

function readMapEntry(r: WireReader, field: protobuf.MapField, depth: number): [string, ProtoValue] {
  const entry = new WireReader(r.lengthDelimited());
  let key: ProtoValue = '';
  let value: ProtoValue | undefined;
  while (!entry.done) {
    const t = entry.tag();
    if (t.field === 1) key = readScalar(entry, field.keyType);
    else if (t.field === 2) value = readValue(entry, field, depth);
    else entry.skip(t.wireType, t.field);
  }
  return [String(key), value ?? ''];
}

function append(target: ProtoObject, name: string, value: ProtoValue): void {
  const list = target[name];
  if (Array.isArray(list)) list.push(value);
  else target[name] = [value];
}

/** Decodes one message; throws WireError (with an offset) on bytes that are not this type. */
export function decodeProtoMessage(type: protobuf.Type, bytes: Uint8Array, depth = 0): ProtoObject {
  if (depth > maxDepth) throw new WireError('messages are nested too deeply');
  const r = new WireReader(bytes);
  const out: ProtoObject = {};
  while (!r.done) {
    const t = r.tag();
    if (t.wireType === 4) throw new WireError(`a group ends at offset ${t.at} that never started`);
    const field = type.fieldsById[t.field];
    if (!field) {
      // Unknown: a varint as its number, anything else as its raw bytes.
      const start = r.pos;
      if (t.wireType === 0) out[`#${t.field}`] = r.varint();
      else {
        r.skip(t.wireType, t.field);
        out[`#${t.field}`] = bytes.subarray(start, r.pos);
      }
      continue;
    }
    if (field instanceof protobuf.MapField) {
      if (t.wireType !== 2) throw mismatch(field, t.wireType, t.at);
      const [key, value] = readMapEntry(r, field, depth);
      const map = out[field.name] instanceof Map ? (out[field.name] as Map<string, ProtoValue>) : new Map<string, ProtoValue>();
      map.set(key, value);
      out[field.name] = map;
      continue;
    }
    const expected = wireTypeOf(field.type, field.resolvedType);
    if (field.repeated && t.wireType === 2 && (packable.has(field.type) || field.resolvedType instanceof protobuf.Enum)) {
      const packed = new WireReader(r.lengthDelimited());
      if (!Array.isArray(out[field.name])) out[field.name] = [];
      while (!packed.done) append(out, field.name, readValue(packed, field, depth));
      continue;
    }
    if (t.wireType !== expected) throw mismatch(field, t.wireType, t.at);
    const value = readValue(r, field, depth);
    if (field.repeated) append(out, field.name, value);
    else out[field.name] = value;
  }
  return out;
}

const wireNames = ['varint', '64-bit', 'length-delimited', 'group start', 'group end', '32-bit'];

function mismatch(field: protobuf.Field, wireType: number, at: number): WireError {
  return new WireError(`field ${field.name} (${field.id}) is ${field.type} but arrives as ${wireNames[wireType] ?? `wire type ${wireType}`} at offset ${at}`);
}
