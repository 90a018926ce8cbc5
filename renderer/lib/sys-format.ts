// A $SYS value in words with its unit: byte counts as KB/MB, uptime as days and hours,
// counts with thousands separators; text (the version, EMQX's datetime) as sent.
import { sysFields, sysNumber, type SysFieldId } from '../../shared/sys-stats';
import { formatBytes, formatCount } from './format-number';

export function sysValueText(field: SysFieldId, text: string): string {
  const { unit } = sysFields[field];
  const n = sysNumber(text);
  if (unit === '' || n === null) return text;
  if (field === 'uptime') return durationText(n);
  if (unit === 'bytes') return formatBytes(n);
  if (unit === 'bytes/min') return `${formatBytes(n)}/min`;
  // Load averages carry decimals that matter only for small figures.
  const shown = Number.isInteger(n) || n >= 100 ? formatCount(Math.round(n)) : n.toFixed(2);
  // "1 client", "2 clients": the units that are counts of things take a plural.
  return `${shown} ${n === 1 && unit.endsWith('s') ? unit.slice(0, -1) : unit}`;
}

export function durationText(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s} s`;
  return `${s} s`;
}
