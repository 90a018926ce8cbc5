// Where the capture keeps each packet's raw bytes: copied one after another into
// shared 1 MB blocks instead of one small buffer per packet. A million small buffers
// cost the garbage collector more than the model did; a block goes when the last
// packet in it has left the capture's ring (nothing else refers to it).
const blockSize = 1024 * 1024;
/** Larger frames get a buffer of their own rather than wasting the rest of a block. */
const ownBufferAbove = blockSize / 8;

export interface RawRef {
  block: Uint8Array;
  start: number;
  length: number;
}

export class RawArena {
  private block = new Uint8Array(blockSize);
  private used = 0;

  /** Copies the frame (which may be a view into a socket chunk that is about to be reused). */
  store(frame: Uint8Array): RawRef {
    if (frame.length > ownBufferAbove) return { block: frame.slice(), start: 0, length: frame.length };
    if (this.used + frame.length > this.block.length) {
      this.block = new Uint8Array(blockSize);
      this.used = 0;
    }
    const start = this.used;
    this.block.set(frame, start);
    this.used += frame.length;
    return { block: this.block, start, length: frame.length };
  }
}
