// Which view the main area shows (Topics, Packets, Timeline, Retained, Charts), and the panels the
// capture views share.
import { create } from 'zustand';

export type MainView = 'topics' | 'packets' | 'timeline' | 'retained' | 'charts' | 'broker-stats';

export interface CaptureUiState {
  view: MainView;
  /** The fault injection bar, in Packets and in Timeline (open there by default). */
  faultsOpen: Record<'packets' | 'timeline', boolean>;
  /** The link the fault panel acts on. */
  faultLinkId: string | null;
  setView(view: MainView): void;
  setFaultsOpen(view: 'packets' | 'timeline', open: boolean): void;
  setFaultLink(linkId: string | null): void;
}

export const useCaptureUiStore = create<CaptureUiState>()((set) => ({
  view: 'topics',
  faultsOpen: { packets: false, timeline: true },
  faultLinkId: null,
  setView: (view) => set({ view }),
  setFaultsOpen: (view, open) => set((s) => ({ faultsOpen: { ...s.faultsOpen, [view]: open } })),
  setFaultLink: (faultLinkId) => set({ faultLinkId }),
}));
