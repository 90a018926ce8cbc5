// Who may use the contract over IPC: the main frame of a window we opened ourselves,
// while it shows our origin. Kept free of 'electron' so the rule is unit-tested as is;
// ipc-transport.ts reads these three facts off each IPC event.
import { isAppUrl } from './app-origin';

export interface IpcSender {
  /** WebContents id: unique for the app's lifetime. */
  senderId: number;
  /** The frame is its window's top-level frame (not an iframe, not a detached frame). */
  frameIsMain: boolean;
  /** null when the frame navigated away or was destroyed before the message was handled. */
  frameUrl: string | null;
}

export function isTrustedSender(sender: IpcSender, trustedIds: ReadonlySet<number>): boolean {
  return trustedIds.has(sender.senderId) && sender.frameIsMain && sender.frameUrl !== null && isAppUrl(sender.frameUrl);
}
