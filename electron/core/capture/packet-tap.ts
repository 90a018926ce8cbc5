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

/** How long a closed tap waits for the party behind it to read what is left. */
const closeGraceMs = 5000;

export interface TapListener {
  /**
   * A whole packet went past (or was dropped): fromClient says which way it travelled.
   * The frame may be a view into a socket chunk: valid during the call only, copy what is kept.
   */
  frame(frame: Uint8Array, fromClient: boolean, fault: FrameFault): void;
  /** The network stream closed. */
  closed(): void;
  /** What the user's faults do to the next packet of this type going this way. */
  decide(type: PacketTypeName, fromClient: boolean): FaultDecision;
  /** Whether any fault could apply to packets going this way now; if none can, bytes pass on as they came. */
  faultsPossible(fromClient: boolean): boolean;
  /** false: the capture is off, packets are not reported (they are still framed, so faults can start at a packet boundary). */
  readonly recording: boolean;
}

/** One direction through the tap. */
interface Way {
  framer: MqttFramer;
  queue: FrameQueue;
  fromClient: boolean;
  pass: (raw: Uint8Array) => void;
  /** Bytes of the packet in progress that already went on inside a whole chunk. */
  ahead: number;
}

export class PacketTap extends Duplex {
  private readonly toRemote: FrameQueue;
  private readonly toLocal: FrameQueue;
  private readonly outgoing: Way;
  private readonly incoming: Way;

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
      if (this.listener.recording) this.listener.frame(frame, this.localIsClient, delayed ? 'delayed' : null);
      if (!this.inner.destroyed) this.inner.write(frame);
    });
    this.toLocal = new FrameQueue((frame, delayed) => {
      if (this.listener.recording) this.listener.frame(frame, !this.localIsClient, delayed ? 'delayed' : null);
      if (!this.push(frame)) this.inner.pause();
    });
    this.outgoing = {
      framer: new MqttFramer(),
      queue: this.toRemote,
      fromClient: localIsClient,
      pass: (raw) => {
        if (!this.inner.destroyed) this.inner.write(raw);
      },
      ahead: 0,
    };
    this.incoming = {
      framer: new MqttFramer(),
      queue: this.toLocal,
      fromClient: !localIsClient,
      pass: (raw) => {
        if (!this.push(raw)) this.inner.pause();
      },
      ahead: 0,
    };
    inner.on('data', (chunk: Buffer) => this.route(chunk, this.incoming));
    inner.on('end', () => this.toLocal.whenIdle(() => this.endReadable()));
    inner.on('error', (err) => this.destroy(err));
    inner.on('close', () => {
      this.listener.closed();
      // What the socket delivered before it closed still goes to the party behind the tap:
      // destroying now would drop the packets it has not read yet (the end of a backlog
      // when a publisher disconnects). The tap goes once that side has read to the end.
      this.toLocal.whenIdle(() => this.endReadable());
      if (this.readableEnded) this.destroy();
      else {
        this.once('end', () => this.destroy());
        // A party that stops reading must not keep the tap alive.
        setTimeout(() => this.destroy(), closeGraceMs).unref();
      }
    });
  }

  private endPushed = false;

  private endReadable(): void {
    if (this.endPushed || this.destroyed) return;
    this.endPushed = true;
    this.push(null);
  }

  /** Pulls the cable: the network stream closes at once, without DISCONNECT. */
  cut(): void {
    this.inner.destroy();
  }

  override _read(): void {
    if (this.inner.isPaused()) this.inner.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.route(chunk, this.outgoing);
    callback();
  }

  // mqtt-packet writes a packet in pieces while the stream is corked; on uncork they
  // arrive here together and go on as one write (one system call, as without the tap).
  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    this.inner.cork();
    for (const { chunk } of chunks) this.route(chunk, this.outgoing);
    this.inner.uncork();
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

  private route(chunk: Uint8Array, way: Way): void {
    const { framer, fromClient } = way;
    if (framer.broken) {
      // Framing is lost for good (a malformed length): pass bytes on as they come and
      // let the receiving side reject them, as it would without us in between.
      way.pass(chunk);
      return;
    }
    if (way.queue.idle && !this.listener.faultsPossible(fromClient)) {
      // No fault can touch these packets: the chunk goes on whole, as it came (one write
      // instead of one per packet: the fast path while devices stream).
      const frames = framer.push(chunk);
      if (this.listener.recording) for (const frame of frames) this.listener.frame(frame, fromClient, null);
      way.pass(chunk);
      way.ahead = framer.broken ? 0 : framer.pending;
      return;
    }
    for (const frame of framer.push(chunk)) {
      // Copy: a frame may be a view into a large socket chunk that should not stay alive.
      const own = frame.slice();
      if (way.ahead > 0) {
        // This packet began in a chunk that went on whole: its rest follows, untouched by faults.
        if (this.listener.recording) this.listener.frame(own, fromClient, null);
        way.pass(own.subarray(way.ahead));
        way.ahead = 0;
        continue;
      }
      const type = packetTypeOf(own[0]);
      const decision: FaultDecision = type ? this.listener.decide(type, fromClient) : { action: 'pass' };
      if (decision.action === 'drop') {
        if (this.listener.recording) this.listener.frame(own, fromClient, 'dropped');
        continue;
      }
      way.queue.send(own, decision.action === 'delay' ? decision.ms : 0);
    }
    if (framer.broken) {
      const rest = framer.drain();
      // Bytes of a packet that already went on in part are not sent twice.
      const unsent = rest.subarray(Math.min(way.ahead, rest.length));
      way.ahead = 0;
      if (unsent.length) way.pass(unsent);
    }
  }
}
