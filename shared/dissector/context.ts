// The state of one dissection: a cursor over the bytes, the field tree being built, and the
// problems found. Reads past the current limit throw DissectError; dissectPacket catches it,
// so what was read before stays in the tree and the rest is shown as unread bytes.
import { plural } from './format';
import type { DissectedField, ProtocolVersion } from './types';

/** The bytes cannot be read further in the current scope (they end, or a declared length ends). */
export class DissectError extends Error {}

export class Dissection {
  pos = 0;
  /** Reads may not pass this offset: the end of the bytes, the Remaining Length or a Property Length. */
  limit: number;
  /** Why the limit is where it is, for error messages. */
  limitReason: string;
  /** Where the Remaining Length says the packet ends (may be past the bytes we have). */
  packetEnd: number;
  /** Set for CONNECT: bytes that could not be dissected may hold the password, so they are not shown. */
  secretive = false;
  readonly root: DissectedField[] = [];
  readonly problems: string[] = [];
  private siblings: DissectedField[] = this.root;

  constructor(
    readonly bytes: Uint8Array,
    /** From the connection; CONNECT replaces it with its own Protocol Level. */
    public version: ProtocolVersion,
  ) {
    this.limit = bytes.length;
    this.packetEnd = bytes.length;
    this.limitReason = `the packet is cut off at offset ${bytes.length}`;
  }

  get is5(): boolean {
    return this.version === 5;
  }

  problem(text: string): void {
    this.problems.push(text);
  }

  need(n: number, what: string): void {
    if (this.pos + n > this.limit) {
      throw new DissectError(`${what} needs ${plural(n, 'byte')} at offset ${this.pos}, but ${this.limitReason}`);
    }
  }

  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++];
  }

  u16(what: string): number {
    this.need(2, what);
    const v = (this.bytes[this.pos] << 8) | this.bytes[this.pos + 1];
    this.pos += 2;
    return v;
  }

  u32(what: string): number {
    this.need(4, what);
    const b = this.bytes;
    const p = this.pos;
    // Multiplication, not <<, keeps values ≥ 2^31 positive.
    const v = b[p] * 0x1000000 + ((b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]);
    this.pos += 4;
    return v;
  }

  /** Appends a finished field to the group being built. */
  add(field: DissectedField): DissectedField {
    this.siblings.push(field);
    return field;
  }

  /** The field added last to the group being built (to refine its note after a check). */
  lastAdded(): DissectedField {
    return this.siblings[this.siblings.length - 1];
  }

  /**
   * A field made of other fields. Its end is wherever reading stopped, even when `fill` throws,
   * so a group cut short still covers exactly what was read; a group that read nothing is dropped.
   */
  group(name: string, fill: (field: DissectedField) => void): DissectedField {
    const field: DissectedField = { name, start: this.pos, end: this.pos, value: '', children: [] };
    const outer = this.siblings;
    outer.push(field);
    this.siblings = field.children!;
    try {
      fill(field);
    } finally {
      this.siblings = outer;
      field.end = this.pos;
      if (field.end === field.start && field.children!.length === 0) outer.splice(outer.indexOf(field), 1);
      if (field.value === '') field.value = plural(field.end - field.start, 'byte');
    }
    return field;
  }

  /** Runs `read` with reads limited to `end` (a declared length), restoring the outer limit after. */
  within<T>(end: number, reason: string, read: () => T): T {
    const outer = { limit: this.limit, reason: this.limitReason };
    // At equal ends the inner scope is the one the bytes break, so its reason is the one to give.
    if (end <= this.limit) {
      this.limit = end;
      this.limitReason = reason;
    }
    try {
      return read();
    } finally {
      this.limit = outer.limit;
      this.limitReason = outer.reason;
    }
  }
}
