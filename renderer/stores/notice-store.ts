// Errors of actions that have no form field to show them at (switching, expanding...).
import { create } from 'zustand';

export interface NoticeState {
  message: string | null;
  show(message: string): void;
  clear(): void;
}

export const useNoticeStore = create<NoticeState>()((set) => ({
  message: null,
  show: (message) => set({ message }),
  clear: () => set({ message: null }),
}));
