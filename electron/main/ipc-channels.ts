// Channel names shared by the preload and the main side; nothing else crosses IPC.
export const REQUEST_CHANNEL = 'scope:request';
export const EVENT_CHANNEL = 'scope:event';
/** Sent by the preload as each document starts: a reload gets a fresh session (view state). */
export const SESSION_CHANNEL = 'scope:session';
