// A payload decoded: the decoder picker (automatic, remembered per topic filter, or
// picked here), Protobuf's file and type, and the decoded view, with the hex dump under
// a decoder's reason when it fails. A large payload is decoded from its first part and
// says how much that is ("Showing 1 MB of 212 MB"); Load all and Download fetch the rest
// piece by piece. Without a topic (the retained view) it shows text, JSON or hex as before.
import { useEffect, useMemo, useState } from 'react';
import type { DecoderId } from '../../shared/decoders/decoder-ids';
import type { NumberPick } from '../../shared/decoders/raw-numbers';
import { chooseDecoder, runDecoder } from '../../shared/decoders/registry';
import { useApi } from '../app/api-context';
import { decoderChoice, type DecoderPick } from '../lib/decoder-choice';
import { ensureProtoText, loadDecoderSettings } from '../lib/decoder-settings-actions';
import { useDecoderSettingsStore } from '../lib/decoder-settings-store';
import { base64Head, type PayloadSource } from '../lib/payload-parts';
import { base64Size, decodeLimit, trimCutCharacter } from '../lib/payload-shown';
import { DecodedPayload } from './decoders/decoded-view';
import { DecoderBar } from './decoders/decoder-bar';
import { PayloadCut } from './decoders/payload-cut';
import { ProtoSection } from './decoders/proto-section';
import { PayloadFormats } from './payload-formats';

export interface PayloadBodyProps {
  payloadBase64: string;
  /** The wrapper's class, so each panel can size it. */
  className?: string;
  /** The topic: rules apply to it and Sparkplug is known by it (none: no rules, no Remember). */
  topic?: string;
  /** The whole payload's size when payloadBase64 holds only its first part. */
  size?: number;
  contentType?: string | null;
  /** Where to fetch the rest of a large payload. */
  source?: PayloadSource;
}

const textual = new Set<DecoderId>(['text', 'json', 'base64']);

export function PayloadBody(props: PayloadBodyProps) {
  if (props.topic === undefined) return <PayloadFormats payloadBase64={props.payloadBase64} className={props.className} />;
  return <DecodedPayloadBody {...props} topic={props.topic} />;
}

function DecodedPayloadBody({ payloadBase64, className, topic, size, contentType, source }: PayloadBodyProps & { topic: string }) {
  const api = useApi();
  const settings = useDecoderSettingsStore((s) => s.settings);
  const protoTexts = useDecoderSettingsStore((s) => s.protoTexts);
  const head = useMemo(() => base64Head(payloadBase64, decodeLimit), [payloadBase64]);
  const total = size ?? base64Size(payloadBase64);
  const [whole, setWhole] = useState<Uint8Array | null>(null);
  const bytes = whole ?? head;
  const complete = bytes.length >= total;

  const [pick, setPick] = useState<DecoderPick>('auto');
  const [numbersPick, setNumbersPick] = useState<NumberPick | null>(null);
  const choice = decoderChoice(pick, settings?.rules ?? [], { bytes, topic, contentType });
  const auto = useMemo(() => chooseDecoder({ bytes, topic, contentType }).decoder, [bytes, topic, contentType]);
  const [proto, setProto] = useState<{ protoFile: string | null; messageType: string | null } | null>(null);
  const protobuf = proto ?? { protoFile: choice.rule?.protoFile ?? null, messageType: choice.rule?.messageType ?? null };

  useEffect(() => {
    if (!settings) loadDecoderSettings(api).catch(() => undefined);
  }, [api, settings]);
  useEffect(() => {
    if (choice.decoder === 'protobuf' && protobuf.protoFile) ensureProtoText(api, protobuf.protoFile).catch(() => undefined);
  }, [api, choice.decoder, protobuf.protoFile]);

  const protoText = protobuf.protoFile ? (protoTexts[protobuf.protoFile] ?? null) : null;
  const result = useMemo(() => {
    // A text cut at the display limit may end inside a character: that half is not the device's fault.
    const decodeBytes = !complete && textual.has(choice.decoder) ? trimCutCharacter(bytes) : bytes;
    // JSON cut short does not parse: show its start as text, and the cut notice says why.
    const decoder = !complete && choice.decoder === 'json' ? 'text' : choice.decoder;
    return runDecoder(decoder, { bytes: decodeBytes, topic, contentType, numbers: numbersPick, protobuf: { protoText, protoFile: protobuf.protoFile, messageType: protobuf.messageType } });
  }, [bytes, complete, choice.decoder, topic, contentType, numbersPick, protoText, protobuf.protoFile, protobuf.messageType]);

  return (
    <div className={`payload-decoded ${className ?? ''}`}>
      <DecoderBar topic={topic} pick={pick} auto={auto} choice={choice} onPick={setPick} protobuf={protobuf} />
      {choice.decoder === 'protobuf' && <ProtoSection files={settings?.protoFiles ?? []} protoFile={protobuf.protoFile} messageType={protobuf.messageType} onChange={(protoFile, messageType) => setProto({ protoFile, messageType })} />}
      {!complete && <PayloadCut shown={bytes.length} total={total} head={bytes} source={source ?? null} topic={topic} jsonAsText={choice.decoder === 'json'} onLoaded={setWhole} />}
      {total === 0 ? <p className="empty">Empty payload (0 bytes).</p> : <DecodedPayload result={result} bytes={bytes} complete={complete} numbersPick={numbersPick} onNumbersPick={setNumbersPick} />}
    </div>
  );
}
