// The publish panel's state. It lives here rather than in the panel because the panel
// unmounts whenever another view is shown ("Show handshake" switches to the Timeline),
// and coming back must find the message, the open sections, a running repeat and the
// last outcome as they were.
import { create } from 'zustand';
import type { PublishEvents, PublishLibrary, RepeatState, RequestOutcome } from '../../shared/publish-contract';
import { emptyDraft, type PublishDraft } from '../lib/publish-draft';
import type { FieldProblems } from '../lib/publish-message';
import { defaultRepeatDraft, type RepeatDraft } from '../lib/publish-repeat';
import { defaultRequestDraft, type RequestDraft } from '../lib/publish-request';
import { sectionOfField, type PublishSection } from '../lib/publish-sections';

export interface Published {
  topic: string;
  size: number;
  flowId: number | null;
}

export type RequestRun =
  | { kind: 'idle' }
  | { kind: 'waiting'; replyTopic: string; timeoutMs: number }
  | { kind: 'done'; outcome: RequestOutcome; timeoutMs: number };

export interface PublishState {
  /** The connection the panel last showed: problems and outcomes of another one do not apply. */
  connectionId: string | null;
  draft: PublishDraft;
  /** The tree selection the topic last followed: a remount must not overwrite a topic typed since. */
  followed: string | null;
  /** Problems of the last attempt (found here or by the core), by field; editing a field clears its own. */
  attempt: FieldProblems;
  /** A failure about no field (the connection dropped...). */
  general: string | null;
  /** A note about the payload field that is not a problem (a format switch that was refused). */
  payloadNote: string | null;
  sections: Record<PublishSection, boolean>;
  busy: boolean;
  published: Published | null;
  repeatDraft: RepeatDraft;
  /** The repeat started from this form. */
  ownRepeatId: string | null;
  /** As the core last pushed them (the `publishing` event). */
  repeats: RepeatState[];
  libraryRevision: number;
  library: { connectionId: string; value: PublishLibrary } | null;
  libraryError: string | null;
  request: RequestDraft;
  requestRun: RequestRun;

  showConnection(connectionId: string | null): void;
  edit(change: (d: PublishDraft) => PublishDraft, ...touched: string[]): void;
  follow(topic: string): void;
  setAttempt(problems: FieldProblems, general?: string | null): void;
  clearProblems(...fields: string[]): void;
  setPayloadNote(note: string | null): void;
  toggleSection(section: PublishSection, open?: boolean): void;
  setBusy(busy: boolean): void;
  setPublished(published: Published | null): void;
  editRepeat(change: Partial<RepeatDraft>, ...touched: string[]): void;
  setOwnRepeat(id: string | null): void;
  applyPublishing(state: PublishEvents['publishing']): void;
  setLibrary(connectionId: string, value: PublishLibrary): void;
  setLibraryError(message: string | null): void;
  editRequest(change: Partial<RequestDraft>, ...touched: string[]): void;
  setRequestRun(run: RequestRun): void;
}

const closed: Record<PublishSection, boolean> = { properties: false, repeat: false, request: false, library: false };

function without(problems: FieldProblems, touched: readonly string[]): FieldProblems {
  if (!touched.some((t) => t in problems)) return problems;
  const next = { ...problems };
  for (const t of touched) delete next[t];
  return next;
}

export const usePublishStore = create<PublishState>()((set, get) => ({
  connectionId: null,
  draft: emptyDraft,
  followed: null,
  attempt: {},
  general: null,
  payloadNote: null,
  sections: closed,
  busy: false,
  published: null,
  repeatDraft: defaultRepeatDraft,
  ownRepeatId: null,
  repeats: [],
  libraryRevision: -1,
  library: null,
  libraryError: null,
  request: defaultRequestDraft,
  requestRun: { kind: 'idle' },

  showConnection: (connectionId) => {
    if (get().connectionId === connectionId) return;
    // The message stays (publishing the same thing elsewhere is common); what was said about the other connection goes.
    set({ connectionId, attempt: {}, general: null, requestRun: { kind: 'idle' } });
  },
  edit: (change, ...touched) => set((s) => ({ draft: change(s.draft), attempt: without(s.attempt, touched), general: null, payloadNote: null })),
  follow: (topic) => {
    if (get().followed === topic) return;
    set((s) => ({ followed: topic, draft: { ...s.draft, topic }, attempt: without(s.attempt, ['topic']) }));
  },
  setAttempt: (problems, general = null) => {
    // A section with a problem inside opens, so no problem stays hidden behind a closed one.
    const sections = { ...get().sections };
    for (const field of Object.keys(problems)) {
      const section = sectionOfField(field);
      if (section) sections[section] = true;
    }
    set({ attempt: problems, general, sections });
  },
  clearProblems: (...fields) => set((s) => ({ attempt: without(s.attempt, fields) })),
  setPayloadNote: (payloadNote) => set({ payloadNote }),
  toggleSection: (section, open) => set((s) => ({ sections: { ...s.sections, [section]: open ?? !s.sections[section] } })),
  setBusy: (busy) => set({ busy }),
  setPublished: (published) => set({ published }),
  editRepeat: (change, ...touched) => set((s) => ({ repeatDraft: { ...s.repeatDraft, ...change }, attempt: without(s.attempt, touched) })),
  setOwnRepeat: (ownRepeatId) => set({ ownRepeatId }),
  applyPublishing: ({ repeats, libraryRevision }) => set({ repeats, libraryRevision }),
  setLibrary: (connectionId, value) => set({ library: { connectionId, value }, libraryError: null }),
  setLibraryError: (libraryError) => set({ libraryError }),
  editRequest: (change, ...touched) => set((s) => ({ request: { ...s.request, ...change }, attempt: without(s.attempt, touched) })),
  setRequestRun: (requestRun) => set({ requestRun }),
}));
