// Counts and sizes in one fixed style, independent of the machine's locale, so
// screenshots, bug reports and tests read the same everywhere.

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 3410 -> "3,410". */
export function formatCount(n: number): string {
  return grouping.format(n);
}

/** "1 msg" / "3,410 msgs". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

const units = ['KB', 'MB', 'GB', 'TB'];

/** Binary units (1 KB = 1024 B): one decimal below 10, whole numbers above, "812 B" under 1 KB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  // 1023.6 KB rounds to 1024 KB; say 1 MB instead.
  if (rounded >= 1024 && unit < units.length - 1) return `1 ${units[unit + 1]}`;
  return `${rounded} ${units[unit]}`;
}
