// Saved connection profiles as the core last sent them, and the editor that is open (at
// most one: it is a modal dialog, opened from the list or from a connection's details).
import { create } from 'zustand';
import type { ProfilesState } from '../../shared/profile-contract';
import type { ProfileForm } from '../lib/profile-form';

export interface EditorRequest {
  title: string;
  form: ProfileForm;
  /** Shown at the top of the editor, e.g. why the password field is empty on a copy. */
  note: string | null;
}

export interface ProfilesStoreState {
  profiles: ProfilesState | null;
  loadError: string | null;
  /** The file problem the user dismissed; it shows again if the core reports another. */
  dismissedProblem: string | null;
  editor: EditorRequest | null;
  setProfiles(profiles: ProfilesState): void;
  setLoadError(message: string): void;
  dismissProblem(): void;
  openEditor(request: EditorRequest): void;
  closeEditor(): void;
}

export const useProfilesStore = create<ProfilesStoreState>()((set) => ({
  profiles: null,
  loadError: null,
  dismissedProblem: null,
  editor: null,
  setProfiles: (profiles) => set({ profiles, loadError: null }),
  setLoadError: (loadError) => set({ loadError }),
  dismissProblem: () => set((s) => ({ dismissedProblem: s.profiles?.problem ?? null })),
  openEditor: (editor) => set({ editor }),
  closeEditor: () => set({ editor: null }),
}));
