// Decodes one whole frame (from MqttFramer) with mqtt-packet's parser, the same code
// MQTT.js and Aedes parse with. One decoder per link direction: the parser needs the
// protocol version, which the CONNECT of that link tells.
import mqttPacket, { type Packet } from 'mqtt-packet';
import { decodePublishFrame } from './publish-frame';

export type DecodedFrame = { packet: Packet; error: null } | { packet: null; error: string };

export class FrameDecoder {
  private parser: ReturnType<typeof mqttPacket.parser>;
  private last: DecodedFrame | null = null;

  constructor(private protocolVersion = 4) {
    this.parser = this.makeParser();
  }

  setProtocolVersion(version: number): void {
    if (version === this.protocolVersion) return;
    this.protocolVersion = version;
    this.parser = this.makeParser();
  }

  decode(frame: Uint8Array): DecodedFrame {
    const publish = decodePublishFrame(frame, this.protocolVersion);
    if (publish) return { packet: publish, error: null };
    this.last = null;
    this.parser.parse(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength));
    const result = this.last ?? { packet: null, error: 'The parser produced no packet from a whole frame' };
    this.last = null;
    return result;
  }

  private makeParser() {
    const parser = mqttPacket.parser({ protocolVersion: this.protocolVersion as 3 | 4 | 5 });
    parser.on('packet', (packet: Packet) => (this.last = { packet, error: null }));
    parser.on('error', (err: Error) => (this.last = { packet: null, error: err.message }));
    return parser;
  }
}
