// Links the legs of one message through the embedded broker: the PUBLISH a client
// sent and the PUBLISHes the broker delivered to each subscriber carry the same topic
// and payload, so they share a message id. A delivery is matched to the latest such
// PUBLISH of the last ten seconds.
import type { FlowRecord } from '../../../shared/capture-contract';

const windowMs = 10_000;
/** Published messages remembered for matching; beyond it the oldest are forgotten first. */
const maxRemembered = 50_000;

export class MessageLinker {
  private nextId = 1;
  private readonly recent = new Map<string, { id: number; at: number }>();

  link(flow: FlowRecord, payload: Uint8Array): number | null {
    const key = `${flow.topic}\u0000${payload.length}\u0000${fnv1a(payload)}`;
    if (flow.senderIsClient) {
      const id = this.nextId++;
      // Delete first so the entry moves to the end: the map stays in time order.
      this.recent.delete(key);
      this.recent.set(key, { id, at: flow.startedAt });
      if (this.recent.size > maxRemembered) this.prune(flow.startedAt);
      return id;
    }
    const found = this.recent.get(key);
    return found && flow.startedAt - found.at <= windowMs ? found.id : null;
  }

  // Entries sit in insertion order, which is time order: pruning walks from the oldest
  // and stops at the first young one, and a burst that fills the map within the window
  // loses its oldest quarter (a delivery of those can no longer be linked, which is
  // all). Pruning only what aged out would find nothing to prune in such a burst and
  // run over the whole map on every message.
  private prune(now: number): void {
    const keep = Math.floor(maxRemembered * 0.75);
    for (const [key, entry] of this.recent) {
      if (now - entry.at <= windowMs && this.recent.size <= keep) break;
      this.recent.delete(key);
    }
  }

  get size(): number {
    return this.recent.size;
  }
}

function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}
