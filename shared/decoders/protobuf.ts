// Protobuf with a user's .proto file and the message type chosen for the topic.
import { failed, guarded, type DecodeResult } from './decode-result';
import { toPlainValue } from './plain-value';
import { decodeProtoMessage } from './proto-message';
import { findMessageType, parseProtoSchema } from './proto-schema';

export interface ProtobufChoice {
  /** The .proto text (null: no file chosen yet). */
  protoText: string | null;
  protoFile: string | null;
  messageType: string | null;
}

export function decodeProtobuf(bytes: Uint8Array, choice: ProtobufChoice): DecodeResult {
  if (choice.protoText === null) return failed('Protobuf needs a .proto file: add one and pick it for this topic.');
  if (!choice.messageType) return failed(`Protobuf needs a message type: pick one from ${choice.protoFile ?? 'the .proto file'}.`);
  const schema = parseProtoSchema(choice.protoText);
  if (!schema.ok) return failed(`${choice.protoFile ?? 'The .proto file'} does not parse: ${schema.reason}`);
  const type = findMessageType(schema.root, choice.messageType);
  if (!type) return failed(`${choice.protoFile ?? 'The .proto file'} has no message type ${choice.messageType}.`);
  return guarded(`Protobuf (${type.name})`, () => {
    const value = decodeProtoMessage(type, bytes);
    return { ok: true, value: { kind: 'tree', value: toPlainValue(value), summary: `Protobuf ${choice.messageType}` } };
  });
}
