// Cuts a byte stream into whole MQTT control packets, exactly as they were on the
// wire: fixed header byte, Remaining Length (1 to 4 bytes, 7 bits each), body.
// The capture keeps these frames as the raw bytes of each packet, and fault injection
// drops or delays whole frames, never half a packet.

/** The Remaining Length field may use at most four bytes (MQTT 3.1.1 §2.2.3, 5.0 §1.5.5). */
const maxLengthBytes = 4;

export class FramingError extends Error {}

export class MqttFramer {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  /** Set once the stream is broken beyond repair (a malformed length): no frames follow. */
  broken: FramingError | null = null;

  /** Adds bytes and returns every frame now complete, in order. */
  push(chunk: Uint8Array): Uint8Array[] {
    if (this.broken) return [];
    if (chunk.length) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const frames: Uint8Array[] = [];
    for (;;) {
      const size = this.nextFrameSize();
      if (size === null || size > this.buffered) break;
      frames.push(this.take(size));
    }
    return frames;
  }

  /** Hands back the bytes held (after framing broke, they pass through unframed). */
  drain(): Uint8Array {
    const out = new Uint8Array(this.buffered);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    this.chunks = [];
    this.buffered = 0;
    return out;
  }

  /** Bytes held that do not yet make a whole packet. */
  get pending(): number {
    return this.buffered;
  }

  private nextFrameSize(): number | null {
    if (this.buffered < 2) return null;
    let multiplier = 1;
    let length = 0;
    for (let i = 1; i <= maxLengthBytes; i++) {
      if (i >= this.buffered) return null;
      const byte = this.byteAt(i);
      length += (byte & 0x7f) * multiplier;
      if ((byte & 0x80) === 0) return 1 + i + length;
      multiplier *= 128;
    }
    this.broken = new FramingError('Malformed Remaining Length: more than four bytes');
    return null;
  }

  private byteAt(index: number): number {
    for (const c of this.chunks) {
      if (index < c.length) return c[index];
      index -= c.length;
    }
    throw new RangeError('byteAt past the buffered bytes');
  }

  private take(size: number): Uint8Array {
    this.buffered -= size;
    const first = this.chunks[0];
    if (first.length === size) {
      this.chunks.shift();
      return first;
    }
    if (first.length > size) {
      this.chunks[0] = first.subarray(size);
      return first.subarray(0, size);
    }
    const out = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const c = this.chunks[0];
      const n = Math.min(c.length, size - filled);
      out.set(c.subarray(0, n), filled);
      filled += n;
      if (n === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(n);
    }
    return out;
  }
}
