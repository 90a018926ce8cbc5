// The decoders' requests: rules and .proto files from the store, and payload pieces
// from the topic's history (the bytes stay in the core; the view asks for what it shows).
import type { RequestArg, RequestResults } from '../../../shared/contract';
import type { ConnectionEntry } from '../connection-entry';
import { decoderStoreFor } from './decoder-store';
import { payloadPart } from './payload-part';

type DecoderRequestName = 'getDecoderSettings' | 'saveDecoderRule' | 'deleteDecoderRule' | 'addProtoFile' | 'removeProtoFile' | 'getProtoFile' | 'getPayloadPart';
type DecoderHandlers = { [K in DecoderRequestName]: (arg: RequestArg<K>) => RequestResults[K] };

export function createDecoderHandlers(dataDir: string, entryOf: (connectionId: string) => ConnectionEntry): DecoderHandlers {
  const store = decoderStoreFor(dataDir);
  return {
    getDecoderSettings: () => store.settings(),
    saveDecoderRule: ({ rule }) => store.saveRule(rule),
    deleteDecoderRule: ({ filter }) => store.deleteRule(filter),
    addProtoFile: (arg) => ('path' in arg ? store.addProtoFileFromPath(arg.path) : store.addProtoFile(arg.name, arg.text, 'text')),
    removeProtoFile: ({ name }) => store.removeProtoFile(name),
    getProtoFile: ({ name }) => ({ name, text: store.protoText(name) }),
    getPayloadPart: ({ connectionId, topic, seq, offset, length }) => {
      const message = entryOf(connectionId).tree.find(topic)?.history?.get(seq);
      return message ? payloadPart(message.payload, offset, length) : null;
    },
  };
}
