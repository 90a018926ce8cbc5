// The capture's links (every client of the embedded broker, every connection of ours
// to another broker), and the core's monotonic clock as seen from here.
import { create } from 'zustand';
import type { CaptureLink, PacketRecord } from '../../shared/capture-contract';

export interface LinksState {
  links: CaptureLink[];
  loaded: boolean;
  /**
   * Wall-clock epoch ms minus the core's monotonic `at`, learnt from any packet record:
   * flows carry only `at`, and the timeline shows wall time and live waits.
   */
  clockOffset: number | null;
  setLinks(links: CaptureLink[]): void;
  learnClock(record: Pick<PacketRecord, 'time' | 'at'>): void;
}

export const useLinksStore = create<LinksState>()((set, get) => ({
  links: [],
  loaded: false,
  clockOffset: null,
  setLinks: (links) => set({ links, loaded: true }),
  learnClock: (r) => {
    if (get().clockOffset === null) set({ clockOffset: r.time - r.at });
  },
}));

export function linkById(links: readonly CaptureLink[], id: string | null): CaptureLink | undefined {
  return id === null ? undefined : links.find((l) => l.id === id);
}

/** A label for a link id, even before the links event named it. */
export function linkLabel(links: readonly CaptureLink[], id: string): string {
  return linkById(links, id)?.label ?? id.replace(/^(broker|conn):/, '');
}

/** The core's monotonic clock now, when the offset is known. */
export function coreNow(clockOffset: number | null, wallNow: number): number | null {
  return clockOffset === null ? null : wallNow - clockOffset;
}
