// The Protobuf wire format, read by hand. protobufjs decodes with generated code
// (new Function), which the page's CSP forbids; its parser and reflection need none, so
// the schema comes from protobufjs and the bytes are walked here. 64-bit integers are
// BigInts: a Sparkplug timestamp or a uint64 counter must not be rounded.

export class WireError extends Error {}

export class WireReader {
  pos = 0;
  constructor(readonly bytes: Uint8Array, private readonly end = bytes.length) {}

  get done(): boolean {
    return this.pos >= this.end;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new WireError(`the data ends inside a varint at offset ${this.pos}`);
      const b = this.bytes[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result & 0xffff_ffff_ffff_ffffn;
      shift += 7n;
    }
    throw new WireError(`a varint at offset ${this.pos - 10} is longer than 10 bytes`);
  }

  fixed(length: 4 | 8): DataView {
    if (this.pos + length > this.end) throw new WireError(`the data ends inside a ${length * 8}-bit field at offset ${this.pos}`);
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.pos, length);
    this.pos += length;
    return view;
  }

  lengthDelimited(): Uint8Array {
    const at = this.pos;
    const length = this.varint();
    if (length > BigInt(this.end - this.pos)) throw new WireError(`a field at offset ${at} says ${length} bytes follow, but only ${this.end - this.pos} do`);
    const out = this.bytes.subarray(this.pos, this.pos + Number(length));
    this.pos += Number(length);
    return out;
  }

  /** Reads a tag: field number and wire type. */
  tag(): { field: number; wireType: number; at: number } {
    const at = this.pos;
    const key = this.varint();
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (field === 0) throw new WireError(`field number 0 at offset ${at} is not allowed`);
    if (field > 536_870_911) throw new WireError(`field number ${field} at offset ${at} is out of range`);
    return { field, wireType, at };
  }

  /** Skips a field of an unknown number (or a group), so unknown fields never stop decoding. */
  skip(wireType: number, field: number, depth = 0): void {
    switch (wireType) {
      case 0:
        this.varint();
        return;
      case 1:
        this.fixed(8);
        return;
      case 2:
        this.lengthDelimited();
        return;
      case 5:
        this.fixed(4);
        return;
      case 3: {
        if (depth > 64) throw new WireError('groups are nested too deeply');
        for (;;) {
          const t = this.tag();
          if (t.wireType === 4) {
            if (t.field !== field) throw new WireError(`a group ${field} is closed as ${t.field} at offset ${t.at}`);
            return;
          }
          this.skip(t.wireType, t.field, depth + 1);
        }
      }
      default:
        throw new WireError(`wire type ${wireType} at offset ${this.pos} does not exist`);
    }
  }
}

export function zigzag(n: bigint): bigint {
  return (n >> 1n) ^ -(n & 1n);
}

/** A varint as the signed 64-bit integer it encodes. */
export function signed64(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}
