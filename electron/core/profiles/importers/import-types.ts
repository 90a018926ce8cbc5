// What each importer produces from another tool's file: profile inputs for the store
// to validate and save, and notes for everything that could not be carried over, so
// nothing is dropped without the user being told.
import type { ProfileInput } from '../../../../shared/profile';

export type ImportFormat = 'mqtt-scope' | 'mqttx' | 'mqtt-explorer';

export const formatNames: Record<ImportFormat, string> = {
  'mqtt-scope': 'MQTT Scope export',
  mqttx: 'MQTTX export',
  'mqtt-explorer': 'MQTT Explorer settings',
};

/** A certificate or key embedded in the imported file; the store writes it to a file of its own. */
export interface EmbeddedFile {
  slot: 'caFile' | 'certFile' | 'keyFile';
  fileName: string;
  data: Buffer;
}

export interface ImportNote {
  /** The profile's name. */
  name: string;
  /** The field in the imported file, e.g. 'properties.authenticationMethod'. */
  field: string;
  message: string;
}

export interface ImportCandidate {
  name: string;
  /** Kept when no profile has it yet (our own format); otherwise a new id is chosen. */
  id?: string;
  input: ProfileInput;
  files: EmbeddedFile[];
  notes: ImportNote[];
}

export interface ParsedImport {
  format: ImportFormat;
  candidates: ImportCandidate[];
  skipped: { name: string; reason: string }[];
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value carries information (worth a note when it cannot be imported). */
export function meaningful(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.values(value).some(meaningful);
  return true;
}

/** Notes for the keys of `source` that were neither used nor known to be bookkeeping. */
export function reportUnmapped(
  name: string,
  source: Json,
  used: ReadonlySet<string>,
  bookkeeping: ReadonlySet<string>,
  prefix: string,
  notes: ImportNote[],
  why: (key: string) => string = () => 'MQTT Scope has no such setting; it was not imported.',
): void {
  for (const [key, value] of Object.entries(source)) {
    if (used.has(key) || bookkeeping.has(key) || !meaningful(value)) continue;
    notes.push({ name, field: `${prefix}${key}`, message: why(key) });
  }
}

export function text(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** Numbers as JSON, CSV-ish strings ("60") or absent. */
export function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

export function bool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 1) return true;
  if (value === 'false' || value === 0) return false;
  return null;
}

/** MQTT.js-style user properties ({ name: value | value[] }, maybe JSON-encoded) as [name, value] pairs. */
export function userPropertyPairs(value: unknown): [string, string][] {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  if (Array.isArray(v)) return v.filter((p): p is [string, string] => Array.isArray(p) && p.length === 2).map(([k, x]) => [String(k), String(x)]);
  if (!isObject(v)) return [];
  return Object.entries(v).flatMap(([k, x]) => (Array.isArray(x) ? x.map((y): [string, string] => [k, String(y)]) : [[k, String(x)] as [string, string]]));
}

/** A Buffer as JSON.stringify writes it ({ type: 'Buffer', data: [...] }), or text, as base64. */
export function bytesAsBase64(value: unknown): string | null {
  if (isObject(value) && value.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data as number[]).toString('base64');
  if (typeof value === 'string' && value !== '') return Buffer.from(value, 'utf8').toString('base64');
  return null;
}
