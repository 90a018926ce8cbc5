import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract';

export interface AppInfoState {
  info: AppInfo | null;
  setInfo(info: AppInfo): void;
}

export const useAppInfoStore = create<AppInfoState>()((set) => ({
  info: null,
  setInfo: (info) => set({ info }),
}));
