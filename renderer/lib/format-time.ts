// Message times as a debugging log shows them: local wall clock to the millisecond.

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** HH:MM:SS.mmm in local time. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}:${pad(d.getSeconds(), 2)}.${pad(d.getMilliseconds(), 3)}`;
}

/** YYYY-MM-DD HH:MM:SS.mmm in local time, for the detail view where the day can matter. */
export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)} ${formatClock(epochMs)}`;
}
