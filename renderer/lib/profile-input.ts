// A profile form as what validateProfileInput and saveProfile take. Parts that do not
// apply (5.0 options under 3.x, TLS on mqtt://, a will that is off) are not sent, so a
// saved profile holds what its form showed; numbers go as typed when they are not numbers,
// for the schema to report them at their field.
import { isTlsProtocol, isWebSocketProtocol, type KeyValueRow, type ProfileForm, type SecretEdit, type TriState, type WillForm } from './profile-form';

/** '' = not set; a number as a number; anything else as typed, for the schema to name the field. */
export function numberInput(value: string): number | string | null {
  const t = value.trim();
  if (t === '') return null;
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** For fields with a default: blank means "the default". */
function numberOrDefault(value: string): number | string | undefined {
  return numberInput(value) ?? undefined;
}

function secretInput(edit: SecretEdit): string | null | undefined {
  if (edit.kind === 'clear') return null;
  if (edit.kind === 'set' && edit.value !== '') return edit.value;
  return undefined;
}

const triStateInput = (v: TriState): boolean | null => (v === 'unset' ? null : v === 'yes');
const blankToNull = (v: string): string | null => (v.trim() === '' ? null : v);
const pairs = (list: KeyValueRow[]): [string, string][] => list.filter((r) => r.name !== '' || r.value !== '').map((r) => [r.name, r.value]);

export function alpnList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** What validateProfileInput and saveProfile take (loosely typed: a typed field may still be wrong). */
export function profileInputFromForm(f: ProfileForm): Record<string, unknown> {
  const v5 = f.protocolVersion === 5;
  const input: Record<string, unknown> = {
    name: f.name,
    protocol: f.protocol,
    host: f.host,
    port: numberInput(f.port),
    path: isWebSocketProtocol(f.protocol) ? f.path : '',
    protocolVersion: f.protocolVersion,
    clientId: f.clientId,
    username: blankToNull(f.username),
    keepalive: numberOrDefault(f.keepalive),
    clean: f.clean,
    sessionExpiryInterval: v5 ? numberInput(f.sessionExpiryInterval) : null,
    connectTimeout: numberOrDefault(f.connectTimeout),
    reconnectPeriod: numberOrDefault(f.reconnectPeriod),
    will: f.will.enabled ? willInput(f.will, v5) : null,
    properties: v5
      ? {
          receiveMaximum: numberInput(f.properties.receiveMaximum),
          maximumPacketSize: numberInput(f.properties.maximumPacketSize),
          topicAliasMaximum: numberInput(f.properties.topicAliasMaximum),
          requestResponseInformation: triStateInput(f.properties.requestResponseInformation),
          requestProblemInformation: triStateInput(f.properties.requestProblemInformation),
          userProperties: pairs(f.properties.userProperties),
        }
      : {},
    tls: isTlsProtocol(f.protocol)
      ? {
          caFile: blankToNull(f.tls.caFile),
          certFile: blankToNull(f.tls.certFile),
          keyFile: blankToNull(f.tls.keyFile),
          rejectUnauthorized: f.tls.rejectUnauthorized,
          servername: blankToNull(f.tls.servername),
          alpn: alpnList(f.tls.alpn),
          keyPassphrase: secretInput(f.tls.keyPassphrase),
        }
      : {},
    subscriptions: f.subscriptions.map((s) => ({
      filter: s.filter,
      qos: s.qos,
      noLocal: v5 && s.noLocal,
      retainAsPublished: v5 && s.retainAsPublished,
      retainHandling: v5 ? s.retainHandling : 0,
      subscriptionIdentifier: v5 ? numberInput(s.subscriptionIdentifier) : null,
    })),
    preset: f.preset,
  };
  if (f.id !== null) input.id = f.id;
  const password = secretInput(f.password);
  if (password !== undefined) input.password = password;
  return input;
}

function willInput(w: WillForm, v5: boolean): Record<string, unknown> {
  return {
    topic: w.topic,
    payload: w.payload,
    encoding: w.encoding,
    qos: w.qos,
    retain: w.retain,
    willDelayInterval: v5 ? numberInput(w.willDelayInterval) : null,
    payloadFormatIndicator: v5 && w.payloadFormat !== 'unset' ? w.payloadFormat === 'utf8' : null,
    messageExpiryInterval: v5 ? numberInput(w.messageExpiryInterval) : null,
    contentType: v5 ? blankToNull(w.contentType) : null,
    responseTopic: v5 ? blankToNull(w.responseTopic) : null,
    correlationData: v5 ? blankToNull(w.correlationData) : null,
    userProperties: v5 ? pairs(w.userProperties) : [],
  };
}
