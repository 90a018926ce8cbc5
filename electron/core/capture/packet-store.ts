// The packet log's ring buffer, kept in columns: one typed array per number field and
// one array per string field, instead of an object per packet. A capture of 200,000
// packets is then a few dozen arrays rather than half a million objects, which is what
// made the garbage collector the capture's largest cost under load. Records are built
// only for what a view shows; filters read the columns directly.
import type { PacketRecord } from '../../../shared/capture-contract';
import { packetTypeNames, type PacketTypeName } from '../../../shared/packet-types';
import { RawArena, type RawRef } from './raw-arena';

/** A packet as the capture hands it out: its record, its bytes and the protocol it was read with. */
export interface StoredPacket {
  record: PacketRecord;
  raw: Uint8Array;
  protocolVersion: number;
}

export type NewPacket = Omit<PacketRecord, 'seq' | 'time'>;

const fromClientBit = 1;
const dupBit = 2;
const retainBit = 4;
const droppedBit = 8;
const delayedBit = 16;

class Columns {
  readonly at: Float64Array;
  readonly size: Uint32Array;
  readonly type: Uint8Array;
  readonly bits: Uint8Array;
  /** -1 stands for null in the number columns below. */
  readonly qos: Int8Array;
  readonly packetId: Int32Array;
  readonly reasonCode: Int16Array;
  readonly flowId: Float64Array;
  readonly protocolVersion: Uint8Array;
  readonly rawStart: Uint32Array;
  readonly rawBlock: (Uint8Array | undefined)[];
  readonly linkId: (string | undefined)[];
  readonly topic: (string | null)[];
  readonly error: (string | null)[];

  constructor(readonly length: number) {
    this.at = new Float64Array(length);
    this.size = new Uint32Array(length);
    this.type = new Uint8Array(length);
    this.bits = new Uint8Array(length);
    this.qos = new Int8Array(length);
    this.packetId = new Int32Array(length);
    this.reasonCode = new Int16Array(length);
    this.flowId = new Float64Array(length);
    this.protocolVersion = new Uint8Array(length);
    this.rawStart = new Uint32Array(length);
    this.rawBlock = new Array(length);
    this.linkId = new Array(length);
    this.topic = new Array(length).fill(null);
    this.error = new Array(length).fill(null);
  }

  copy(from: Columns, fromSlot: number, toSlot: number): void {
    this.at[toSlot] = from.at[fromSlot];
    this.size[toSlot] = from.size[fromSlot];
    this.type[toSlot] = from.type[fromSlot];
    this.bits[toSlot] = from.bits[fromSlot];
    this.qos[toSlot] = from.qos[fromSlot];
    this.packetId[toSlot] = from.packetId[fromSlot];
    this.reasonCode[toSlot] = from.reasonCode[fromSlot];
    this.flowId[toSlot] = from.flowId[fromSlot];
    this.protocolVersion[toSlot] = from.protocolVersion[fromSlot];
    this.rawStart[toSlot] = from.rawStart[fromSlot];
    this.rawBlock[toSlot] = from.rawBlock[fromSlot];
    this.linkId[toSlot] = from.linkId[fromSlot];
    this.topic[toSlot] = from.topic[fromSlot];
    this.error[toSlot] = from.error[fromSlot];
  }

  clear(slot: number): void {
    // Let the raw block and strings go with the packet.
    this.rawBlock[slot] = undefined;
    this.linkId[slot] = undefined;
    this.topic[slot] = null;
    this.error[slot] = null;
  }
}

/** Topic names repeat with every message; one string per distinct topic instead of one per packet. */
class Interner {
  private strings = new Map<string, string>();
  intern(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    if (this.strings.size >= 100_000) this.strings = new Map();
    this.strings.set(s, s);
    return s;
  }
}

export class PacketStore {
  private columns: Columns;
  private nextSeq = 0;
  private size = 0;
  private readonly arena = new RawArena();
  private readonly topics = new Interner();

  // Starts small and doubles up to the capacity, like the other rings.
  constructor(private capacity: number) {
    this.columns = new Columns(Math.min(capacity, 1024));
  }

  get count(): number {
    return this.size;
  }
  /** Packets ever captured. */
  get total(): number {
    return this.nextSeq;
  }
  get evicted(): number {
    return this.nextSeq - this.size;
  }
  get oldestSeq(): number {
    return this.nextSeq - this.size;
  }
  get limit(): number {
    return this.capacity;
  }

