// The chart as files: its points as CSV and its picture as PNG, handed to the browser's
// downloads so the same code works in the desktop app and in web mode.

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // After the click has started the download; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface PngLegendItem {
  label: string;
  color: string;
}

/** The plot's canvas on the page's background, with each series' name in its colour above it. */
export function chartPng(plot: HTMLCanvasElement, legend: readonly PngLegendItem[], background: string): Promise<Blob> {
  const ratio = plot.width / Math.max(1, plot.clientWidth || plot.width);
  const legendHeight = Math.round(28 * ratio);
  const out = document.createElement('canvas');
  out.width = plot.width;
  out.height = plot.height + legendHeight;
  const ctx = out.getContext('2d');
  if (!ctx) return Promise.reject(new Error('This browser cannot draw on a canvas.'));
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.font = `${Math.round(13 * ratio)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  let x = Math.round(12 * ratio);
  for (const item of legend) {
    ctx.fillStyle = item.color;
    ctx.fillRect(x, legendHeight / 2 - 2 * ratio, 14 * ratio, 4 * ratio);
    x += 20 * ratio;
    ctx.fillText(item.label, x, legendHeight / 2);
    x += ctx.measureText(item.label).width + 18 * ratio;
  }
  ctx.drawImage(plot, 0, legendHeight);
  return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be turned into a PNG.'))), 'image/png'));
}

/** A file name safe on every system, with the time it was taken. */
export function exportFileName(extension: string, now = new Date()): string {
  return `mqtt-scope-chart-${now.toISOString().replace(/[:.]/g, '-')}.${extension}`;
}
