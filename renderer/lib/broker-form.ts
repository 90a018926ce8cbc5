// The broker settings dialog's state. Inputs keep the text as typed (a half-typed port
// stays on screen and is reported at its field, never coerced); brokerInputFromForm
// turns the form into what saveBrokerSettings takes, and validateBrokerSettings checks.
import type { BrokerSettingsInput, BrokerSettingsView } from '../../shared/broker-settings';
import type { SecretEdit } from './profile-form';

export interface BrokerUserRow {
  /** Stable across edits, for React; problems are placed by the row's index. */
  key: number;
  username: string;
  /** A new password as typed; '' keeps the stored one (or is a problem when none is stored). */
  password: string;
  /** One MQTT filter per line, as typed. */
  publish: string;
  subscribe: string;
}

export type PacketSizeUnit = 'bytes' | 'KB' | 'MB';
export const packetSizeUnits: Record<PacketSizeUnit, number> = { bytes: 1, KB: 1024, MB: 1024 * 1024 };

export interface BrokerForm {
  host: string;
  port: string;
  requireAuth: boolean;
  users: BrokerUserRow[];
  /**
   * Usernames that have a password stored. The core keeps a password by username (not by
   * row), so a row shows "unchanged" exactly when its current name is one of these.
   */
  storedPasswords: readonly string[];
  tls: {
    enabled: boolean;
    port: string;
    certFile: string;
    keyFile: string;
    passphrase: SecretEdit;
    passphraseStored: boolean;
  };
  limits: {
    maxPacketSize: string;
    packetSizeUnit: PacketSizeUnit;
    maxInflight: string;
    maxConnections: string;
  };
}

let nextRowKey = 1;

export function newUserRow(): BrokerUserRow {
  return { key: nextRowKey++, username: '', password: '', publish: '', subscribe: '' };
}

export function formFromBrokerView(view: BrokerSettingsView): BrokerForm {
  const unit = largestExactUnit(view.limits.maxPacketBytes);
  return {
    host: view.host,
    port: String(view.port),
    requireAuth: view.requireAuth,
    users: view.users.map((u) => ({ ...newUserRow(), username: u.username, publish: u.publish.join('\n'), subscribe: u.subscribe.join('\n') })),
    storedPasswords: view.users.filter((u) => u.hasPassword).map((u) => u.username),
    tls: {
      enabled: view.tls.enabled,
      port: String(view.tls.port),
      certFile: view.tls.certFile,
      keyFile: view.tls.keyFile,
      // As in the profile editor: a stored secret is kept until changed; otherwise the input is open.
      passphrase: view.tls.passphraseSet ? { kind: 'keep' } : { kind: 'set', value: '' },
      passphraseStored: view.tls.passphraseSet,
    },
    limits: {
      maxPacketSize: String(view.limits.maxPacketBytes / packetSizeUnits[unit]),
      packetSizeUnit: unit,
      maxInflight: String(view.limits.maxInflight),
      maxConnections: String(view.limits.maxConnections),
    },
  };
}

/** 1 MiB reads as "1 MB", 65,536 bytes as "64 KB", 1000 bytes as "1000 bytes". */
function largestExactUnit(bytes: number): PacketSizeUnit {
  if (bytes % packetSizeUnits.MB === 0) return 'MB';
  if (bytes % packetSizeUnits.KB === 0) return 'KB';
  return 'bytes';
}

export function brokerInputFromForm(f: BrokerForm): BrokerSettingsInput {
  return {
    host: f.host.trim(),
    port: numberInput(f.port),
    requireAuth: f.requireAuth,
    users: f.users.map((u) => ({
      username: u.username,
      // '' keeps: a password cannot be empty, and the field starts empty for a stored one.
      password: u.password === '' ? null : u.password,
      publish: patternLines(u.publish).map((l) => l.pattern),
      subscribe: patternLines(u.subscribe).map((l) => l.pattern),
    })),
    tls: {
      enabled: f.tls.enabled,
      port: numberInput(f.tls.port),
      certFile: f.tls.certFile.trim(),
      keyFile: f.tls.keyFile.trim(),
      passphrase: secretInput(f.tls.passphrase),
    },
    limits: {
      maxPacketBytes: packetBytes(f.limits),
      maxInflight: numberInput(f.limits.maxInflight),
      maxConnections: numberInput(f.limits.maxConnections),
    },
  };
}

/** The packet size in bytes, or NaN when what is typed is no number (the schema says so). */
export function packetBytes(limits: BrokerForm['limits']): number {
  const n = numberInput(limits.maxPacketSize);
  // Rounded so that 0.1 MB is 104,858 bytes rather than "not a whole number".
  return limits.packetSizeUnit === 'bytes' ? n : Math.round(n * packetSizeUnits[limits.packetSizeUnit]);
}

/** Blank is NaN, so the schema reports "must be a number" instead of a surprising 0. */
function numberInput(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function secretInput(edit: SecretEdit): string | null {
  if (edit.kind === 'keep') return null;
  if (edit.kind === 'clear') return '';
  // A blank new passphrase is nothing to set: keep the stored one.
  return edit.value === '' ? null : edit.value;
}

export interface PatternLine {
  /** 1-based line in the text area, for messages ("line 3: …"). */
  line: number;
  pattern: string;
}

/**
 * The filters in a pattern list, one per line. Blank lines are skipped, and spaces around a
 * filter are dropped: in an ACL they are typing slips, and a filter that differs from the
 * intended one by a trailing space would silently never match.
 */
export function patternLines(text: string): PatternLine[] {
  const lines: PatternLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const pattern = raw.trim();
    if (pattern !== '') lines.push({ line: i + 1, pattern });
  });
  return lines;
}

/** Whether a row's current username has a password stored (what the core would keep). */
export function hasStoredPassword(f: BrokerForm, row: BrokerUserRow): boolean {
  return f.storedPasswords.includes(row.username);
}

