// Decoders' part of the contract: the per-filter decoder rules, the user's .proto files,
// and a message's payload in pieces (a 256 MB payload is never sent in one go; the core
// keeps the bytes and the view asks for what it shows). contract.ts merges these in.
import { z } from 'zod';
import { decoderIds } from './decoders/decoder-ids';

const connectionId = z.string().min(1).max(100);
const topicText = z.string().max(65535);
/** A file name as stored in the data folder: no folders, ends in .proto. */
export const protoFileNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.proto$/;
const protoFileName = z.string().regex(protoFileNamePattern, 'a file name such as telemetry.proto (letters, digits, . _ -)');
/** Larger than any schema a person writes, small enough to parse at once. */
export const maxProtoFileBytes = 2 * 1024 * 1024;
/**
 * getMessage sends at most this much of a payload (its size says how much there is);
 * the view asks for the rest with getPayloadPart when the user wants it.
 */
export const messageHeadBytes = 1024 * 1024;
/** The largest piece of a payload one getPayloadPart answers. */
export const maxPayloadPartBytes = 8 * 1024 * 1024;

export const DecoderRuleSchema = z.object({
  /** An MQTT filter; the first rule whose filter matches the topic wins. */
  filter: topicText.min(1),
  decoder: z.enum(decoderIds),
  protoFile: protoFileName.optional(),
  /** The Protobuf message type, fully qualified (acme.telemetry.Frame). */
  messageType: z.string().min(1).max(500).optional(),
});
export type DecoderRule = z.infer<typeof DecoderRuleSchema>;

export const decoderRequestSchemas = {
  getDecoderSettings: z.undefined(),
  /** Replaces the rule with the same filter where it stands, or adds it first (so a narrower filter added later wins). */
  saveDecoderRule: z.object({ rule: DecoderRuleSchema }),
  deleteDecoderRule: z.object({ filter: topicText }),
  /** A .proto file from its text (uploaded in the window) or from a path on this machine; refused, at its field, when it does not parse. */
  addProtoFile: z.union([
    z.object({ name: protoFileName, text: z.string().max(maxProtoFileBytes) }),
    z.object({ path: z.string().min(1).max(4096) }),
  ]),
  removeProtoFile: z.object({ name: protoFileName }),
  getProtoFile: z.object({ name: protoFileName }),
  /** Bytes [offset, offset + length) of a kept message's payload. */
  getPayloadPart: z.object({
    connectionId,
    topic: topicText,
    seq: z.number().int().min(0),
    offset: z.number().int().min(0),
    length: z.number().int().min(1).max(maxPayloadPartBytes),
  }),
} as const;

export interface ProtoFileInfo {
  name: string;
  size: number;
  messageTypes: string[];
}

export interface DecoderSettings {
  rules: DecoderRule[];
  protoFiles: ProtoFileInfo[];
  /** Set when the stored rules or a stored file could not be read (they are set aside, not lost). */
  problem: string | null;
}

export interface PayloadPart {
  base64: string;
  offset: number;
  /** The whole payload's size. */
  total: number;
}

export interface DecoderResults {
  getDecoderSettings: DecoderSettings;
  saveDecoderRule: DecoderSettings;
  deleteDecoderRule: DecoderSettings;
  addProtoFile: DecoderSettings;
  removeProtoFile: DecoderSettings;
  getProtoFile: { name: string; text: string };
  /** null: the message is no longer kept. */
  getPayloadPart: PayloadPart | null;
}
