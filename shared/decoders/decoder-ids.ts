// The decoders a user can pick, in the order the picker lists them.
export const decoderIds = ['text', 'json', 'hex', 'base64', 'msgpack', 'cbor', 'protobuf', 'sparkplug', 'numbers'] as const;
export type DecoderId = (typeof decoderIds)[number];

export const decoderLabels: Record<DecoderId, string> = {
  text: 'UTF-8 text',
  json: 'JSON',
  hex: 'Hex dump',
  base64: 'Base64',
  msgpack: 'MessagePack',
  cbor: 'CBOR',
  protobuf: 'Protobuf',
  sparkplug: 'Sparkplug B',
  numbers: 'Numbers (raw binary)',
};
