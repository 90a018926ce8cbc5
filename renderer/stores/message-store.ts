// The message whose full payload is shown.
import { create } from 'zustand';
import type { MessageDetail } from '../../shared/contract';

export type MessageLoad =
  | { kind: 'none' }
  | { kind: 'loading'; seq: number }
  | { kind: 'loaded'; seq: number; detail: MessageDetail }
  /** The core no longer keeps it (evicted between the click and the request). */
  | { kind: 'gone'; seq: number }
  | { kind: 'error'; seq: number; message: string };

export interface MessageState {
  load: MessageLoad;
  set(load: MessageLoad): void;
}

export const useMessageStore = create<MessageState>()((set) => ({
  load: { kind: 'none' },
  set: (load) => set({ load }),
}));

export function selectedSeq(load: MessageLoad): number | null {
  return load.kind === 'none' ? null : load.seq;
}
