// A transparent proxy between one side of an MQTT connection (MQTT.js, or Aedes for
// one of its clients) and the network stream. It cuts both directions into whole
// packets, reports each one with its raw bytes, and applies the user's faults: a
// dropped packet never reaches the other side, a delayed one arrives late.
import { Duplex } from 'node:stream';
import { packetTypeOf } from '../../../shared/packet-types';
import type { FaultDecision } from './fault-plan';
import type { PacketTypeName } from '../../../shared/packet-types';
import { FrameQueue } from './frame-queue';
import { MqttFramer } from './mqtt-framer';

export type FrameFault = 'dropped' | 'delayed' | null;

export interface TapListener {
  /** A whole packet went past (or was dropped): fromClient says which way it travelled. */
  frame(frame: Uint8Array, fromClient: boolean, fault: FrameFault): void;
  /** The network stream closed. */
  closed(): void;
  /** What the user's faults do to the next packet of this type going this way. */
  decide(type: PacketTypeName, fromClient: boolean): FaultDecision;
}

export class PacketTap extends Duplex {
  private readonly localFramer = new MqttFramer();
  private readonly remoteFramer = new MqttFramer();
  private readonly toRemote: FrameQueue;
  private readonly toLocal: FrameQueue;

  /**
   * @param inner the network stream
   * @param localIsClient true when the side that writes into this tap is the MQTT client
   */
  constructor(
    private readonly inner: Duplex,
    private readonly localIsClient: boolean,
    private readonly listener: TapListener,
  ) {
    super({ allowHalfOpen: false });
    // Packets are reported when they go on, so the capture's order and times are the wire's.
    this.toRemote = new FrameQueue((frame, delayed) => {
      this.listener.frame(frame, this.localIsClient, delayed ? 'delayed' : null);
      if (!this.inner.destroyed) this.inner.write(frame);
    });
    this.toLocal = new FrameQueue((frame, delayed) => {
      this.listener.frame(frame, !this.localIsClient, delayed ? 'delayed' : null);
      if (!this.push(frame)) this.inner.pause();
    });
    inner.on('data', (chunk: Buffer) => this.fromRemote(chunk));
    inner.on('end', () => this.toLocal.whenIdle(() => this.push(null)));
    inner.on('error', (err) => this.destroy(err));
    inner.on('close', () => {
      this.listener.closed();
      this.destroy();
    });
  }

  /** Pulls the cable: the network stream closes at once, without DISCONNECT. */
  cut(): void {
    this.inner.destroy();
  }

  override _read(): void {
    if (this.inner.isPaused()) this.inner.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.route(chunk, this.localFramer, this.localIsClient, this.toRemote, (raw) => this.inner.write(raw));
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.toRemote.whenIdle(() => {
      this.inner.end();
      callback();
    });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.toRemote.stop();
    this.toLocal.stop();
    if (!this.inner.destroyed) this.inner.destroy();
    callback(error);
  }

  private fromRemote(chunk: Buffer): void {
    this.route(chunk, this.remoteFramer, !this.localIsClient, this.toLocal, (raw) => this.push(raw));
  }

  private route(chunk: Uint8Array, framer: MqttFramer, fromClient: boolean, queue: FrameQueue, passRaw: (raw: Uint8Array) => void): void {
    if (framer.broken) {
      // Framing is lost for good (a malformed length): pass bytes on as they come and
      // let the receiving side reject them, as it would without us in between.
      passRaw(chunk);
      return;
    }
    for (const frame of framer.push(chunk)) {
      // Copy: a frame may be a view into a large socket chunk that should not stay alive.
      const own = frame.slice();
      const type = packetTypeOf(own[0]);
      const decision: FaultDecision = type ? this.listener.decide(type, fromClient) : { action: 'pass' };
      if (decision.action === 'drop') {
        this.listener.frame(own, fromClient, 'dropped');
        continue;
      }
      queue.send(own, decision.action === 'delay' ? decision.ms : 0);
    }
    if (framer.broken) {
      const rest = framer.drain();
      if (rest.length) passRaw(rest);
    }
  }
}
