// .proto text to a schema, with protobufjs's parser: its message when the text does
// not parse, and the message types a user can pick.
import protobuf from 'protobufjs';

export type ProtoSchema = { ok: true; root: protobuf.Root; messageTypes: string[] } | { ok: false; reason: string };

function collectTypes(ns: protobuf.NamespaceBase, out: string[]): void {
  for (const nested of ns.nestedArray) {
    if (nested instanceof protobuf.Type) out.push(nested.fullName.replace(/^\./, ''));
    if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) collectTypes(nested, out);
  }
}

/** Parses and resolves every type reference, so a missing type is said now, not at decode time. */
export function parseProtoSchema(text: string): ProtoSchema {
  // The view decodes message after message with the same file: parse it once.
  if (lastParsed?.text === text) return lastParsed.schema;
  const schema = parseUncached(text);
  lastParsed = { text, schema };
  return schema;
}

let lastParsed: { text: string; schema: ProtoSchema } | null = null;

function parseUncached(text: string): ProtoSchema {
  try {
    const root = protobuf.parse(text, { keepCase: true, alternateCommentMode: false }).root;
    root.resolveAll();
    const messageTypes: string[] = [];
    collectTypes(root, messageTypes);
    if (messageTypes.length === 0) return { ok: false, reason: 'The file defines no message type.' };
    return { ok: true, root, messageTypes };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

export function findMessageType(root: protobuf.Root, name: string): protobuf.Type | null {
  try {
    return root.lookupType(name);
  } catch {
    return null;
  }
}
