// The timeline: its filter, the window of flows the core last sent, the selected flow
// (kept up to date from the windows while it is in one), the legs of its message
// fetched around it, and the guided scenario.
import { create } from 'zustand';
import type { FlowRecord, FlowWindow, ScenarioReport } from '../../shared/capture-contract';
import type { Qos } from '../../shared/contract';
import { emptyFlowFilter, type FlowFilterState } from '../lib/capture-filters';

export type ScenarioRun =
  | { kind: 'idle' }
  | { kind: 'running'; qos: Qos; startedAt: number }
  | { kind: 'done'; qos: Qos; report: ScenarioReport }
  | { kind: 'failed'; qos: Qos; message: string; field: string | null };

export interface FlowState {
  filter: FlowFilterState;
  window: FlowWindow | null;
  /** Counts windows received: a request's answer is a window received after its reply. */
  serial: number;
  selectedId: number | null;
  /** The selected flow as last seen (window or getFlow); null while loading or gone. */
  selected: FlowRecord | null;
  /** Flows fetched by id (legs of the selected message, a scenario's flows). */
  fetched: Map<number, FlowRecord>;
  /** A flow to scroll the list to once its row is found. */
  reveal: number | null;
  /** Why a selection has nothing to show ("No flow captured for this message"). */
  note: string | null;
  scenario: ScenarioRun;
  setFilter(patch: Partial<FlowFilterState>): void;
  replaceFilter(filter: FlowFilterState): void;
  apply(window: FlowWindow): void;
  select(id: number | null, record?: FlowRecord | null): void;
  remember(flows: readonly FlowRecord[]): void;
  setReveal(id: number | null): void;
  setNote(note: string | null): void;
  setScenario(run: ScenarioRun): void;
}

/** Fetched flows kept at most; they are only the neighbourhood of one selection. */
const fetchedLimit = 500;

export const useFlowStore = create<FlowState>()((set, get) => ({
  filter: emptyFlowFilter,
  window: null,
  serial: 0,
  selectedId: null,
  selected: null,
  fetched: new Map(),
  reveal: null,
  note: null,
  scenario: { kind: 'idle' },
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  replaceFilter: (filter) => set({ filter }),
  apply: (window) => {
    const s = get();
    const fresh = s.selectedId === null ? undefined : window.rows.find((f) => f.id === s.selectedId);
    set({ window, serial: s.serial + 1, ...(fresh ? { selected: fresh } : {}) });
  },
  select: (id, record) => {
    const s = get();
    const known = record ?? (id === null ? null : (s.window?.rows.find((f) => f.id === id) ?? s.fetched.get(id) ?? null));
    set({ selectedId: id, selected: known, note: null });
  },
  remember: (flows) => {
    if (flows.length === 0) return;
    const s = get();
    const fetched = new Map(s.fetched);
    for (const f of flows) fetched.set(f.id, f);
    while (fetched.size > fetchedLimit) fetched.delete(fetched.keys().next().value as number);
    const fresh = s.selectedId === null ? undefined : flows.find((f) => f.id === s.selectedId);
    set({ fetched, ...(fresh ? { selected: fresh } : {}) });
  },
  setReveal: (reveal) => set({ reveal }),
  setNote: (note) => set({ note }),
  setScenario: (scenario) => set({ scenario }),
}));
