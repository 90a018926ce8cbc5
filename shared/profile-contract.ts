// The profiles' part of the contract: saved connections with their secrets kept on
// the main side. contract.ts merges these in.
import { z } from 'zod';
import { ProfileIdSchema, ProfileInputSchema, type ProfileView } from './profile';

export const profileRequestSchemas = {
  listProfiles: z.undefined(),
  /** New (no id) or an update; secrets as text set them, null or '' clears, left out keeps. */
  saveProfile: ProfileInputSchema,
  deleteProfile: z.object({ id: ProfileIdSchema }),
  /** Opens a connection from a saved profile (with its secrets, TLS files and 5.0 options). */
  connectProfile: z.object({ id: ProfileIdSchema }),
  /** Our own export, an MQTTX export or MQTT Explorer's settings.json, as text. */
  importProfiles: z.object({ text: z.string().max(32 * 1024 * 1024) }),
  exportProfiles: z.object({ includeSecrets: z.boolean() }),
} as const;

export interface ProfilesState {
  profiles: ProfileView[];
  /** Why the saved file could not be used, if it could not (it was set aside, never overwritten). */
  problem: string | null;
  /** How secrets are protected on this machine, in words. */
  secretProtection: string;
}

export interface ProfileImportResult {
  format: string;
  imported: ProfileView[];
  skipped: { name: string; reason: string }[];
  notes: { name: string; field: string; message: string }[];
}

export interface ProfileResults {
  listProfiles: ProfilesState;
  saveProfile: ProfileView;
  deleteProfile: void;
  connectProfile: { connectionId: string };
  importProfiles: ProfileImportResult;
  /** The export as JSON text, and a file name to suggest. */
  exportProfiles: { json: string; fileName: string };
}

export interface ProfileEvents {
  profiles: ProfilesState;
}