  push(p: NewPacket, raw: Uint8Array, protocolVersion: number): number {
    const c0 = this.columns;
    if (this.size === c0.length && c0.length < this.capacity) this.grow();
    const c = this.columns;
    const seq = this.nextSeq++;
    const slot = seq % c.length;
    if (this.size === c.length) c.clear(slot);
    else this.size++;
    const ref: RawRef = this.arena.store(raw);
    c.at[slot] = p.at;
    c.size[slot] = p.size;
    c.type[slot] = packetTypeNames.indexOf(p.type);
    c.bits[slot] =
      (p.fromClient ? fromClientBit : 0) | (p.dup ? dupBit : 0) | (p.retain ? retainBit : 0) | (p.fault === 'dropped' ? droppedBit : p.fault === 'delayed' ? delayedBit : 0);
    c.qos[slot] = p.qos ?? -1;
    c.packetId[slot] = p.packetId ?? -1;
    c.reasonCode[slot] = p.reasonCode ?? -1;
    c.flowId[slot] = p.flowId ?? -1;
    c.protocolVersion[slot] = protocolVersion;
    c.rawStart[slot] = ref.start;
    c.rawBlock[slot] = ref.block;
    c.linkId[slot] = p.linkId;
    c.topic[slot] = p.topic === null ? null : this.topics.intern(p.topic);
    c.error[slot] = p.error;
    return seq;
  }

  has(seq: number): boolean {
    return seq >= this.oldestSeq && seq < this.nextSeq;
  }

  setFlowId(seq: number, flowId: number | null): void {
    if (this.has(seq)) this.columns.flowId[seq % this.columns.length] = flowId ?? -1;
  }

  record(seq: number): PacketRecord | undefined {
    if (!this.has(seq)) return undefined;
    const c = this.columns;
    const slot = seq % c.length;
    const bits = c.bits[slot];
    const at = c.at[slot];
    return {
      seq,
      at,
      time: performance.timeOrigin + at,
      linkId: c.linkId[slot]!,
      fromClient: (bits & fromClientBit) !== 0,
      type: packetTypeNames[c.type[slot]] as PacketTypeName,
      size: c.size[slot],
      packetId: nullable(c.packetId[slot]),
      qos: nullable(c.qos[slot]) as PacketRecord['qos'],
      dup: (bits & dupBit) !== 0,
      retain: (bits & retainBit) !== 0,
      topic: c.topic[slot],
      reasonCode: nullable(c.reasonCode[slot]),
      fault: bits & droppedBit ? 'dropped' : bits & delayedBit ? 'delayed' : null,
      error: c.error[slot],
      flowId: nullable(c.flowId[slot]),
    };
  }

  /** The packet's bytes: a view into the capture's storage, valid while the packet is kept. */
  raw(seq: number): Uint8Array | undefined {
    if (!this.has(seq)) return undefined;
    const c = this.columns;
    const slot = seq % c.length;
    const start = c.rawStart[slot];
    return c.rawBlock[slot]!.subarray(start, start + c.size[slot]);
  }

  get(seq: number): StoredPacket | undefined {
    const record = this.record(seq);
    if (!record) return undefined;
    return { record, raw: this.raw(seq)!, protocolVersion: this.columns.protocolVersion[seq % this.columns.length] };
  }

  // Column reads for the filters, which run over the whole ring without building records.
  typeOf(seq: number): PacketTypeName {
    return packetTypeNames[this.columns.type[seq % this.columns.length]] as PacketTypeName;
  }
  linkIdOf(seq: number): string {
    return this.columns.linkId[seq % this.columns.length]!;
  }
  topicOf(seq: number): string | null {
    return this.columns.topic[seq % this.columns.length];
  }
  flowIdOf(seq: number): number | null {
    return nullable(this.columns.flowId[seq % this.columns.length]);
  }

  *values(): IterableIterator<StoredPacket> {
    for (let s = this.oldestSeq; s < this.nextSeq; s++) yield this.get(s)!;
  }

  setCapacity(capacity: number): void {
    const keep = Math.min(this.size, capacity);
    const from = this.nextSeq - keep;
    const next = new Columns(Math.max(Math.min(capacity, 1024), keep));
    for (let s = from; s < this.nextSeq; s++) next.copy(this.columns, s % this.columns.length, s % next.length);
    this.columns = next;
    this.capacity = capacity;
    this.size = keep;
  }

  // Growing re-seats packets so that seq % length still finds them.
  private grow(): void {
    const next = new Columns(Math.min(this.capacity, this.columns.length * 2));
    for (let s = this.oldestSeq; s < this.nextSeq; s++) next.copy(this.columns, s % this.columns.length, s % next.length);
    this.columns = next;
  }
}

function nullable(n: number): number | null {
  return n < 0 ? null : n;
}
